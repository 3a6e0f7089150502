import {describe, expect, test} from 'vitest';
import {reduceView} from '../../../source/core/view/reducer.js';
import {initialViewState} from '../../../source/core/view/initial.js';
import type {ViewAction, ViewState} from '../../../source/core/view/types.js';
import {DEPLOYING_EVENTS, T0, details, event, makeConfig, manyEvents} from '../../ui/fixtures.js';
import {stateAfter as run} from './run-view.js';
import {diagnoseShown} from '../../../source/core/view/diagnose.js';

function start(overrides: Partial<{columns: number; rows: number}> = {}): ViewState {
	return initialViewState({diagnose: diagnoseShown, config: makeConfig(), now: T0, columns: overrides.columns ?? 120, rows: overrides.rows ?? 40});
}


function withEvents(count: number, rows = 40): ViewState {
	return run(start({rows}), {type: 'events', events: manyEvents(count), at: T0});
}

describe('updateView: key intents', () => {
	test.each([
		{given: 'all', presses: 1, expected: 'abnormal'},
		{given: 'all', presses: 2, expected: 'warning'},
		{given: 'all', presses: 3, expected: 'normal'},
		{given: 'all', presses: 4, expected: 'all'},
	] as const)('f pressed $presses time(s) from $given shows $expected', ({presses, expected}) => {
		const actions: ViewAction[] = Array.from({length: presses}, () => ({type: 'cycle-filter'}));
		expect(run(start(), ...actions).settings.typeFilter).toBe(expected);
	});

	test('the initial filter and order come from the config', () => {
		const state = initialViewState({diagnose: diagnoseShown, config: makeConfig({typeFilter: 'abnormal', order: 'asc'}), now: T0, columns: 80, rows: 24});
		expect(state.settings).toMatchObject({typeFilter: 'abnormal', order: 'asc', page: 0, overlay: 'none'});
	});

	test('o toggles newest-first and oldest-first and goes back to the first page', () => {
		const paged = run(withEvents(300), {type: 'next-page'});
		const toggled = run(paged, {type: 'toggle-order'});
		expect(toggled.settings).toMatchObject({order: 'asc', page: 0});
		expect(run(toggled, {type: 'toggle-order'}).settings.order).toBe('desc');
	});

	test.each([
		{actions: ['next-page'], page: 1},
		{actions: ['next-page', 'next-page', 'prev-page'], page: 1},
		{actions: ['last-page'], page: 'last'},
		{actions: ['last-page', 'next-page'], page: 'last'},
		{actions: ['last-page', 'first-page'], page: 0},
	] as const)('paging $actions lands on page $page', ({actions, page}) => {
		const state = run(withEvents(300), ...actions.map(type => ({type}) as ViewAction));
		expect(state.settings.page).toBe(page === 'last' ? state.pageCount - 1 : page);
	});

	test('a filter change resets the page (page 5 of other events means nothing)', () => {
		const state = run(withEvents(300), {type: 'next-page'}, {type: 'cycle-filter'});
		expect(state.settings.page).toBe(0);
	});

	test('? opens and closes help; Esc closes it', () => {
		const open = run(start(), {type: 'toggle-help'});
		expect(open.settings.overlay).toBe('help');
		expect(run(open, {type: 'toggle-help'}).settings.overlay).toBe('none');
		expect(run(open, {type: 'escape'}).settings.overlay).toBe('none');
	});
});

describe('updateView: returns the same state when nothing changes', () => {
	const base = run(withEvents(10), {type: 'sync', state: {kind: 'ok', lastSuccessAt: T0, nextPollAt: T0 + 5000}, at: T0});
	test.each<[string, ViewAction]>([
		['an empty events batch', {type: 'events', events: [], at: T0 + 1}],
		['the same sync state again', {type: 'sync', state: {kind: 'ok', lastSuccessAt: T0, nextPollAt: T0 + 5000}, at: T0 + 1}],
		['a tick at the same time', {type: 'tick', now: T0}],
		['a resize to the same size', {type: 'resize', columns: 120, rows: 40}],
		['prev-page on the first page', {type: 'prev-page'}],
		['next-page on the only page', {type: 'next-page'}],
		['Esc with nothing open (and no picker to go back to)', {type: 'escape'}],
	])('%s', (_, action) => {
		expect(reduceView(base, action)).toEqual([base, []]);
		expect(reduceView(base, action)[0]).toBe(base);
	});

	test('the same details twice', () => {
		const once = run(base, {type: 'details', details: details(), at: T0});
		expect(reduceView(once, {type: 'details', details: details(), at: T0 + 5000})[0]).toBe(once);
	});

	test('the same details-unavailable reason twice', () => {
		const once = run(base, {type: 'details-unavailable', reason: '403', at: T0});
		expect(reduceView(once, {type: 'details-unavailable', reason: '403', at: T0 + 5000})[0]).toBe(once);
	});
});

describe('updateView: watch messages', () => {
	test('events go into the store and the deployment follows them', () => {
		const state = run(start(), {type: 'events', events: DEPLOYING_EVENTS, at: T0 + 130_000});
		const phases = state.deployment.tracks[0]?.phases.map(phase => phase.state);
		expect(phases).toEqual(['done', 'done', 'done', 'active', 'pending']);
		expect(state.pageCount).toBe(1);
	});

	test('a tick changes the time and keeps the derived deployment object', () => {
		const state = run(start(), {type: 'events', events: DEPLOYING_EVENTS, at: T0 + 130_000});
		const ticked = run(state, {type: 'tick', now: T0 + 131_000});
		expect(ticked.now).toBe(T0 + 131_000);
		expect(ticked.deployment).toBe(state.deployment);
	});

	test('details decide the outcome; failed details carry error_msg into the notices', () => {
		const state = run(
			start(),
			{type: 'events', events: DEPLOYING_EVENTS, at: T0 + 130_000},
			{type: 'details', details: details({status: 'failed', error_msg: 'image pull timed out'}), at: T0 + 130_000},
		);
		expect(state.deployment.outcome).toBe('failed');
		expect(state.notices[0]).toEqual({kind: 'failed', text: 'Deployment failed after 2m05s: image pull timed out'});
	});

	test('details-unavailable adds a note; later details clear it', () => {
		const unavailable = run(start(), {type: 'details-unavailable', reason: '403', at: T0});
		expect(unavailable.notices.map(notice => notice.kind)).toEqual(['info']);
		const recovered = run(unavailable, {type: 'details', details: details(), at: T0 + 5000});
		expect(recovered.detailsUnavailable).toBeNull();
		expect(recovered.notices).toEqual([]);
	});

	test('sync states are kept, and the last success survives a retry without one', () => {
		const ok = run(start(), {type: 'sync', state: {kind: 'ok', lastSuccessAt: T0, nextPollAt: T0 + 5000}, at: T0});
		const retrying = run(ok, {type: 'sync', state: {kind: 'retrying', attempt: 2, reason: 'HTTP 503', retryAt: T0 + 9000, lastSuccessAt: null}, at: T0 + 6000});
		expect(retrying.sync.kind).toBe('retrying');
		expect(retrying.lastSuccessAt).toBe(T0);
	});

	test('the skew estimate follows server times ahead of the client clock', () => {
		const state = run(start(), {type: 'events', events: [event(10, 'start to deploy service')], at: T0 + 4000});
		expect(state.skewMs).toBe(6000);
	});
});

describe('updateView: resize', () => {
	test('a smaller terminal gives fewer rows per page and keeps the page in range', () => {
		const last = run(withEvents(300), {type: 'last-page'});
		const small = run(last, {type: 'resize', columns: 80, rows: 24});
		expect(small.pageSize).toBeLessThan(last.pageSize);
		const larger = run(small, {type: 'resize', columns: 200, rows: 100});
		expect(larger.settings.page).toBeLessThan(larger.pageCount);
	});
});
