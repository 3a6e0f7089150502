// Phase times tile the deployment, through the real CLI against the simulator: a deploy
// with gaps between its phases (scheduling has no start event), over before the watch starts.
import {beforeAll, describe, expect, it} from 'vitest';
import {assertBuilt, records, runCli} from './harness.js';

beforeAll(assertBuilt);

const SECONDS = [30, 10, 40, 15, 25];

describe.concurrent('a deploy with gaps between its phases (--demo gaps)', () => {
	it('NDJSON: each phase lasts from the end of the one before, and they add up to the deployment', async () => {
		const result = await runCli(['--demo', 'gaps', '--json', '--exit-status']);
		expect(result.code).toBe(0);
		const summary = records(result.stdout).at(-1)!;
		const phases = summary['phases'] as Array<{state: string; started_at: number; ended_at: number; duration_ms: number}>;
		expect(phases.map(phase => phase.state)).toEqual(['done', 'done', 'done', 'done', 'done']);
		expect(phases.map(phase => phase.duration_ms)).toEqual(SECONDS.map(seconds => seconds * 1000));
		// No gap and no overlap between phases: the sum is the deployment, start to running
		phases.slice(1).forEach((phase, index) => expect(phase.started_at).toBe(phases[index]!.ended_at));
		expect(phases.at(-1)!.ended_at - phases[0]!.started_at).toBe(120_000);
	});

	it('plain: the phase lines and the summary say the same times as "Deployed in 2m00s"', async () => {
		const result = await runCli(['--demo', 'gaps', '--output', 'plain', '--exit-status']);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('Deployed in 2m00s');
		const done = [...result.stdout.matchAll(/phase {5}\[TF 3\.0\.0\] (.+) done in (\S+)$/gm)].map(match => [match[1], match[2]]);
		expect(done).toEqual([
			['Image building', '30s'],
			['Environment preparation', '10s'],
			['Resource scheduling', '40s'],
			['Image pulling', '15s'],
			['Model startup', '25s'],
		]);
	});
});
