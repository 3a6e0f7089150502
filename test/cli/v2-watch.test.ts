// A v2 (Huawei Cloud new-version) service watched end to end: the built CLI against the
// simulator, with only the service id, in NDJSON and plain, within the request budget.
import {beforeAll, describe, expect, it, type TestContext} from 'vitest';
import {V2_SERVICE_ID} from '../../source/sim/scenarios/v2.js';
import {startSimulator, type Simulator} from '../../source/sim/server.js';
import {assertBuilt, records, runCli} from './harness.js';

beforeAll(assertBuilt);

async function simulator(context: TestContext, scenario: string, speed: number): Promise<Simulator> {
	const sim = await startSimulator({scenario, speed, clockStart: 'first-request'});
	context.onTestFinished(() => sim.close());
	return sim;
}

const watchArgs = (sim: Simulator, ...extra: string[]) => [V2_SERVICE_ID, '--endpoint', sim.url, '--project-id', sim.projectId, '--exit-status', '--timeout', '60', ...extra];
const env = (sim: Simulator) => ({env: {MODELARTS_TOKEN: sim.token}});

describe.concurrent('a v2 service, given by id alone', () => {
	it('--json: each event once by id, rising counts as event_update, the failure reason, exit 1; ≤ 1.2 requests/s while deploying', async context => {
		const sim = await simulator(context, 'v2-gpu-unschedulable', 1);
		const result = await runCli(watchArgs(sim, '--json'), env(sim));

		expect(result.code).toBe(1);
		const lines = records(result.stdout);
		const events = lines.filter((line) => line['kind'] === 'event');
		expect(new Set(events.map((event) => event['id'])).size).toBe(events.length);
		const retry = events.find((event) => String(event['event_info']).startsWith('schedule resource failed'));
		expect(retry).toMatchObject({event_type: 'abnormal', count: 1, phase: 'resource_scheduling'});
		const updates = lines.filter((line) => line['kind'] === 'event_update');
		expect(updates.every((update) => update['id'] === retry?.['id'])).toBe(true);
		expect(updates.at(-1)).toMatchObject({count: 4});
		expect(lines.filter((line) => line['kind'] === 'status').at(-1)).toMatchObject({status: 'failed', error_msg: expect.stringContaining('timed out')});
		expect(lines.at(-1)).toMatchObject({kind: 'summary', outcome: 'failed', diagnosis: {category: 'resources'}, instances: {running: 0, total: 1}});

		// While deploying (the scenario runs 38 s) the watch asks about once a second at most
		const v2Requests = sim.requests.filter((request) => request.generation !== null);
		const spanS = (v2Requests.at(-1)!.at - v2Requests[0]!.at) / 1000;
		expect(v2Requests.length / spanS).toBeLessThanOrEqual(1.2);
		expect(sim.requests.some((request) => request.endpoint === 'pod-events')).toBe(true);
	}, 90_000);

	it('plain, --lang zh: the Chinese texts, the five phases, instances 2/2 and success, exit 0', async context => {
		const sim = await simulator(context, 'v2-success', 2);
		const result = await runCli(watchArgs(sim, '--output', 'plain', '--lang', 'zh'), env(sim));

		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/WARNING +正在等待资源池空闲资源/);
		expect(result.stdout).toContain('镜像拉取成功');
		expect(result.stdout).toMatch(/Deployed in \d+s: 2\/2 instances running/);
		for (const phase of ['Image building', 'Environment preparation', 'Resource scheduling', 'Image pulling', 'Model startup']) {
			expect(result.stdout).toMatch(new RegExp(`done +${phase}`));
		}
	}, 90_000);
});
