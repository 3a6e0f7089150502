import {afterEach, describe, expect, it} from 'vitest';
import type {SimMonitor} from '../../../source/sim/api-shapes.js';
import type {EventsBody, Harness} from '../helpers.js';
import {startHarness} from '../helpers.js';

let harness: Harness;
afterEach(async () => harness?.sim.close());

const SECOND = 1000;

async function monitor(serviceId = harness.sim.serviceId, query: Record<string, string> = {}): Promise<SimMonitor> {
	const {status, body} = await harness.getJson<SimMonitor>(`/${serviceId}/monitor`, query);
	expect(status).toBe(200);
	return body;
}

async function status(): Promise<string> {
	return (await harness.getJson<{status: string}>(`/${harness.sim.serviceId}`)).body.status;
}

async function lastEvent(): Promise<string | undefined> {
	return (await harness.getJson<EventsBody>(`/${harness.sim.serviceId}/events`, {limit: 1})).body.events[0]?.event_info;
}

/** One sample a second over the first `seconds` of the scenario. */
async function timeline(scenario: string, seconds: number): Promise<{running: number; total: number; status: string; event: string | undefined}[]> {
	harness = await startHarness({scenario});
	const samples = [];
	for (let second = 0; second <= seconds; second++) {
		const answer = await monitor();
		samples.push({running: answer.service_running_instance_count, total: answer.service_instance_count, status: await status(), event: await lastEvent()});
		harness.advance(SECOND);
	}
	return samples;
}

/** The values in order, each run of equal values once. */
const runs = <T>(values: readonly T[]): T[] => values.filter((value, index) => index === 0 || value !== values[index - 1]);

describe('monitor: the answer follows modelarts-api.md §7', () => {
	it('names the service and gives every documented per-model field', async () => {
		harness = await startHarness({scenario: 'success'});
		harness.advance(60 * SECOND);
		const answer = await monitor();
		expect(answer).toMatchObject({service_name: 'service-07085', service_id: harness.sim.serviceId, service_running_instance_count: 1, service_instance_count: 1});
		expect(answer.req_count_per_min).toBeGreaterThan(0);
		expect(answer.monitors).toEqual([
			{
				model_id: expect.any(String),
				model_name: 'TF',
				model_version: '3.0.0',
				model_running_instance_count: 1,
				model_instance_count: 1,
				invocation_times: expect.any(Number),
				failed_times: expect.any(Number),
				cpu_core_usage: expect.any(Number),
				cpu_core_total: 2,
				cpu_memory_usage: expect.any(Number),
				cpu_memory_total: 8192,
			},
		]);
	});

	it('accepts node_id (an edge-only filter) and ignores it for a real-time service', async () => {
		harness = await startHarness({scenario: 'success'});
		expect(await monitor(harness.sim.serviceId, {node_id: 'edge-node-1'})).toEqual(await monitor());
	});

	it('answers 404 ModelArts.3502 for an unknown service', async () => {
		harness = await startHarness();
		const {status: code, body} = await harness.getJson('/no-such-service/monitor');
		expect(code).toBe(404);
		expect(body).toMatchObject({error_code: 'ModelArts.3502'});
	});
});

describe('monitor: instances rise as the deployment goes', () => {
	it('two-instances: 0/2 through the first four phases, 1/2 during model startup, 2/2, then running', async () => {
		// Given the two-instance scenario sampled once a second
		const samples = await timeline('two-instances', 60);
		// Then the count climbs 0 → 1 → 2 of 2, never back
		expect(runs(samples.map((s) => s.running))).toEqual([0, 1, 2]);
		expect(new Set(samples.map((s) => s.total))).toEqual(new Set([2]));
		// And the first instance is up only once the model is starting
		const firstUp = samples.findIndex((s) => s.running === 1);
		expect(samples.slice(0, firstUp).every((s) => s.status === 'deploying')).toBe(true);
		expect(samples[firstUp]?.event).toBe('[yolo 5.1.0] starting model');
		// And each count holds for more than 10 s, so a client reading every 10 s sees it
		expect(samples.filter((s) => s.running === 1).length).toBeGreaterThan(10);
		// And the service runs only with both instances up
		const running = samples.filter((s) => s.status === 'running');
		expect(running.length).toBeGreaterThan(0);
		expect(running.every((s) => s.running === 2)).toBe(true);
		expect(samples.findIndex((s) => s.running === 2)).toBeLessThan(samples.findIndex((s) => s.status === 'running'));
	});

	it('update: the new configuration climbs 0/2 → 1/2 → 2/2 while it deploys', async () => {
		const samples = await timeline('update', 60);
		expect(runs(samples.map((s) => `${s.running}/${s.total}`))).toEqual(['0/2', '1/2', '2/2']);
		expect(samples.at(-1)?.status).toBe('running');
	});

	it('concerning: 2/2 once running, then 1/2 with status concerning', async () => {
		const samples = await timeline('concerning', 60);
		expect(runs(samples.map((s) => `${s.status} ${s.running}/${s.total}`))).toEqual(['deploying 0/2', 'deploying 1/2', 'running 2/2', 'concerning 1/2']);
	});

	it('multi-model: resnet is up before bert, and both once the service runs', async () => {
		harness = await startHarness({scenario: 'multi-model'});
		harness.advance(42 * SECOND);
		const midway = await monitor();
		expect(midway.monitors.map((m) => [m.model_name, m.model_running_instance_count])).toEqual([['resnet', 1], ['bert', 0]]);
		harness.advance(10 * SECOND);
		expect((await monitor()).monitors.map((m) => m.model_running_instance_count)).toEqual([1, 1]);
	});

	it.each([
		['success', 'running', 1, 1],
		['failure', 'failed', 0, 1],
		['console', 'running', 1, 1],
		['lifecycles', 'running', 1, 1],
		['recovered', 'running', 1, 1],
		['timeout', 'failed', 0, 1],
		['stuck', 'deploying', 0, 1],
		['big-history', 'running', 1, 1],
	])('%s at 60 s: %s with %i of %i instances running', async (scenario, expected, running, total) => {
		harness = await startHarness({scenario});
		harness.advance(60 * SECOND);
		expect(await status()).toBe(expected);
		expect(await monitor()).toMatchObject({service_running_instance_count: running, service_instance_count: total});
	});

	it('neighbours answer too: a running one with its instance up, a stopped and a failed one with none', async () => {
		harness = await startHarness();
		const [running, stopped, failed] = await Promise.all(['8f0c2d4e-1b3a-4c5d-9e6f-0a1b2c3d4e51', '2b7e9a10-5c6d-4e8f-a1b2-c3d4e5f60718', 'c4d5e6f7-8091-4a2b-b3c4-d5e6f7081929'].map((id) => monitor(id)));
		expect([running, stopped, failed].map((m) => m?.service_running_instance_count)).toEqual([1, 0, 0]);
	});
});

describe('monitor: resource use', () => {
	it('is zero until an instance runs, then within the totals', async () => {
		harness = await startHarness({scenario: 'success'});
		harness.advance(20 * SECOND);
		const deploying = (await monitor()).monitors[0];
		expect(deploying).toMatchObject({cpu_core_usage: 0, cpu_memory_usage: 0, invocation_times: 0});
		harness.advance(40 * SECOND);
		const running = (await monitor()).monitors[0]!;
		expect(running.cpu_core_usage).toBeGreaterThan(0);
		expect(running.cpu_core_usage).toBeLessThanOrEqual(running.cpu_core_total);
		expect(running.cpu_memory_usage).toBeGreaterThan(0);
		expect(running.cpu_memory_usage).toBeLessThanOrEqual(running.cpu_memory_total);
	});

	it('reports GPU fields only for a GPU flavour, and NPU fields only for an NPU one', async () => {
		harness = await startHarness({scenario: 'multi-model'});
		harness.advance(60 * SECOND);
		const [resnet, bert] = (await monitor()).monitors;
		expect(resnet).not.toHaveProperty('gpu_total');
		expect(bert).toMatchObject({gpu_total: 1, gpu_memory_total: 16_384});
		expect(bert!.gpu_usage).toBeGreaterThan(0);
		expect(bert!.gpu_usage).toBeLessThanOrEqual(1);
		const classifier = (await monitor('8f0c2d4e-1b3a-4c5d-9e6f-0a1b2c3d4e51')).monitors[0];
		expect(classifier).toMatchObject({npu_total: 1, npu_memory_total: 8192});
		expect(classifier).not.toHaveProperty('gpu_total');
	});

	it('totals count every instance, running or not: two GPU instances have two cards', async () => {
		harness = await startHarness({scenario: 'two-instances'});
		harness.advance(35 * SECOND);
		const yolo = (await monitor()).monitors[0]!;
		expect(yolo).toMatchObject({model_running_instance_count: 1, model_instance_count: 2, cpu_core_total: 16, gpu_total: 2});
		expect(yolo.gpu_usage).toBeLessThanOrEqual(1);
	});

	it('drifts slowly: a second apart, CPU use moves by less than a tenth of the total', async () => {
		harness = await startHarness({scenario: 'success'});
		harness.advance(60 * SECOND);
		const samples: number[] = [];
		for (let second = 0; second < 120; second++) {
			samples.push((await monitor()).monitors[0]!.cpu_core_usage);
			harness.advance(SECOND);
		}
		const steps = samples.slice(1).map((value, index) => Math.abs(value - samples[index]!));
		expect(Math.max(...steps)).toBeLessThan(0.2);
		expect(new Set(samples).size).toBeGreaterThan(10);
	});

	it('counts calls while instances run: more over time, a few failed', async () => {
		harness = await startHarness({scenario: 'success'});
		harness.advance(60 * SECOND);
		const early = (await monitor()).monitors[0]!;
		harness.advance(10 * 60 * SECOND);
		const later = (await monitor()).monitors[0]!;
		expect(later.invocation_times).toBeGreaterThan(early.invocation_times);
		expect(later.failed_times).toBeGreaterThan(0);
		expect(later.failed_times).toBeLessThan(later.invocation_times / 100);
	});
});
