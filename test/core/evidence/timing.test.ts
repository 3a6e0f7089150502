// When the poll loop reads evidence: never for a clean or running deployment; for the phase
// that is slow, troubled or where the deployment failed.
import {describe, expect, it} from 'vitest';
import {evidenceNeed, noteEvents, NO_TIMING} from '../../../source/core/evidence/timing.js';
import type {ApiEvent} from '../../../source/core/types.js';

const MIN = 60_000;
const T0 = 1_800_000_000_000;
const normal = (at: number, info: string): ApiEvent => ({event_type: 'normal', event_info: info, occur_time: T0 + at});
const abnormal = (at: number, info: string): ApiEvent => ({event_type: 'abnormal', event_info: info, occur_time: T0 + at});

const UNTIL_STARTUP = [
	normal(0, 'start to deploy service'),
	normal(1000, 'building image for model [llm 1.0]'),
	normal(60_000, 'model (llm 1.0) build image success'),
	normal(61_000, 'preparing environment'),
	normal(70_000, '[llm 1.0] prepare environment success'),
	normal(80_000, '[llm 1.0] schedule resource success'),
	normal(81_000, '[llm 1.0] pulling model image'),
	normal(120_000, '[llm 1.0] pull image success'),
	normal(121_000, '[llm 1.0] starting model'),
];
const STARTUP_AT = T0 + 121_000;

describe('evidenceNeed', () => {
	it.each([
		['a deployment within every threshold', UNTIL_STARTUP, 'deploying', STARTUP_AT + 2 * MIN, null],
		['a running service', [...UNTIL_STARTUP, normal(200_000, 'Service svc started.')], 'running', STARTUP_AT + 60 * MIN, null],
		['a stopped service with an old slow phase', UNTIL_STARTUP, 'stopped', STARTUP_AT + 60 * MIN, null],
		['a startup past its 10 min threshold', UNTIL_STARTUP, 'deploying', STARTUP_AT + 11 * MIN, {reason: 'slow', models: ['llm 1.0'], phases: ['model_startup']}],
		['a failed service', UNTIL_STARTUP, 'failed', STARTUP_AT + MIN, {reason: 'failed', models: ['llm 1.0'], phases: ['model_startup']}],
		['a failed service without events', [], 'failed', T0, {reason: 'failed', models: [null], phases: []}],
		[
			'scheduling that retries (untagged console wording)',
			[...UNTIL_STARTUP.slice(0, 5), abnormal(75_000, 'Insufficient resources. Wait until idle resources are sufficient.')],
			'deploying',
			T0 + 76_000,
			{reason: 'trouble', models: ['llm 1.0'], phases: ['resource_scheduling']},
		],
		['scheduling with no event for 6 min (opened by the environment success)', UNTIL_STARTUP.slice(0, 5), 'deploying', T0 + 70_000 + 6 * MIN, {reason: 'slow', models: ['llm 1.0'], phases: ['resource_scheduling']}],
		['a new deployment after a failed one', [abnormal(0, '[llm 1.0] pull image failed: boom'), ...UNTIL_STARTUP.slice(0, 3).map((e) => ({...e, occur_time: e.occur_time + 1000}))], 'deploying', T0 + 2 * MIN, null],
	] as const)('%s', (_, events, status, now, expected) => {
		const timing = noteEvents(NO_TIMING, events);
		expect(evidenceNeed(timing, status, now)).toEqual(expected);
	});

	it('reads only the current lifecycle of a long first batch, and follows later batches', () => {
		const old = Array.from({length: 500}, (_, i) => abnormal(-10 * MIN + i, `[llm 0.9] pull image failed ${i}`));
		const timing = noteEvents(noteEvents(NO_TIMING, [...old, ...UNTIL_STARTUP.slice(0, 4)]), UNTIL_STARTUP.slice(4));
		expect(evidenceNeed(timing, 'deploying', STARTUP_AT + MIN)).toBeNull();
		expect(evidenceNeed(timing, 'deploying', STARTUP_AT + 10 * MIN)?.models).toEqual(['llm 1.0']);
	});

	it('takes the thresholds the user set', () => {
		const timing = noteEvents(NO_TIMING, UNTIL_STARTUP);
		const thresholds = {image_building: MIN, environment_preparation: MIN, resource_scheduling: MIN, image_pulling: MIN, model_startup: 2 * MIN};
		expect(evidenceNeed(timing, 'deploying', STARTUP_AT + 3 * MIN, thresholds)?.reason).toBe('slow');
	});
});
