// The model and pool APIs of the simulator, in the shapes modelarts-api-evidence.md §10–12
// documents: probes inside the config string with string numbers, pools by their ID, nodes
// with Kubernetes quantities paged by `continue`, pool events, and the 404 codes of each.
import {afterEach, describe, expect, it} from 'vitest';
import type {Harness} from '../helpers.js';

/** A JSON answer, read loosely: the assertions say what shape it must have. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;
import {startHarness} from '../helpers.js';

let harness: Harness;
afterEach(async () => harness?.sim.close());

async function getPath(path: string, query: Record<string, string> = {}): Promise<{status: number; body: Loose}> {
	const url = new URL(`${harness.sim.url}${path.replace('{p}', harness.sim.projectId)}`);
	for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
	const response = await fetch(url, {headers: {'X-Auth-Token': harness.sim.token}});
	return {status: response.status, body: (await response.json()) as Loose};
}

async function details(): Promise<Loose> {
	return (await harness.getJson(`/${harness.sim.serviceId}`)).body;
}

describe('simulated model details', () => {
	it('serves the probes of the model a service deploys, numbers as strings inside the config string', async () => {
		harness = await startHarness({scenario: 'why-probe-delay'});
		const modelId = (await details()).config[0].model_id as string;
		const {status, body} = await getPath(`/v1/{p}/models/${modelId}`);
		expect(status).toBe(200);
		expect(body).toMatchObject({model_id: modelId, model_name: 'llm-7b', model_version: '1.2.0', model_status: 'published'});
		expect(typeof body.config).toBe('string');
		const health = JSON.parse(body.config).health;
		expect(health).toEqual({protocol: 'HTTP', check_method: 'HTTP', url: '/health', initial_delay_seconds: '0', timeout_seconds: '5', period_seconds: '10', failure_threshold: '3'});
		expect(body.specification).toEqual({min_cpu: '8', min_gpu: '1', min_memory: '32768'});
	});

	it('answers 404 ModelArts.3001 for a model it does not have', async () => {
		harness = await startHarness({scenario: 'success'});
		expect(await getPath('/v1/{p}/models/no-such-model')).toEqual({status: 404, body: {error_code: 'ModelArts.3001', error_msg: 'Model no-such-model does not exist.'}});
	});
});

describe('simulated dedicated pools', () => {
	it('names the pool in the service details, per service and per model (§11)', async () => {
		harness = await startHarness({scenario: 'why-pool-full'});
		const body = await details();
		expect(body.pool_name).toBe('pool-9c1d4e7a-b2f0-4c1e-9a3d-5e6f7a8b9c0d');
		expect(body.config[0].pool_name).toBe(body.pool_name);
		expect(body.config[0].custom_spec).toEqual({cpu: 8, memory: 65_536, gpu_p4: 2});
	});

	it('serves the pool, its phase and its user-given name', async () => {
		harness = await startHarness({scenario: 'why-pool-abnormal'});
		const {status, body} = await getPath('/v2/{p}/pools/pool-5ff6a0e2-7d41-4b9c-8e2f-3a4b5c6d7e8f');
		expect(status).toBe(200);
		expect(body).toMatchObject({kind: 'Pool', metadata: {name: 'pool-5ff6a0e2-7d41-4b9c-8e2f-3a4b5c6d7e8f', labels: {'os.modelarts/name': 'vision-t4'}}, status: {phase: 'Abnormal'}});
		expect(body.status.resources.abnormal).toEqual([{flavor: 'modelarts.vm.gpu.t4u8', count: 2}]);
	});

	it('pages nodes by an opaque continue token, resources as Kubernetes quantities', async () => {
		harness = await startHarness({scenario: 'why-pool-abnormal'});
		const path = '/v2/{p}/pools/pool-5ff6a0e2-7d41-4b9c-8e2f-3a4b5c6d7e8f/nodes';
		const first = await getPath(path, {limit: '3'});
		expect(first.body.kind).toBe('NodeList');
		expect(first.body.items).toHaveLength(3);
		expect(first.body.metadata.remainingItemCount).toBe(1);
		const second = await getPath(path, {limit: '3', continue: first.body.metadata.continue});
		expect(second.body.items.map((node: Loose) => node.status.phase)).toEqual(['Available']);
		expect(second.body.metadata.continue).toBe('');
		expect(second.body.items[0].status.availableResources).toEqual({cpu: '3920m', memory: '6270Mi', 'nvidia.com/gpu': '0'});
		expect(first.body.items[2].status.taints).toEqual([expect.objectContaining({key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule'})]);
		expect((await getPath(path, {continue: 'not-a-token'})).body.error_code).toBe('ModelArts.50004000');
	});

	it('serves the pool events by the pool ID in the query, oldest first', async () => {
		harness = await startHarness({scenario: 'why-pool-abnormal'});
		const {body} = await getPath('/v1/{p}/events', {resource: 'pools', name: 'pool-5ff6a0e2-7d41-4b9c-8e2f-3a4b5c6d7e8f', ascend: 'false'});
		expect(body.kind).toBe('EventList');
		expect(body.items.map((event: Loose) => event.reason)).toEqual(['PoolResourcesStatusChange', 'PoolStatusChange']);
		expect(body.items[1].lastTimestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
	});

	it.each([
		['/v2/{p}/pools/pool-gone', {}],
		['/v2/{p}/pools/pool-gone/nodes', {}],
		['/v1/{p}/events', {resource: 'pools', name: 'pool-gone'}],
	])('answers %s of an unknown pool with 404 ModelArts.50015001', async (path, query) => {
		harness = await startHarness({scenario: 'why-pool-full'});
		expect(await getPath(path, query)).toEqual({status: 404, body: {error_code: 'ModelArts.50015001', error_msg: 'Pool pool-gone not found.'}});
	});

	it('refuses model and pool reads under a deny plan', async () => {
		harness = await startHarness({scenario: 'why-pool-full', deny: {model: 403, pool: 404}});
		const modelId = (await details()).config[0].model_id as string;
		expect((await getPath(`/v1/{p}/models/${modelId}`)).status).toBe(403);
		expect((await getPath('/v2/{p}/pools/pool-9c1d4e7a-b2f0-4c1e-9a3d-5e6f7a8b9c0d')).body.error_code).toBe('APIGW.0101');
	});
});
