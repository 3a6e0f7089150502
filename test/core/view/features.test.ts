import {describe, expect, test} from 'vitest';
import {reduceView} from '../../../source/core/view/reducer.js';
import {initialViewState} from '../../../source/core/view/initial.js';
import type {ViewAction, ViewState} from '../../../source/core/view/types.js';
import {escapeTarget} from '../../../source/core/view/apply-intents.js';
import {DEPLOYING_EVENTS, T0, details, event, makeConfig, manyEvents} from '../../ui/fixtures.js';
import {stateAfter as run} from './run-view.js';
import {diagnoseShown} from '../../../source/core/view/diagnose.js';

function start(rows = 30): ViewState {
	return initialViewState({diagnose: diagnoseShown, config: makeConfig(), now: T0, columns: 120, rows});
}


const ok = (at: number): ViewAction => ({type: 'sync', state: {kind: 'ok', lastSuccessAt: at, nextPollAt: null}, at});
const typed = (text: string): ViewAction[] => [{type: 'search-start'}, {type: 'search-input', text}];
const rowTexts = (state: ViewState) => state.page.rows.map(row => row.info);

describe('search', () => {
	test('filters case-insensitively, live, combined with the type filter', () => {
		const state = run(start(), {type: 'events', events: manyEvents(40), at: T0}, ...typed('NUMBER 1'));
		expect(state.page.matching).toBe(11); // 1, 10…19
		expect(rowTexts(state).every(text => text.toLowerCase().includes('number 1'))).toBe(true);
		const abnormal = run(state, {type: 'search-accept'}, {type: 'cycle-filter'});
		// Every seventh event is abnormal: of 1 and 10…19 only 14.
		expect(rowTexts(abnormal)).toEqual(['[TF 3.0.0] event number 14']);
	});

	test('Backspace edits, Enter keeps and leaves typing, Esc clears', () => {
		const typing = run(start(), {type: 'events', events: manyEvents(20), at: T0}, ...typed('numbex'), {type: 'search-backspace'}, {type: 'search-input', text: 'r 3'});
		expect(typing.settings).toMatchObject({search: 'number 3', searchTyping: true});
		const kept = run(typing, {type: 'search-accept'});
		expect(kept.settings).toMatchObject({search: 'number 3', searchTyping: false});
		expect(escapeTarget(kept.settings)).toBe('search');
		const cleared = run(kept, {type: 'escape'});
		expect(cleared.settings).toMatchObject({search: '', searchTyping: false});
		expect(cleared.page.matching).toBe(20);
	});
});

describe('selection and details', () => {
	test('↓ selects the first row, then the next; crossing the page end moves to the next page', () => {
		const base = run(start(20), {type: 'events', events: manyEvents(40), at: T0});
		const first = run(base, {type: 'select-next'});
		expect(first.settings.selected?.key).toBe(base.page.rows[0]!.key);
		const presses: ViewAction[] = Array.from({length: base.pageSize}, () => ({type: 'select-next'}));
		const crossed = run(first, ...presses);
		expect(crossed.settings.page).toBe(1);
		expect(crossed.settings.selected?.key).toBe(crossed.page.rows[0]!.key);
		const back = run(crossed, {type: 'select-prev'});
		expect(back.settings.page).toBe(0);
		expect(back.settings.selected?.key).toBe(base.page.rows.at(-1)!.key);
	});

	test('the selection stays on its event while new events push it to another page', () => {
		const base = run(start(20), {type: 'events', events: manyEvents(40), at: T0});
		const last = run(base, ...Array.from({length: base.pageSize}, (): ViewAction => ({type: 'select-next'})));
		const key = last.settings.selected!.key;
		expect(last.settings.page).toBe(0);
		const pushed = run(last, {type: 'events', events: [event(900, 'newer'), event(901, 'newest')], at: T0});
		expect(pushed.settings.selected?.key).toBe(key);
		expect(pushed.settings.page).toBe(1);
		expect(pushed.page.rows.some(row => row.key === key)).toBe(true);
	});

	test('paging moves the selection to the first row of the new page; a filter that hides it drops it', () => {
		const base = run(start(20), {type: 'events', events: manyEvents(40), at: T0}, {type: 'select-next'}, {type: 'next-page'});
		expect(base.settings.selected?.key).toBe(base.page.rows[0]!.key);
		const normalRow = run(base, {type: 'first-page'});
		const abnormalOnly = run(normalRow, {type: 'cycle-filter'});
		const selectedType = normalRow.page.rows.find(row => row.key === normalRow.settings.selected?.key)?.type;
		expect(abnormalOnly.settings.selected === null).toBe(selectedType === 'normal');
	});

	test('Enter opens the selected event (or the first row); Esc closes details before the selection', () => {
		const base = run(start(), {type: 'events', events: DEPLOYING_EVENTS, at: T0});
		const open = run(base, {type: 'open-detail'});
		expect(open.settings.overlay).toBe('detail');
		expect(open.settings.selected?.key).toBe(base.page.rows[0]!.key);
		expect(escapeTarget(open.settings)).toBe('detail');
		const closed = run(open, {type: 'escape'});
		expect(closed.settings).toMatchObject({overlay: 'none'});
		expect(escapeTarget(closed.settings)).toBe('selection');
		expect(escapeTarget(run(closed, {type: 'escape'}).settings)).toBeNull();
	});
});

describe('pause', () => {
	test('freezes the table while events keep arriving, the phases staying live; space again catches up', () => {
		const base = run(start(), {type: 'events', events: DEPLOYING_EVENTS.slice(0, 3), at: T0});
		const paused = run(base, {type: 'toggle-pause'});
		const later = run(paused, {type: 'events', events: DEPLOYING_EVENTS.slice(3), at: T0 + 200_000});
		expect(later.page.rows).toBe(paused.page.rows);
		// The phases, outcome and header read the live deployment: they cannot disagree
		expect(later.deployment).not.toBe(paused.deployment);
		expect(later.deployment).toEqual(run(base, {type: 'events', events: DEPLOYING_EVENTS.slice(3), at: T0 + 200_000}).deployment);
		expect(later.store.version).toBeGreaterThan(paused.store.version);
		const resumed = run(later, {type: 'toggle-pause'});
		expect(resumed.frozen).toBeNull();
		expect(resumed.page.matching).toBe(DEPLOYING_EVENTS.length);
	});
});

describe('time mode', () => {
	test.each([
		[{kind: 'utc'} as const, ['utc', 'local', 'relative', 'utc']],
		[{kind: 'local'} as const, ['local', 'relative', 'utc', 'local']],
		[{kind: 'zone', name: 'Europe/Berlin'} as const, ['local', 'relative', 'utc', 'local']],
	])('starting from %j, t cycles %j', (timeZone, modes) => {
		let state = initialViewState({diagnose: diagnoseShown, config: makeConfig({timeZone}), now: T0, columns: 80, rows: 24});
		const seen = [state.settings.timeMode];
		for (let index = 1; index < modes.length; index++) {
			state = run(state, {type: 'cycle-time'});
			seen.push(state.settings.timeMode);
		}

		expect(seen).toEqual(modes);
	});
});

describe('completion nudge', () => {
	const running = {type: 'details', details: details({status: 'running', progress: 100}), at: T0} as const;

	test('nudges once when a deployment seen in progress succeeds', () => {
		const deploying = run(start(), {type: 'events', events: DEPLOYING_EVENTS, at: T0}, {type: 'details', details: details(), at: T0}, ok(T0));
		expect(deploying.completion.nudge).toBeNull();
		const done = run(deploying, {type: 'events', events: [event(200, '[TF 3.0.0] starting model')], at: T0}, running, ok(T0 + 1));
		expect(done.completion.nudge).toMatchObject({outcome: 'succeeded', serial: 1});
		expect(run(done, ok(T0 + 2)).completion).toBe(done.completion);
	});

	test('never nudges for a service that was already running when the watch began', () => {
		const state = run(start(), {type: 'events', events: DEPLOYING_EVENTS, at: T0}, running, ok(T0), ok(T0 + 1));
		expect(state.deployment.outcome).toBe('succeeded');
		expect(state.completion.nudge).toBeNull();
	});

	test('nudges on failure too, and the outcome line says how long it took', () => {
		const deploying = run(start(), {type: 'events', events: DEPLOYING_EVENTS, at: T0}, {type: 'details', details: details(), at: T0}, ok(T0));
		const failed = run(deploying, {type: 'events', events: [event(300, 'Failed to start service my-service.', 'abnormal')], at: T0}, {type: 'details', details: details({status: 'failed', error_msg: 'no GPU'}), at: T0}, ok(T0 + 1));
		expect(failed.completion.nudge?.outcome).toBe('failed');
		expect(failed.notices[0]?.text).toMatch(/^Deployment failed after \d+m\d\ds: no GPU$/);
	});
});

describe('reducer identity', () => {
	test.each<ViewAction>([{type: 'search-backspace'}, {type: 'select-prev'}, {type: 'select-next'}, {type: 'escape'}, {type: 'open-detail'}, {type: 'search-input', text: ''}])(
		'%j with nothing to act on returns the same state',
		action => {
			const state = start();
			expect(reduceView(state, action)[0]).toBe(state);
		},
	);
});
