// A service that deployed to 2/2 and then turned concerning (1/2), in the logs: the plain
// closing line and the NDJSON summary say the deploy succeeded after its own time and that
// the service is now degraded.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startSimulator, type Simulator} from '../../source/sim/server.js';
import {assertBuilt, records, runCli} from './harness.js';

let sim: Simulator;
beforeAll(async () => {
	assertBuilt();
	// At 3×: running (2/2) 12.7 s after the start, concerning (1/2) at 15.3 s; the watches end by --timeout at 19 s
	sim = await startSimulator({scenario: 'concerning', speed: 3, clockStart: 'first-request'});
});
afterAll(() => sim.close());

const watch = (...extra: string[]) =>
	runCli([sim.serviceId, '--endpoint', sim.url, '--project-id', sim.projectId, '--interval', '1', '--timeout', '19s', ...extra], {env: {MODELARTS_TOKEN: sim.token}});

describe.concurrent('concerning after a deploy', () => {
	it('NDJSON: outcome succeeded, degraded true, with the counts', async () => {
		const result = await watch('--json');
		const summary = records(result.stdout).at(-1)!;
		expect(summary).toMatchObject({kind: 'summary', outcome: 'succeeded', degraded: true, status: 'concerning', instances: {running: 1, total: 2}});
	}, 40_000);

	it('plain: the closing line says the deploy\'s own time and that the service is now degraded', async () => {
		const result = await watch('--output', 'plain');
		expect(result.stdout).toMatch(/^Deployed in 1[23]s; the service is now degraded: 1\/2 instances ready/m);
	}, 40_000);
});
