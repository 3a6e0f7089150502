import {afterEach, describe, expect, it} from 'vitest';
import {V2_SERVICE_ID} from '../../../source/sim/scenarios/v2.js';
import type {Harness} from '../helpers.js';
import {startHarness, T0} from '../helpers.js';

let harness: Harness;
afterEach(async () => harness?.sim.close());

/** The fields these tests read, of any v2 record (event, deployment, instance, pod, pod event). */
interface Item {
	readonly [field: string]: unknown;
	readonly id: string;
	readonly name: string;
	readonly status: string;
	readonly event_info: string;
	readonly event_info_cn: string;
	readonly update_at: number;
	readonly create_at: string;
	readonly pod_name: string;
	readonly message: string;
	readonly first_timestamp: string;
	readonly last_timestamp: string;
	readonly running_count: number;
	readonly failure_reason?: string;
}

/** A v2 page, a details record, or the pod-events array; error bodies too. */
type Body = Item & {readonly data: Item[]; readonly total: number; readonly size: number; readonly length: number} & Item[];

async function v2(path: string, query: Record<string, string | number> = {}): Promise<{status: number; body: Body; requestId: string | null}> {
	const url = new URL(`${harness.sim.url}/v2/${harness.sim.projectId}/services${path}`);
	for (const [key, value] of Object.entries(query)) url.searchParams.set(key, String(value));
	const response = await fetch(url, {headers: {'X-Auth-Token': harness.sim.token}});
	return {status: response.status, body: (await response.json()) as Body, requestId: response.headers.get('x-request-id')};
}

async function scenario(name: string, playedMs: number): Promise<void> {
	harness = await startHarness({scenario: name});
	harness.advance(playedMs);
}

describe('v2 services', () => {
	it('lists v2 services under /v2 only, and each generation 404s the other with ModelArts.3502', async () => {
		await scenario('v2-success', 0);
		const list = await v2('');
		expect(list.body.data.map((s: {id: string}) => s.id)).toEqual([V2_SERVICE_ID]);
		const v1List = await harness.getJson<{services: {service_id: string}[]}>('');
		expect(v1List.body.services.map((s) => s.service_id)).not.toContain(V2_SERVICE_ID);
		const v1Details = await harness.getJson<{error_code: string}>(`/${V2_SERVICE_ID}`);
		expect(v1Details).toMatchObject({status: 404, body: {error_code: 'ModelArts.3502'}});
		const v2OfV1 = await v2(`/${v1List.body.services[0]!.service_id}`);
		expect(v2OfV1).toMatchObject({status: 404, body: {error_code: 'ModelArts.3502'}});
	});

	it('serves v2 details with upper-case status, string times, the time-out and, once failed, failure_reason', async () => {
		await scenario('v2-gpu-unschedulable', 5000);
		const deploying = await v2(`/${V2_SERVICE_ID}`);
		expect(deploying.body).toMatchObject({id: V2_SERVICE_ID, status: 'DEPLOYING', deploy_timeout_minutes: 20, create_at: String(T0)});
		expect(deploying.body.failure_reason).toBeUndefined();
		harness.advance(60_000);
		const failed = await v2(`/${V2_SERVICE_ID}`);
		expect(failed.body.status).toBe('FAILED');
		expect(failed.body.failure_reason).toMatch(/timed out/);
		expect(Number(failed.body.update_at)).toBeGreaterThan(Number(failed.body.create_at));
	});

	it('creates a late service (v2-late) only after its delay: unlisted and 404 until then, then deploying from its own start', async () => {
		await scenario('v2-late', 7000);
		expect((await v2('')).body.data.map((s: {id: string}) => s.id)).not.toContain(V2_SERVICE_ID);
		expect(await v2(`/${V2_SERVICE_ID}`)).toMatchObject({status: 404, body: {error_code: 'ModelArts.3502'}});
		harness.advance(1000);
		expect((await v2('')).body.data.map((s: {id: string}) => s.id)).toEqual([V2_SERVICE_ID]);
		const created = await v2(`/${V2_SERVICE_ID}`);
		expect(created.body).toMatchObject({status: 'DEPLOYING', create_at: String(T0 + 8000)});
		const events = await v2(`/${V2_SERVICE_ID}/events`, {limit: 500});
		expect(events.body.data.map((event) => event.event_info)).toEqual(['start to deploy service']);
	});

	it('answers every request with an X-Request-Id, errors included', async () => {
		await scenario('v2-success', 0);
		const ok = await v2(`/${V2_SERVICE_ID}`);
		const missing = await v2('/no-such-service');
		expect(ok.requestId).toMatch(/^sim/);
		expect(missing.requestId).toMatch(/^sim/);
		expect(missing.requestId).not.toBe(ok.requestId);
	});
});

describe('v2 events', () => {
	it('aggregates a repeated event: one id whose count rises and whose update_at moves', async () => {
		await scenario('v2-gpu-unschedulable', 12_000);
		const first = await v2(`/${V2_SERVICE_ID}/events`, {limit: 500});
		const retry = (body: Body) => body.data.find((event: Item) => event.event_info.startsWith('schedule resource failed'));
		expect(retry(first.body)).toMatchObject({event_type: 'ABNORMAL', event_count: 1});
		harness.advance(14_000);
		const later = await v2(`/${V2_SERVICE_ID}/events`, {limit: 500});
		expect(retry(later.body)).toMatchObject({id: retry(first.body)?.id, event_count: 3, create_at: retry(first.body)?.create_at});
		expect(retry(later.body)?.update_at).toBeGreaterThan(retry(first.body)?.update_at ?? 0);
		expect(retry(later.body)?.event_info_cn).toContain('资源调度失败');
		expect(later.body.total).toBe(first.body.total);
	});

	it('pages with offsets that are multiples of limit, newest update first by default, and refuses others', async () => {
		await scenario('v2-success', 60_000);
		const all = await v2(`/${V2_SERVICE_ID}/events`, {limit: 500, sort_dir: 'ASC'});
		const pages = [await v2(`/${V2_SERVICE_ID}/events`, {limit: 4, offset: 0, sort_dir: 'ASC'}), await v2(`/${V2_SERVICE_ID}/events`, {limit: 4, offset: 4, sort_dir: 'ASC'}), await v2(`/${V2_SERVICE_ID}/events`, {limit: 4, offset: 8, sort_dir: 'ASC'})];
		expect(pages.flatMap((page) => page.body.data.map((e: Item) => e.id))).toEqual(all.body.data.map((e: Item) => e.id));
		expect(pages[1]!.body).toMatchObject({current: 1, size: 4, total: all.body.total, pages: Math.ceil(all.body.total / 4)});
		const desc = await v2(`/${V2_SERVICE_ID}/events`, {limit: 500});
		expect(desc.body.data.map((e: Item) => e.id)).toEqual([...all.body.data.map((e: Item) => e.id)].reverse());
		expect((await v2(`/${V2_SERVICE_ID}/events`)).body.size).toBe(10);
		expect((await v2(`/${V2_SERVICE_ID}/events`, {limit: 4, offset: 2})).status).toBe(400);
		expect((await v2(`/${V2_SERVICE_ID}/events`, {limit: 501})).status).toBe(400);
		expect((await v2(`/${V2_SERVICE_ID}/events`, {sort_key: 'occur_time'})).status).toBe(400);
	});

	it('filters by the WARNING type', async () => {
		await scenario('v2-success', 60_000);
		const warnings = await v2(`/${V2_SERVICE_ID}/events`, {event_type: 'WARNING', limit: 500});
		expect(warnings.body.data).toEqual([expect.objectContaining({event_type: 'WARNING', event_count: 3})]);
	});
});

describe('v2 deployments, instances and pods', () => {
	it('counts running instances of the clean deploy up to 2/2', async () => {
		await scenario('v2-success', 27_000);
		const deployments = await v2(`/${V2_SERVICE_ID}/deployments`);
		const deployment = deployments.body.data[0]!;
		expect(deployment).toMatchObject({name: 'llm-chat-d1', count: 2, running_count: 1});
		expect((await v2(`/${V2_SERVICE_ID}/deployments/${deployment.id}`)).body.running_count).toBe(1);
		const instances = await v2(`/${V2_SERVICE_ID}/deployments/llm-chat-d1/instances`);
		expect(instances.body.data.map((i: Item) => i.status)).toEqual(['RUNNING', 'PENDING']);
		harness.advance(30_000);
		expect((await v2(`/${V2_SERVICE_ID}/deployments/${deployment.id}`)).body).toMatchObject({status: 'RUNNING', running_count: 2});
	});

	it('lists pods with their node and answers pod events as a top-level array with rising counts', async () => {
		await scenario('v2-image-pull', 15_000);
		const pods = await v2(`/${V2_SERVICE_ID}/deployments/llm-chat-d1/instances/all/pods`);
		const pod = pods.body.data[0]!;
		expect(pod).toMatchObject({pod_node_ip: '192.168.0.10', status: 'PENDING'});
		const path = `/${V2_SERVICE_ID}/deployments/llm-chat-d1/instances/llm-chat-d1-0/pods/${pod.pod_name}/events`;
		harness.advance(15_000);
		const events = await v2(path);
		expect(Array.isArray(events.body)).toBe(true);
		expect(events.body).toContainEqual(expect.objectContaining({type: 'Warning', reason: 'Failed', message: 'Error: ImagePullBackOff', count: 3}));
		const backOff = events.body.find((e: Item) => e.message === 'Error: ImagePullBackOff');
		expect(Date.parse(backOff!.last_timestamp)).toBeGreaterThan(Date.parse(backOff!.first_timestamp));
		expect((await v2(path, {start_time: T0})).status).toBe(400);
		expect((await v2(`/${V2_SERVICE_ID}/deployments/llm-chat-d1/instances/all/pods/all/events`)).body.length).toBe(events.body.length);
		expect((await v2(`/${V2_SERVICE_ID}/deployments/other/instances/all/pods`)).status).toBe(404);
	});

	it.each([
		['v2-gpu-unschedulable', 'FailedScheduling', /Insufficient nvidia\.com\/gpu/],
		['v2-readiness-probe', 'Unhealthy', /Readiness probe failed/],
		['v2-crash-loop', 'BackOff', /Back-off restarting failed container/],
	])('%s ends FAILED with %s pod events', async (name, reason, message) => {
		await scenario(name, 60_000);
		expect((await v2(`/${V2_SERVICE_ID}`)).body.status).toBe('FAILED');
		const events = await v2(`/${V2_SERVICE_ID}/deployments/all/instances/all/pods/all/events`);
		expect(events.body).toContainEqual(expect.objectContaining({type: 'Warning', reason, message: expect.stringMatching(message)}));
	});
});
