import {describe, expect, test} from 'vitest';
import {deploymentElapsed, phaseElapsed} from '../../../source/core/deployment/elapsed.js';
import {initialViewState} from '../../../source/core/view/initial.js';
import type {ViewState} from '../../../source/core/view/types.js';
import {DEPLOYING_EVENTS, T0, details, event, makeConfig} from '../../ui/fixtures.js';
import {runView} from '../view/run-view.js';
import {overview, run, to} from '../overview/fixtures.js';
import {diagnoseShown} from '../../../source/core/view/diagnose.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** The server's own clock (its Date header) when it answered, and ours: the same here. */
const SERVER_NOW = T0 + 130_000;

/** A deploy pulling its image for 5 s, plus one event the server dates three days ahead. */
const WITH_FUTURE = [...DEPLOYING_EVENTS, event(3 * DAY / 1000, '[TF 3.0.0] pull image success')];

function watched(events = WITH_FUTURE, serverNow: number | null = SERVER_NOW): ReturnType<typeof runView> {
	const start = initialViewState({diagnose: diagnoseShown, config: makeConfig(), now: SERVER_NOW, columns: 120, rows: 40});
	return runView(
		start,
		{type: 'events', events, at: SERVER_NOW, serverNow},
		{type: 'details', details: details({status: 'deploying'}), at: SERVER_NOW},
		{type: 'tick', now: SERVER_NOW},
	);
}

const pull = (state: ViewState) => state.deployment.tracks[0]!.phases[3]!;

describe('an event dated after the server\'s own clock', () => {
	test('is kept and shown, but moves no phase: the pull still runs', () => {
		const {state} = watched();
		expect(state.page.rows.some(shown => shown.info === '[TF 3.0.0] pull image success')).toBe(true);
		expect(pull(state).state).toBe('active');
	});

	test('sets no clock: the pull has run 10 s, the deployment 2m10s, not days', () => {
		const {state} = watched();
		expect(state.skewMs).toBe(0);
		expect(phaseElapsed(pull(state), state.now, state.skewMs)).toBe(10_000);
		expect(deploymentElapsed(state.deployment, state.now, state.skewMs)).toBe(130_000);
	});

	test('raises no warning: no slow phase, no "past its time-out"', () => {
		expect(watched().state.diagnosis).toBeNull();
	});

	test('is noted once: in the status line while watching, and as an effect for after the exit', () => {
		const {state, effects} = watched();
		expect(state.oddities.map(oddity => oddity.brief)).toEqual(['an event dated in the future (shown, not timed)']);
		const noted = effects.filter(effect => effect.type === 'data-oddity');
		expect(noted).toHaveLength(1);
		expect(noted[0]).toMatchObject({oddity: {kind: 'future', note: expect.stringMatching(/^note: an event is dated 2026-11-30T\S+, in the future by the server's own clock/)}});
		const again = runView(state, {type: 'events', events: [event(4 * DAY / 1000, 'later still')], at: SERVER_NOW, serverNow: SERVER_NOW});
		expect(again.effects.filter(effect => effect.type === 'data-oddity')).toEqual([]);
	});

	test('within a minute of the server\'s clock an event is not future-dated', () => {
		const {state, effects} = watched([...DEPLOYING_EVENTS, event(130 + 59, '[TF 3.0.0] pull image success')]);
		expect(pull(state).state).toBe('done');
		expect(effects.filter(effect => effect.type === 'data-oddity')).toEqual([]);
	});

	test('without a Date header, our clock decides, with five minutes to spare', () => {
		expect(pull(watched([...DEPLOYING_EVENTS, event(130 + 4 * 60, '[TF 3.0.0] pull image success')], null).state).state).toBe('done');
		expect(pull(watched(WITH_FUTURE, null).state).state).toBe('active');
	});

	test('a future-dated lifecycle event does not start a new deployment', () => {
		const events = [...WITH_FUTURE.slice(0, -1), event(3 * DAY / 1000, 'The service is being updated.')];
		const {state} = watched(events);
		expect(state.deployment.startedAt).toBe(T0);
		expect(state.deployment.tracks[0]!.phases.map(phase => phase.state)).toEqual(['done', 'done', 'done', 'active', 'pending']);
	});
});

describe('in the overview of several services', () => {
	test('a service\'s odd data is handed on once, naming the service', () => {
		const future = event(3 * DAY / 1000, 'from the future');
		const {effects} = run(
			overview(['alpha', 'beta']),
			to('alpha', {type: 'events', events: [...DEPLOYING_EVENTS, future], at: SERVER_NOW, serverNow: SERVER_NOW}),
			to('beta', {type: 'events', events: DEPLOYING_EVENTS, at: SERVER_NOW, serverNow: SERVER_NOW}),
		);
		expect(effects.filter(effect => effect.type === 'data-oddity')).toEqual([{type: 'data-oddity', serviceId: 'id-alpha', oddity: expect.objectContaining({kind: 'future'})}]);
	});
});
