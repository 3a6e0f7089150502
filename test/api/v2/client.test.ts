import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterEach, describe, expect, it} from 'vitest';
import {createAkSkAuthenticator} from '../../../source/api/auth/aksk.js';
import {parseAuthorization} from '../../../source/api/auth/signer.js';
import {createClient} from '../../../source/api/client.js';
import {NotFoundError} from '../../../source/api/errors.js';
import {createV2Client, type V2Client} from '../../../source/api/v2/client.js';
import {createV2EventSync} from '../../../source/api/v2/event-sync.js';
import {createGenerationRouting} from '../../../source/cli/api-generation.js';
import {V2_SERVICE_ID} from '../../../source/sim/scenarios/v2.js';
import {startSimulator, type Simulator} from '../../../source/sim/server.js';
import type {WatchMessage} from '../../../source/core/watch/data.js';
import {tokenAuth} from '../token-auth.js';

const servers: Server[] = [];
const simulators: Simulator[] = [];
afterEach(async () => {
	await Promise.all(simulators.splice(0).map((sim) => sim.close()));
	await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => {
		server.closeAllConnections();
		server.close(resolve);
	})));
});

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

async function serve(handle: Handler): Promise<string> {
	const server = createServer(handle);
	servers.push(server);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Answers each path with the body its `routes` entry gives (by path suffix), 404 otherwise. */
function routes(table: Record<string, {status?: number; body: unknown; headers?: Record<string, string>}>): Handler {
	return (req, res) => {
		const path = new URL(req.url ?? '/', 'http://x').pathname;
		const entry = Object.entries(table).find(([suffix]) => path.endsWith(suffix))?.[1];
		res.writeHead(entry ? (entry.status ?? 200) : 404, {'content-type': 'application/json', ...entry?.headers});
		res.end(JSON.stringify(entry?.body ?? {error_code: 'ModelArts.3502', error_msg: 'no such service'}));
	};
}

function clientFor(endpoint: string, problems: string[] = []): V2Client {
	return createV2Client({endpoint, projectId: 'p1', auth: tokenAuth('t'), onProblem: (problem) => problems.push(problem)});
}

async function simulator(scenario: string): Promise<{sim: Simulator; clock: {now: number}}> {
	const clock = {now: 1_700_000_000_000};
	const sim = await startSimulator({scenario, now: () => clock.now});
	simulators.push(sim);
	return {sim, clock};
}

describe('v2 client against the simulator', () => {
	it('reads details, deployments, pods and pod events of a v2 service', async () => {
		const {sim, clock} = await simulator('v2-image-pull');
		const v2 = createV2Client({endpoint: sim.url, projectId: sim.projectId, auth: tokenAuth(sim.token)});
		clock.now += 30_000;
		expect(await v2.getService(V2_SERVICE_ID)).toMatchObject({status: 'DEPLOYING', deploy_timeout_minutes: 20, failure_reason: null});
		const [deployment] = (await v2.listDeployments(V2_SERVICE_ID)).items;
		expect(deployment).toMatchObject({name: 'llm-chat-d1', count: 1, running_count: 0});
		expect((await v2.listPods(V2_SERVICE_ID, 'all', 'all')).items[0]).toMatchObject({status: 'PENDING', node: '192.168.0.10'});
		const events = await v2.listPodEvents(V2_SERVICE_ID, 'all', 'all', 'all');
		expect(events).toContainEqual(expect.objectContaining({type: 'Warning', message: 'Error: ImagePullBackOff', count: 3}));
	});

	it('sends content-type and signs only host, content-type, x-project-id and x-sdk-date with AK/SK, as the SDK does', async () => {
		let seen: IncomingMessage | null = null;
		const endpoint = await serve((req, res) => {
			seen = req;
			routes({'/services/s1': {body: {id: 's1', status: 'RUNNING'}}})(req, res);
		});
		const auth = createAkSkAuthenticator({credential: {ak: 'AKEXAMPLE', sk: 'secret-sk'}, source: 'AK/SK', projectId: 'p1', lookup: {iamEndpoint: null} as never});
		await createV2Client({endpoint, projectId: 'p1', auth, userAgent: 'modelarts-watch/test'}).getService('s1');
		const headers = (seen as IncomingMessage | null)?.headers ?? {};
		expect(headers['content-type']).toBe('application/json');
		expect(parseAuthorization(String(headers.authorization))?.signedHeaders).toEqual(['content-type', 'host', 'x-project-id', 'x-sdk-date']);
		expect(headers['user-agent']).toBe('modelarts-watch/test');
	});
});

describe('v2 answers that are not what the SDK promises', () => {
	it('drops what it cannot use, keeps the rest, and says each problem', async () => {
		const problems: string[] = [];
		const endpoint = await serve(routes({
			'/pods/all/events': {body: {events: [{type: 'Warning', reason: 'FailedScheduling', message: '0/3 nodes are available', count: 2, first_timestamp: '2026-12-07T01:00:00Z'}]}},
			'/events': {body: {total: 'many', data: [
				{id: 'e1', event_type: 'NORMAL', event_info: 'start to deploy service', event_count: 1, create_at: 100, update_at: 100},
				{event_type: 'NORMAL', event_info: 'no id', create_at: 100},
				{id: 'e3', event_type: 'WARNING', event_info: 'late', event_count: 'x', create_at: 300, update_at: 200},
			]}},
			'/services/s1': {body: {id: 's1', status: 'SLEEPING', create_at: '2000', update_at: '1000', deploy_timeout_minutes: 'soon'}},
			'/deployments': {body: {total: 1, data: [{name: 'd1', count: 2, running_count: 'two'}]}},
		}));
		const v2 = clientFor(endpoint, problems);
		const page = await v2.listEvents('s1', {limit: 500, offset: 0});
		expect(page.items.map((event) => [event.id, event.event_count, event.update_at])).toEqual([['e1', 1, 100], ['e3', 1, 300]]);
		expect(page.total).toBe(2);
		const details = await v2.getService('s1');
		expect(details).toMatchObject({status: 'SLEEPING', create_at: 2000, update_at: 1000, deploy_timeout_minutes: null});
		const podEvents = await v2.listPodEvents('s1', 'all', 'all', 'all');
		expect(podEvents).toEqual([expect.objectContaining({reason: 'FailedScheduling', count: 2})]);
		expect((await v2.listDeployments('s1')).items).toEqual([expect.objectContaining({name: 'd1', count: 2, running_count: null})]);
		expect(problems).toEqual(expect.arrayContaining([
			expect.stringMatching(/v2 events: .*update_at earlier than create_at/),
			expect.stringMatching(/v2 events: event_count missing or invalid/),
			expect.stringMatching(/v2 events: total missing/),
			expect.stringMatching(/v2 events: 1 events dropped \(invalid id: 1\)/),
			expect.stringMatching(/v2 service details: update_at is earlier than create_at/),
			expect.stringMatching(/deploy_timeout_minutes/),
			expect.stringMatching(/v2 pod events: the answer is an object/),
			expect.stringMatching(/deployments: running_count missing or not a count \(shown as unknown\)/),
		]));
	});

	it('reads error bodies in every SDK shape and names the X-Request-Id', async () => {
		const endpoint = await serve(routes({
			'/services/a': {status: 403, body: {errorCode: 'ModelArts.0204', errorMsg: 'policy denies'}, headers: {'X-Request-Id': 'req-123'}},
			'/services/b': {status: 400, body: {error: {code: 'ModelArts.0107', message: 'bad parameter'}}},
			'/services/c': {status: 409, body: {code: 'ModelArts.3520', message: 'busy'}},
		}));
		const v2 = clientFor(endpoint);
		await expect(v2.getService('a')).rejects.toThrow(/HTTP 403 ModelArts\.0204: policy denies.*request id req-123 — quote it to support/);
		await expect(v2.getService('b')).rejects.toThrow(/HTTP 400 ModelArts\.0107: bad parameter/);
		await expect(v2.getService('c')).rejects.toThrow(/HTTP 409 ModelArts\.3520: busy/);
	});
});

describe('v2 event sync', () => {
	it('delivers an event once and its rising count as updates, never as a new event', async () => {
		const {sim, clock} = await simulator('v2-gpu-unschedulable');
		const problems: string[] = [];
		const sync = createV2EventSync({client: createV2Client({endpoint: sim.url, projectId: sim.projectId, auth: tokenAuth(sim.token)}), serviceId: V2_SERVICE_ID, language: 'en', onProblem: (p) => problems.push(p), pageLimit: 2});
		clock.now += 12_000;
		const first = await sync.poll();
		const retry = first.find((event) => event.event_info.startsWith('schedule resource failed'));
		expect(retry).toMatchObject({event_type: 'abnormal', count: 1});
		expect(sync.takeUpdates()).toEqual([]);
		clock.now += 14_000;
		expect(await sync.poll()).toEqual([]);
		expect(sync.takeUpdates()).toEqual([{id: retry?.id, count: 3, last_at: expect.any(Number)}]);
		expect(sync.takeUpdates()).toEqual([]);
		expect(problems).toEqual([]);
	});

	it('picks the Chinese text with language zh', async () => {
		const {sim, clock} = await simulator('v2-success');
		const sync = createV2EventSync({client: createV2Client({endpoint: sim.url, projectId: sim.projectId, auth: tokenAuth(sim.token)}), serviceId: V2_SERVICE_ID, language: 'zh'});
		clock.now += 60_000;
		const infos = (await sync.poll()).map((event) => event.event_info);
		expect(infos.slice(0, 3)).toEqual(['开始部署服务', '开始构建镜像', '镜像构建成功']);
	});

	it('says once that a count went down, and keeps the higher one', async () => {
		let count = 3;
		const endpoint = await serve((req, res) => routes({'/events': {body: {total: 1, data: [{id: 'e1', event_type: 'ABNORMAL', event_info: 'x', event_count: count, create_at: 1, update_at: 2}]}}})(req, res));
		const problems: string[] = [];
		const sync = createV2EventSync({client: clientFor(endpoint), serviceId: 's1', language: 'en', onProblem: (p) => problems.push(p)});
		expect(await sync.poll()).toHaveLength(1);
		count = 2;
		expect(await sync.poll()).toEqual([]);
		count = 3;
		expect(await sync.poll()).toEqual([]);
		expect(sync.takeUpdates()).toEqual([]);
		expect(new Set(problems)).toEqual(new Set(['v2 events: an event count went down (the higher count is kept)']));
	});
});

describe('--api auto', () => {
	/** Runs a service's poll loop until it ends or `until` holds for its messages; stops it. */
	async function watch(routing: ReturnType<typeof createGenerationRouting>, serviceId: string, until: (messages: WatchMessage[]) => boolean) {
		const messages: WatchMessage[] = [];
		const watcher = routing.watcherFor(serviceId, {intervalMs: 1000, minGapMs: 0})((message) => messages.push(message));
		watcher.start();
		const ended = await Promise.race([watcher.done, new Promise<null>((resolve) => {
			const timer = setInterval(() => {
				if (until(messages)) {
					clearInterval(timer);
					resolve(null);
				}
			}, 5);
		})]);
		watcher.stop();
		return {messages, ended};
	}

	const routingFor = (endpoint: string, v2Endpoint: string, token = 't', projectId = 'p1') =>
		createGenerationRouting({
			config: {api: 'auto', endpoint, lang: 'en', since: null, until: null},
			v1: createClient({endpoint, projectId, auth: tokenAuth(token)}),
			v2: createV2Client({endpoint: v2Endpoint, projectId, auth: tokenAuth(token)}),
		});

	it('watches a service v1 does not know through v2, with one failed v1 request, and a v1 service through v1 alone', async () => {
		const {sim, clock} = await simulator('v2-success');
		clock.now += 60_000;
		const auto = routingFor(sim.url, sim.url, sim.token, sim.projectId);
		const v2Watch = await watch(auto, V2_SERVICE_ID, (messages) => messages.some((m) => m.type === 'details'));
		expect(v2Watch.messages.find((m) => m.type === 'details')).toMatchObject({details: {service_id: V2_SERVICE_ID, status: 'running', deploy_timeout_minutes: 20}});
		expect(sim.requests.filter((r) => r.generation === 'v1').map((r) => [r.endpoint, r.status])).toEqual([['events', 404]]);
		const v1Id = '8f0c2d4e-1b3a-4c5d-9e6f-0a1b2c3d4e51';
		const v1Watch = await watch(auto, v1Id, (messages) => messages.some((m) => m.type === 'details'));
		expect(v1Watch.messages.find((m) => m.type === 'details')).toMatchObject({details: {service_id: v1Id, status: 'running'}});
		const aboutV1Service = sim.requests.filter((r) => r.path.includes(v1Id));
		expect(aboutV1Service.length).toBeGreaterThan(0);
		expect(aboutV1Service.every((r) => r.generation === 'v1' && r.status === 200)).toBe(true);
	});

	it('lists v2 services beside v1 ones, marked', async () => {
		const {sim} = await simulator('v2-success');
		const listed = await routingFor(sim.url, sim.url, sim.token, sim.projectId).listServices();
		expect(listed.filter((service) => service.generation === 'v2').map((service) => service.service_id)).toEqual([V2_SERVICE_ID]);
		expect(listed.filter((service) => service.generation === undefined).length).toBeGreaterThan(0);
	});

	it('never asks v2 on an Open Telekom Cloud endpoint', async () => {
		let v2Asked = false;
		const v2Endpoint = await serve((req, res) => {
			v2Asked = true;
			routes({})(req, res);
		});
		const v1Endpoint = await serve(routes({}));
		const otc = createGenerationRouting({
			config: {api: 'auto', endpoint: 'https://modelarts.eu-de.otc.t-systems.com', lang: 'en', since: null, until: null},
			v1: createClient({endpoint: v1Endpoint, projectId: 'p1', auth: tokenAuth('t')}),
			v2: clientFor(v2Endpoint),
		});
		const {ended} = await watch(otc, 's1', () => false);
		expect(ended?.error).toBeInstanceOf(NotFoundError);
		expect(await otc.listServices().catch(() => [])).toEqual([]);
		expect(v2Asked).toBe(false);
	});

	it('ends with the v1 answer when neither generation knows the service', async () => {
		const endpoint = await serve(routes({}));
		const {ended} = await watch(routingFor(endpoint, endpoint), 'nope', () => false);
		expect(ended).toMatchObject({reason: 'permanent-error'});
		expect(ended?.error?.message).toMatch(/HTTP 404 ModelArts\.3502/);
	});
});
