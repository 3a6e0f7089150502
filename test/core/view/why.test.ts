// The live view's diagnosis: the Why block the reducer derives (failed, or slow on the clock),
// how much of it the layout grants, and the keys that select it and open the whole diagnosis.
import {describe, expect, test} from 'vitest';
import {CATEGORY_TITLES} from '../../../source/core/diagnosis/types.js';
import type {UpdateLogRecord} from '../../../source/core/types.js';
import {finalView} from '../../../source/core/view/reducer.js';
import {initialViewState} from '../../../source/core/view/initial.js';
import type {ViewState} from '../../../source/core/view/types.js';
import {DEPLOYING_EVENTS, T0, details, event, makeConfig} from '../../ui/fixtures.js';
import {runView as run} from './run-view.js';
import {diagnoseShown} from '../../../source/core/view/diagnose.js';

const MINUTE = 60_000;
/** DEPLOYING_EVENTS start the image pull at T0 + 125 s. */
/** The pull's time begins when scheduling ended (T0 + 120 s), not at its own event 5 s later: the phases tile the deployment. */
const PULL_STARTED = T0 + 120_000;
const PULL_FAILED = event(200, '[TF 3.0.0] image pull failed: no space left on device (image 38 GiB, node free 30 GiB)', 'abnormal');
const FAILED = details({status: 'failed', error_msg: 'Service deployment failed.'});

function start(rows = 40, now = T0 + 300_000): ViewState {
	return initialViewState({diagnose: diagnoseShown, config: makeConfig(), now, columns: 120, rows});
}


/** A single-model deployment whose image pull failed, as the view sees it at `rows`. */
function failedPull(rows = 40): ViewState {
	return run(start(rows), {type: 'events', events: [...DEPLOYING_EVENTS, PULL_FAILED], at: T0}, {type: 'details', details: FAILED, at: T0}).state;
}

/** A deployment still pulling, at client time `now`. */
function pulling(now: number, rows = 40): ViewState {
	return run(start(rows, now), {type: 'events', events: DEPLOYING_EVENTS, at: now}, {type: 'details', details: details(), at: now}).state;
}

describe('the Why block of a failure', () => {
	test('names the category in words, the model and the phase, the deciding text and the advice', () => {
		const {why, diagnosis, layout} = failedPull();
		expect(diagnosis).toMatchObject({category: 'image_pull', model: 'TF 3.0.0', phase: 'image_pulling'});
		expect(why).toEqual({kind: 'failed', headline: `${CATEGORY_TITLES.image_pull} (TF 3.0.0, image pulling)`, cause: PULL_FAILED.event_info, evidence: [], advice: diagnosis!.advice});
		expect(layout.whyLines).toBe(2 + diagnosis!.advice.length);
	});

	test('leaves the deciding text out when it is the error_msg the outcome line already shows', () => {
		const {state} = run(start(), {type: 'events', events: DEPLOYING_EVENTS, at: T0}, {type: 'details', details: details({status: 'failed', error_msg: '[TF 3.0.0] image pull failed: disk full'}), at: T0});
		expect(state.why).toMatchObject({kind: 'failed', cause: null});
		expect(state.layout.whyLines).toBe(1 + state.why!.advice.length);
	});

	test.each([
		{rows: 40, lines: 'all'},
		{rows: 14, lines: 1},
		{rows: 6, lines: 0},
	] as const)('at $rows rows it gets $lines line(s)', ({rows, lines}) => {
		const state = failedPull(rows);
		expect(state.layout.whyLines).toBe(lines === 'all' ? 2 + state.diagnosis!.advice.length : lines);
	});

	test('is kept by identity while the deployment does not change: ticks and polls do not diagnose again', () => {
		const state = failedPull();
		const {state: later} = run(state, {type: 'tick', now: state.now + 5000}, {type: 'sync', state: {kind: 'ok', lastSuccessAt: state.now, nextPollAt: state.now + 3000}, at: state.now});
		expect(later.diagnosis).toBe(state.diagnosis);
		expect(later.why).toBe(state.why);
	});

	test('a deployment that runs or succeeds has none', () => {
		expect(pulling(PULL_STARTED + MINUTE).why).toBeNull();
		const {state} = run(failedPull(), {type: 'events', events: [event(400, 'start to deploy service'), event(460, 'Service my-service started.')], at: T0}, {type: 'details', details: details({status: 'running'}), at: T0});
		expect(state.diagnosis).toBeNull();
		expect(state.layout.whyLines).toBe(0);
	});
});

describe('the slow hint', () => {
	test('appears on the clock tick that takes the pull past its threshold, and the layout makes room for it', () => {
		// Given a pull that has run 9m59s
		const before = pulling(PULL_STARTED + 10 * MINUTE - 1000);
		expect(before.why).toBeNull();
		const rowsBefore = before.layout.eventRows;

		// When the clock passes 10 minutes
		const {state} = run(before, {type: 'tick', now: PULL_STARTED + 10 * MINUTE + 5000});

		// Then a slow block says how long, and the table gave up rows for it
		expect(state.diagnosis).toMatchObject({category: 'slow', phase: 'image_pulling', model: 'TF 3.0.0'});
		expect(state.why).toMatchObject({kind: 'slow', headline: 'Image pulling of TF 3.0.0 has run 10m (slow after 10m00s)'});
		expect(state.why!.cause).toBe('last event 10m ago: [TF 3.0.0] pulling model image');
		expect(state.layout.whyLines).toBe(whyLinesOf(state));
		expect(state.layout.eventRows).toBe(rowsBefore - whyLinesOf(state));
	});

	test('near the deployment timeout the headline says how long is left', () => {
		const state = pulling(T0 + 18 * MINUTE);
		expect(state.why!.headline).toMatch(/; the deployment times out within 2m$/);
	});

	test('follows --slow-after and --deploy-timeout', () => {
		const config = makeConfig({slowThresholds: {...makeConfig().slowThresholds, image_pulling: 2 * MINUTE}, deployTimeoutMs: 60 * MINUTE});
		const early = initialViewState({diagnose: diagnoseShown, config, now: PULL_STARTED + 3 * MINUTE, columns: 120, rows: 40});
		const {state} = run(early, {type: 'events', events: DEPLOYING_EVENTS, at: early.now}, {type: 'details', details: details(), at: early.now});
		expect(state.why?.headline).toBe('Image pulling of TF 3.0.0 has run 3m (slow after 2m00s)');
		expect(pulling(T0 + 18 * MINUTE).why?.headline).toContain('times out');
		expect(run(state, {type: 'tick', now: T0 + 18 * MINUTE}).state.why?.headline).not.toContain('times out');
	});
});

function whyLinesOf(state: ViewState): number {
	return 1 + (state.why!.cause === null ? 0 : 1) + state.why!.evidence.length + state.why!.advice.length;
}

const RECORDS: UpdateLogRecord[] = [
	{update_time: T0, result: 'FAIL', config: [{model_name: 'TF', model_version: '3.0.0', instance_count: 2}]},
	{update_time: T0 - 86_400_000, result: 'SUCCESS', config: [{model_name: 'TF', model_version: '3.0.0', instance_count: 1}]},
];

/** An update whose image pull failed, its update logs read. */
function failedUpdate(): ViewState {
	return run(
		start(),
		{type: 'events', events: [event(0, 'The service is being updated.'), ...DEPLOYING_EVENTS.slice(1), PULL_FAILED], at: T0},
		{type: 'details', details: FAILED, at: T0},
		{type: 'update-logs', records: RECORDS, at: T0},
	).state;
}

describe('keys of the Why block', () => {
	test('w opens the whole diagnosis, w or Esc closes it; without a diagnosis w only says so', () => {
		const open = run(failedPull(), {type: 'open-why'}).state;
		expect(open.settings.overlay).toBe('why');
		expect(run(open, {type: 'open-why'}).state.settings.overlay).toBe('none');
		expect(run(open, {type: 'escape'}).state.settings.overlay).toBe('none');
		const running = pulling(PULL_STARTED + MINUTE);
		const after = run(running, {type: 'open-why'}).state;
		expect(after.settings).toBe(running.settings);
		expect(after.flash?.text).toMatch(/^nothing to explain/);
	});

	test('↑ from the first event selects the Why block, ↑ again the update line; ↓ comes back; Enter on the block opens it', () => {
		// Given a failed update, with both lines on screen and the first event selected
		const failed = failedUpdate();
		expect(failed.layout).toMatchObject({updateLines: 1});
		const first = run(failed, {type: 'select-next'}).state;

		// When ↑ moves above it, twice
		const why = run(first, {type: 'select-prev'}).state;
		const update = run(why, {type: 'select-prev'}).state;

		// Then the Why block is nearest, the update line above it, and nothing above that
		expect(why.settings).toMatchObject({selected: null, lineSelected: 'why'});
		expect(update.settings.lineSelected).toBe('update');
		expect(run(update, {type: 'select-prev'}).state).toBe(update);
		expect(run(update, {type: 'select-next'}).state.settings.lineSelected).toBe('why');
		expect(run(why, {type: 'select-next'}).state.settings).toMatchObject({lineSelected: null, selected: {key: first.page.rows[0]!.key}});
		expect(run(why, {type: 'open-detail'}).state.settings).toMatchObject({overlay: 'why'});
		expect(run(update, {type: 'open-detail'}).state.settings).toMatchObject({overlay: 'update'});
	});

	test('opening one overlay closes the other', () => {
		const {state} = run(failedUpdate(), {type: 'open-why'});
		expect(run(state, {type: 'open-update'}).state.settings).toMatchObject({overlay: 'update'});
		expect(run(state, {type: 'open-detail'}).state.settings).toMatchObject({overlay: 'detail'});
	});

	test('q with the diagnosis open quits and keeps the deployment on screen, not the overlay', () => {
		const open = run(failedPull(), {type: 'open-why'}).state;
		const {state, effects} = run(open, {type: 'quit'});
		expect(effects).toEqual([{type: 'quit'}]);
		expect(state.settings.overlay).toBe('none');
		expect(finalView(open).settings.overlay).toBe('none');
	});

	test('the overlay closes by itself when its diagnosis goes (the slow phase finished)', () => {
		const slow = run(pulling(PULL_STARTED + 11 * MINUTE), {type: 'open-why'}).state;
		expect(slow.settings.overlay).toBe('why');
		const {state} = run(slow, {type: 'events', events: [event(125 + 11 * 60, '[TF 3.0.0] pull image success')], at: slow.now});
		expect(state.why).toBeNull();
		expect(state.settings.overlay).toBe('none');
	});
});
