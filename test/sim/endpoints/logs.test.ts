import {afterEach, describe, expect, it} from 'vitest';
import type {SimUpdateRecord} from '../../../source/sim/api-shapes.js';
import {UPDATE_SECRETS} from '../../../source/sim/scenarios/rollout.js';
import type {Harness} from '../helpers.js';
import {startHarness, T0} from '../helpers.js';

let harness: Harness;
afterEach(async () => harness?.sim.close());

const SECOND = 1000;
const DAY = 86_400_000;

interface LogsBody {
	service_name: string;
	service_id: string;
	logs: SimUpdateRecord[];
}

async function logs(query: Record<string, string | number> = {}): Promise<LogsBody> {
	const {status, body} = await harness.getJson<LogsBody>(`/${harness.sim.serviceId}/logs`, query);
	expect(status).toBe(200);
	return body;
}

const results = async () => (await logs()).logs.map((record) => record.result);

describe('update logs: the answer follows modelarts-api.md §8', () => {
	it('update: the first deployment, then the update, oldest first, with every documented config field', async () => {
		// Given the update scenario, mid-way through its update
		harness = await startHarness({scenario: 'update'});
		harness.advance(20 * SECOND);
		// When the update logs are read
		const body = await logs();
		// Then there are two records: the configuration from three days ago, then the update now
		expect(body).toMatchObject({service_name: 'service-update', service_id: harness.sim.serviceId});
		expect(body.logs.map((record) => record.update_time)).toEqual([T0 - 3 * DAY, T0]);
		const [before, after] = body.logs;
		expect(before?.result).toBe('SUCCESS');
		expect(after?.result).toBe('RUNNING');
		expect(after).toEqual({update_time: T0, result: 'RUNNING', cluster_id: expect.any(String), extend_config: [], config: [expect.any(Object)]});
		expect(after?.config[0]).toEqual({
			model_id: expect.any(String),
			model_name: 'resnet',
			model_version: '1.1.0',
			weight: 100,
			specification: 'custom',
			custom_spec: {cpu: 2, memory: 4096, gpu_p4: 0},
			envs: {LOG_LEVEL: 'info', DB_PASSWORD: UPDATE_SECRETS[1], CACHE_SIZE_MB: '512'},
			cluster_id: after?.cluster_id,
			instance_count: 2,
			additional_properties: {},
		});
		// And the records differ in version, instance count, model id and envs
		expect(before?.config[0]).toMatchObject({model_version: '1.0.0', instance_count: 1, envs: {LOG_LEVEL: 'info', DB_PASSWORD: UPDATE_SECRETS[0]}});
		expect(before?.config[0]?.model_id).not.toBe(after?.config[0]?.model_id);
	});

	it('update: RUNNING while the update deploys, SUCCESS once the service runs', async () => {
		harness = await startHarness({scenario: 'update'});
		harness.advance(41 * SECOND);
		expect(await results()).toEqual(['SUCCESS', 'RUNNING']);
		harness.advance(2 * SECOND);
		expect(await results()).toEqual(['SUCCESS', 'SUCCESS']);
	});

	it.each([
		['success', ['RUNNING'], ['SUCCESS']],
		['failure', ['RUNNING'], ['FAIL']],
		['stuck', ['RUNNING'], ['RUNNING']],
		['lifecycles', ['SUCCESS', 'RUNNING'], ['SUCCESS', 'SUCCESS']],
	])('%s: %j while deploying, %j at 60 s', async (scenario, deploying, ended) => {
		harness = await startHarness({scenario});
		harness.advance(10 * SECOND);
		expect(await results()).toEqual(deploying);
		harness.advance(50 * SECOND);
		expect(await results()).toEqual(ended);
	});

	it('neighbours: a stopped service was deployed (SUCCESS), a failed one was not (FAIL)', async () => {
		harness = await startHarness();
		const resultsOf = async (id: string) => (await harness.getJson<LogsBody>(`/${id}/logs`)).body.logs.map((record) => record.result);
		expect(await resultsOf('2b7e9a10-5c6d-4e8f-a1b2-c3d4e5f60718')).toEqual(['SUCCESS']);
		expect(await resultsOf('c4d5e6f7-8091-4a2b-b3c4-d5e6f7081929')).toEqual(['FAIL']);
	});

	it('lifecycles: the update replaces TF 3.0.0 by TF 3.0.1', async () => {
		harness = await startHarness({scenario: 'lifecycles'});
		expect((await logs()).logs.map((record) => record.config.map((c) => `${c.model_name} ${c.model_version}`))).toEqual([['TF 3.0.0'], ['TF 3.0.1']]);
	});
});

describe('update logs: the update_time filter', () => {
	it('picks the one record of that update, exactly', async () => {
		harness = await startHarness({scenario: 'update'});
		expect((await logs({update_time: T0})).logs.map((record) => record.config[0]?.model_version)).toEqual(['1.1.0']);
		expect((await logs({update_time: T0 - 3 * DAY})).logs.map((record) => record.config[0]?.model_version)).toEqual(['1.0.0']);
		expect((await logs({update_time: T0 + 1})).logs).toEqual([]);
	});

	it.each(['soon', '-1', '1.5'])('rejects update_time=%s with a 400', async (value) => {
		harness = await startHarness({scenario: 'update'});
		const response = await harness.get(`/${harness.sim.serviceId}/logs`, {update_time: value});
		expect(response.status).toBe(400);
		expect(await response.json()).toMatchObject({error_code: 'ModelArts.0107'});
	});
});

interface Details {
	status: string;
	publish_at: number;
	update_time: number;
	due_time?: number;
	access_address: string;
	cluster_id?: string;
	invocation_times: number;
	failed_times: number;
	config: {model_version: string; instance_count: number; specification: string; custom_spec?: object; weight: number; envs: Record<string, string>; cluster_id?: string; status: string}[];
}

const details = async () => (await harness.getJson<Details>(`/${harness.sim.serviceId}`)).body;

describe('details: the §9 fields', () => {
	it('update: update_time is when the update started; config[] is the new configuration', async () => {
		harness = await startHarness({scenario: 'update'});
		const during = await details();
		expect(during.publish_at).toBe(T0 - 3 * DAY);
		expect(during.update_time).toBe(T0);
		expect(during.cluster_id).toEqual(expect.any(String));
		expect(during.config).toEqual([
			{
				model_id: expect.any(String),
				model_name: 'resnet',
				model_version: '1.1.0',
				weight: 100,
				instance_count: 2,
				specification: 'custom',
				custom_spec: {cpu: 2, memory: 4096, gpu_p4: 0},
				envs: expect.objectContaining({DB_PASSWORD: UPDATE_SECRETS[1]}),
				cluster_id: during.cluster_id,
				status: 'notReady',
			},
		]);
	});

	it('success: update_time stays at publish_at through a whole first deployment', async () => {
		harness = await startHarness({scenario: 'success'});
		harness.advance(60 * SECOND);
		const body = await details();
		expect(body.update_time).toBe(body.publish_at);
		expect(body).not.toHaveProperty('cluster_id');
	});

	it('console: due_time an hour after the auto-stop notice, gone once the service stopped', async () => {
		harness = await startHarness({scenario: 'console'});
		harness.advance(34 * SECOND);
		expect(await details()).not.toHaveProperty('due_time');
		harness.advance(2 * SECOND);
		expect((await details()).due_time).toBe(T0 + 35 * SECOND + 3600 * SECOND);
		harness.advance(3600 * SECOND);
		const stopped = await details();
		expect(stopped.status).toBe('stopped');
		expect(stopped).not.toHaveProperty('due_time');
		const events = (await harness.getJson<{events: {event_info: string; occur_time: number}[]}>(`/${harness.sim.serviceId}/events`, {order: 'asc'})).body.events;
		expect(events.slice(-2)).toEqual([
			{event_type: 'normal', event_info: 'The service is being stopped.', occur_time: T0 + 35 * SECOND + 3600 * SECOND},
			{event_type: 'normal', event_info: 'The service has been stopped.', occur_time: T0 + 35 * SECOND + 3600 * SECOND},
		]);
	});

	it('console at speed 1000: the hour of auto-stop is real time, so the fast replay ends running', async () => {
		harness = await startHarness({scenario: 'console', speed: 1000});
		harness.advance(60 * SECOND);
		const body = await details();
		expect(body.status).toBe('running');
		expect(body.due_time).toBe(T0 + 35 + 3600 * SECOND);
	});

	it('carries access_address, and call counts that grow while the service runs', async () => {
		harness = await startHarness({scenario: 'success'});
		harness.advance(60 * SECOND);
		const first = await details();
		expect(first.access_address).toMatch(new RegExp(`^https://.+/${harness.sim.serviceId}$`));
		harness.advance(60 * SECOND);
		const later = await details();
		expect(later.invocation_times).toBeGreaterThan(first.invocation_times);
		expect(later.failed_times).toBeLessThanOrEqual(later.invocation_times);
	});
});
