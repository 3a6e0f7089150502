// The evidence reads: typed answers from the simulator's model and pool APIs; bad data said
// once as a note and never thrown; 403 said once and never asked again; a missing pool
// (ModelArts.50015001) skipped; a transient failure asked again at the next turn.
import {afterEach, describe, expect, it} from 'vitest';
import {createClient} from '../../../source/api/client.js';
import {allPages, evidenceClient, type EvidenceClient, type ProjectGet} from '../../../source/api/evidence/client.js';
import {ForbiddenError, NotFoundError, TransientError} from '../../../source/api/errors.js';
import {EvidenceReads} from '../../../source/api/evidence/reads.js';
import type {ApiEvent, ServiceDetails} from '../../../source/core/types.js';
import type {WatchMessage} from '../../../source/core/watch/data.js';
import {startSimulator, type Simulator} from '../../../source/sim/server.js';
import {tokenAuth} from '../token-auth.js';

const simulators: Simulator[] = [];
afterEach(async () => {
	await Promise.all(simulators.splice(0).map((sim) => sim.close()));
});

async function clientFor(scenario: string) {
	const sim = await startSimulator({scenario});
	simulators.push(sim);
	const client = createClient({endpoint: sim.url, projectId: sim.projectId, auth: tokenAuth(sim.token)});
	return {sim, client, evidence: evidenceClient(client.projectGet), details: await client.getService(sim.serviceId)};
}

describe('evidence client against the simulator', () => {
	it('reads a model and its probes, and the pool of a service with its nodes page by page and its events', async () => {
		const {sim, evidence, details} = await clientFor('why-pool-abnormal');
		const model = await evidence.getModel(details.config?.[0]?.model_id ?? '');
		expect(model.value).toMatchObject({model: 'yolo-det 8.0.1', status: 'published', probes: []});
		expect(model.problems).toEqual(['model has no health check']);
		expect(details.pool_name).toBe('pool-5ff6a0e2-7d41-4b9c-8e2f-3a4b5c6d7e8f');
		const pool = await evidence.getPool(details.pool_name!);
		expect(pool.value).toEqual({poolName: details.pool_name, displayName: 'vision-t4', phase: 'Abnormal', message: '2 nodes are abnormal', inferState: 'Enabled'});
		const nodes = await allPages((page) => evidence.listPoolNodes(details.pool_name!, {...page, limit: 1}));
		expect(nodes.value.map((node) => [node.name, node.phase, node.available?.gpu])).toEqual([
			['192.168.20.11', 'Abnormal', 0],
			['192.168.20.12', 'Abnormal', 0],
			['192.168.20.13', 'Available', 1],
			['192.168.20.14', 'Available', 0],
		]);
		expect(nodes.value[3]?.available).toEqual({cpu: 3.92, memory: 6270 * 2 ** 20, gpu: 0});
		expect(sim.requests.filter((request) => request.endpoint === 'pool-nodes')).toHaveLength(4);
		const events = await evidence.listPoolEvents(details.pool_name!, {limit: 100});
		expect(events.items.map((event) => event.reason)).toEqual(['PoolResourcesStatusChange', 'PoolStatusChange']);
		expect(sim.requests.find((request) => request.endpoint === 'pool-events')?.query).toMatchObject({resource: 'pools', name: details.pool_name});
	});

	it('rejects a pool that is not found with a NotFoundError carrying the 8-digit code', async () => {
		const {evidence} = await clientFor('why-pool-full');
		await expect(evidence.getPool('pool-gone')).rejects.toMatchObject({kind: 'not_found', message: expect.stringContaining('ModelArts.50015001')});
	});
});

/** An evidence client over canned answers by path. */
function cannedClient(answers: Readonly<Record<string, unknown>>): EvidenceClient {
	const get: ProjectGet = async (_version, path, query) => {
		const key = query.continue ? `${path}?continue=${query.continue}` : path;
		if (!(key in answers)) throw new Error(`unexpected read of ${key}`);
		const answer = answers[key];
		if (answer instanceof Error) throw answer;
		return answer;
	};
	return evidenceClient(get);
}

describe('evidence client: bad input is named, never thrown', () => {
	it.each([
		['a quantity in an unknown unit', {cpu: '4 cores', memory: '1Gi'}, ['node n1 availableResources cpu is not a quantity ("4 cores")'], null],
		['no availableResources', undefined, ['node n1 has no availableResources'], null],
		['a plain number and binary units', {cpu: 4, memory: '1Gi', 'nvidia.com/gpu': '2'}, [], {cpu: 4, memory: 2 ** 30, gpu: 2}],
	])('nodes with %s', async (_, available, problems, read) => {
		const client = cannedClient({'pools/p/nodes': {items: [{metadata: {name: 'n1'}, status: {phase: 'Available', ...(available ? {availableResources: available} : {})}}]}});
		const nodes = await client.listPoolNodes('p', {limit: 100});
		expect(nodes.problems).toEqual(problems);
		expect(nodes.items[0]?.available).toEqual(read);
	});

	it('stops paging when a server hands back the same token', async () => {
		const page = {metadata: {continue: 'again'}, items: [{metadata: {name: 'n1'}, status: {}}]};
		const client = cannedClient({'pools/p/nodes': page, 'pools/p/nodes?continue=again': page});
		expect((await allPages((page) => client.listPoolNodes('p', page))).value).toHaveLength(2);
	});
});

const details = (pool: string | undefined, status = 'deploying'): ServiceDetails => ({
	service_id: 's',
	service_name: 'svc',
	status,
	...(pool ? {pool_name: pool} : {}),
	config: [{model_id: 'm-1', model_name: 'llm', model_version: '1.0', specification: 'modelarts.vm.gpu.t4'}],
});
const failedScheduling: ApiEvent[] = [
	{event_type: 'normal', event_info: 'start to deploy service', occur_time: 1000},
	{event_type: 'abnormal', event_info: '[llm 1.0] schedule resource failed: insufficient GPU', occur_time: 2000},
];

/** EvidenceReads over a client whose calls are counted, with a hand-driven clock. */
function reads(client: Partial<EvidenceClient>) {
	let now = 10_000;
	const calls: string[] = [];
	const messages: WatchMessage[] = [];
	const counted = Object.fromEntries(
		(['getModel', 'getPool', 'listPoolNodes', 'listPoolEvents'] as const).map((name) => [
			name,
			(...args: unknown[]) => {
				calls.push(name);
				const method = client[name] as ((...a: unknown[]) => Promise<unknown>) | undefined;
				return method ? method(...args) : Promise.resolve({items: [], next: null, problems: []});
			},
		]),
	) as unknown as EvidenceClient;
	const subject = new EvidenceReads({client: counted, now: () => now, emit: (message) => messages.push(message)});
	return {subject, calls, messages, advance: (ms: number) => (now += ms), signal: new AbortController().signal};
}

const notes = (messages: readonly WatchMessage[]) => messages.flatMap((message) => (message.type === 'evidence' ? message.notes : []));

describe('EvidenceReads', () => {
	it('says a refused model API once and does not ask it again', async () => {
		const {subject, calls, messages, advance, signal} = reads({getModel: async () => Promise.reject(new ForbiddenError('not allowed', 403, {errorCode: 'ModelArts.0204', errorMsg: 'Policy does not allow it.', requestId: null}))});
		subject.noteEvents(failedScheduling);
		subject.noteDetails({...details(undefined), config: [...details(undefined).config!, {model_id: 'm-2', model_name: 'llm', model_version: '1.0'}]});
		for (let turn = 0; turn < 3; turn++) {
			await subject.readIfDue('deploying', signal);
			advance(60_000);
		}
		expect(calls).toEqual(['getModel']);
		expect(notes(messages)).toEqual(['evidence: the models API is not allowed (HTTP 403 ModelArts.0204); not asked again']);
	});

	it('skips a pool that is not found after saying so once, and keeps reading the model once', async () => {
		const {subject, calls, messages, advance, signal} = reads({
			getModel: async () => ({value: {modelId: 'm-1', model: 'llm 1.0', status: 'published', probes: []}, problems: ['model has no health check']}),
			getPool: async () => Promise.reject(new NotFoundError('not found', 404, {errorCode: 'ModelArts.50015001', errorMsg: 'Pool pool-gone not found.', requestId: null})),
		});
		subject.noteEvents(failedScheduling);
		subject.noteDetails(details('pool-gone'));
		for (let turn = 0; turn < 3; turn++) {
			await subject.readIfDue('deploying', signal);
			advance(31_000);
		}
		expect(calls).toEqual(['getModel', 'getPool']);
		expect(notes(messages)).toEqual(['evidence: model llm 1.0: model has no health check', 'evidence: pool pool-gone not found (HTTP 404 ModelArts.50015001)']);
	});

	it('reads the pool again only after 30 s, and a transient failure at the next due turn', async () => {
		let fail = true;
		const {subject, calls, advance, signal} = reads({
			getModel: async () => {
				if (fail) throw new TransientError('HTTP 503', 503);
				return {value: {modelId: 'm-1', model: 'llm 1.0', status: 'published', probes: []}, problems: []};
			},
			getPool: async () => ({value: {poolName: 'p', displayName: null, phase: 'Running', message: null, inferState: null}, problems: []}),
		});
		subject.noteEvents(failedScheduling);
		subject.noteDetails(details('p'));
		await subject.readIfDue('deploying', signal);
		fail = false;
		advance(10_000);
		await subject.readIfDue('deploying', signal);
		advance(10_000);
		await subject.readIfDue('deploying', signal);
		advance(11_000);
		await subject.readIfDue('deploying', signal);
		expect(calls).toEqual(['getModel', 'getPool', 'listPoolNodes', 'listPoolEvents', 'getModel', 'getPool', 'listPoolNodes', 'listPoolEvents']);
	});

	it('reads the pool of a failed deployment once after the failure, not every 30 s', async () => {
		const {subject, calls, advance, signal} = reads({
			getModel: async () => ({value: {modelId: 'm-1', model: 'llm 1.0', status: 'published', probes: []}, problems: []}),
			getPool: async () => ({value: {poolName: 'p', displayName: null, phase: 'Running', message: null, inferState: null}, problems: []}),
		});
		subject.noteEvents(failedScheduling);
		subject.noteDetails(details('p', 'failed'));
		for (let turn = 0; turn < 4; turn++) {
			await subject.readIfDue('failed', signal);
			advance(31_000);
		}
		expect(calls.filter((call) => call === 'getPool')).toHaveLength(1);
		expect(calls.filter((call) => call === 'getModel')).toHaveLength(1);
	});

	it('passes no control character of server text into a note', async () => {
		const {subject, messages, signal} = reads({getPool: async () => Promise.reject(new NotFoundError('not found', 404))});
		subject.noteEvents(failedScheduling);
		subject.noteDetails(details('pool-\u001b[2Jgone'));
		await subject.readIfDue('deploying', signal);
		const [note] = notes(messages).filter((text) => text.includes('gone'));
		expect(note).toContain('pool-');
		expect(note).not.toMatch(/\u001b/);
	});

	it('reads nothing for a running service', async () => {
		const {subject, calls, signal} = reads({});
		subject.noteEvents(failedScheduling);
		subject.noteDetails(details('p', 'running'));
		await subject.readIfDue('running', signal);
		expect(calls).toEqual([]);
	});
});
