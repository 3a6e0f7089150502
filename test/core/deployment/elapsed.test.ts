import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {deploymentElapsed, estimateSkew, formatDuration, formatMinutes, phaseElapsed} from '../../../source/core/deployment/elapsed.js';
import type {DeploymentProgress, PhaseProgress} from '../../../source/core/types.js';

const phase = (extra: Partial<PhaseProgress>): PhaseProgress => ({
	phase: 'image_pulling',
	state: 'active',
	startedAt: 1000,
	endedAt: null,
	warnings: 0,
	retrying: false,
	lastWarning: null,
	cause: null,
	...extra,
});

describe('formatDuration', () => {
	it.each([
		[0, '0s'],
		[-5, '0s'],
		[Number.NaN, '0s'],
		[999, '0s'],
		[4000, '4s'],
		[59_999, '59s'],
		[130_000, '2m10s'],
		[65_000, '1m05s'],
		[3_720_000, '1h02m'],
		[90_000_000, '1d01h'],
	])('%d ms → %s', (ms, text) => {
		expect(formatDuration(ms)).toBe(text);
	});
});

describe('formatMinutes', () => {
	it.each([
		[0, 'down', '<1m'],
		[59_999, 'down', '<1m'],
		[725_000, 'down', '12m'],
		[725_000, 'up', '13m'],
		[115_000, 'up', '2m'],
		[120_000, 'up', '2m'],
		[Number.NaN, 'up', '<1m'],
		[3_900_000, 'down', '1h05m'],
	] as const)('%d ms rounded %s → %s', (ms, round, text) => {
		expect(formatMinutes(ms, round)).toBe(text);
	});
});

describe('phaseElapsed', () => {
	it.each([
		['active ticks to now', phase({}), 5000, 0, 4000],
		['active with the server clock ahead', phase({startedAt: 9000}), 5000, 4000, 0],
		['never negative', phase({startedAt: 9000}), 5000, 0, 0],
		['finished uses its own times', phase({state: 'done', endedAt: 3500}), 99_999, 0, 2500],
		['failed uses its own times', phase({state: 'failed', endedAt: 1500}), 99_999, 0, 500],
		['skipped is unknown', phase({state: 'done', startedAt: null}), 5000, 0, null],
		['pending is unknown', phase({state: 'pending', startedAt: null}), 5000, 0, null],
	] as const)('%s', (_name, p, now, skew, expected) => {
		expect(phaseElapsed(p, now, skew)).toBe(expected);
	});
});

describe('deploymentElapsed', () => {
	const phaseAt = (startedAt: number, endedAt: number): PhaseProgress => ({phase: 'model_startup', state: 'done', startedAt, endedAt, warnings: 0, retrying: false, lastWarning: null, cause: null});
	const deployment = (extra: Partial<DeploymentProgress>): DeploymentProgress => ({
		startedAt: 1000,
		endedAt: null,
		tracks: [],
		outcome: 'in_progress',
		status: null,
		progress: null,
		errorMsg: null,
		concerning: false,
		errorModel: null,
		problems: [],
		...extra,
	});
	it.each([
		['in progress ticks', deployment({}), 4000],
		['ended stops', deployment({endedAt: 2000, outcome: 'failed'}), 1000],
		['never started', deployment({startedAt: null}), null],
		// The details gave no end time: the last phase event stands in, as in the outcome line
		[
			'ended without an end time stops at the last phase event',
			deployment({outcome: 'succeeded', tracks: [{model: null, modelStatus: null, lastEvent: null, phases: [phaseAt(1500, 2500)]}]}),
			1500,
		],
		['ended with no time at all', deployment({outcome: 'succeeded'}), null],
	] as const)('%s', (_name, d, expected) => {
		expect(deploymentElapsed(d, 5000)).toBe(expected);
	});
});

describe('estimateSkew', () => {
	it('follows a server ahead of the client, and ignores old events', () => {
		expect(estimateSkew(10_000, 4000)).toBe(6000);
		expect(estimateSkew(1000, 4000)).toBe(0);
		expect(estimateSkew(1000, 4000, 6000)).toBe(6000);
	});

	it('never makes the ticking clock run backwards', () => {
		fc.assert(
			fc.property(
				fc.array(fc.record({server: fc.integer({min: 0, max: 1e7}), advance: fc.integer({min: 0, max: 1e5})}), {maxLength: 30}),
				(polls) => {
					let skew = 0;
					let client = 0;
					let shown = 0;
					for (const {server, advance} of polls) {
						client += advance;
						skew = estimateSkew(server, client, skew);
						const elapsed = phaseElapsed(phase({startedAt: 0}), client, skew)!;
						expect(elapsed).toBeGreaterThanOrEqual(shown);
						shown = elapsed;
					}
				},
			),
		);
	});
});
