// The evidence budget of a watch, counted at the simulator: a clean deployment and a running
// service make no model or pool request; a slow or troubled phase reads each model once and
// its pool (with nodes and events) at most once per 30 s, and the reads reach the program.
import {afterEach, describe, expect, it} from 'vitest';
import {createClient} from '../../../source/api/client.js';
import {createWatcher} from '../../../source/api/poll/watcher.js';
import {computeDeployment} from '../../../source/core/deployment/progress.js';
import {toWatchEvent} from '../../../source/core/events/normalise.js';
import {evidenceFrom} from '../../../source/core/evidence/items.js';
import type {WatchMessage} from '../../../source/core/watch/data.js';
import {startSimulator, type Simulator} from '../../../source/sim/server.js';
import {tokenAuth} from '../token-auth.js';

const simulators: Simulator[] = [];
afterEach(async () => {
	await Promise.all(simulators.splice(0).map((sim) => sim.close()));
});

const EVIDENCE = ['model', 'pool', 'pool-nodes', 'pool-events'] as const;

async function watchToEnd(scenario: string, speed: number, withEvidence = true) {
	const sim = await startSimulator({scenario, speed});
	simulators.push(sim);
	const client = createClient({endpoint: sim.url, projectId: sim.projectId, auth: tokenAuth(sim.token), timeoutMs: 2000});
	const messages: WatchMessage[] = [];
	const watcher = createWatcher({
		client,
		serviceId: sim.serviceId,
		intervalMs: 50,
		minGapMs: 20,
		stopAfterTerminal: true,
		onMessage: (message) => messages.push(message),
		...(withEvidence ? {projectGet: client.projectGet} : {}),
	});
	watcher.start();
	const result = await watcher.done;
	const count = Object.fromEntries(EVIDENCE.map((endpoint) => [endpoint, sim.requests.filter((request) => request.endpoint === endpoint).length]));
	const cycles = sim.requests.filter((request) => request.endpoint === 'details').length;
	return {result, count, cycles, messages};
}

/** The deployment as the fold would see it from the watch's messages. */
function deploymentOf(messages: readonly WatchMessage[]) {
	const events = messages.flatMap((message) => (message.type === 'events' ? message.events : []));
	const lastDetails = messages.flatMap((message) => (message.type === 'details' ? [message.details] : [])).at(-1) ?? null;
	return computeDeployment(events.map((event, index) => toWatchEvent(event, index, 0)), lastDetails);
}

const lastFacts = (messages: readonly WatchMessage[]) => messages.flatMap((message) => (message.type === 'evidence' ? [message.facts] : [])).at(-1);

describe('evidence reads in the poll loop', () => {
	it('makes no model or pool request for a clean deployment that ends running', async () => {
		const {result, count, cycles} = await watchToEnd('success', 20);
		expect(result.reason).toBe('terminal');
		expect(cycles).toBeGreaterThan(10);
		expect(count).toEqual({model: 0, pool: 0, 'pool-nodes': 0, 'pool-events': 0});
	});

	it('reads the pool once and the model once while scheduling retries on a full pool, then delivers them', async () => {
		const {count, cycles, messages} = await watchToEnd('why-pool-full', 20);
		expect(cycles).toBeGreaterThan(10);
		expect(count).toEqual({model: 1, pool: 1, 'pool-nodes': 1, 'pool-events': 1});
		const facts = lastFacts(messages);
		expect(facts?.pools[0]).toMatchObject({poolName: 'pool-9c1d4e7a-b2f0-4c1e-9a3d-5e6f7a8b9c0d', displayName: 'infer-a100', demands: [{model: 'reranker 2.1.0', request: {cpu: 8, gpu: 2}}]});
		expect(facts?.pools[0]?.nodes?.map((node) => node.available?.gpu)).toEqual([0, 0, 0, 0]);
	});

	it('reads the model of a slow startup once, and no pool for a service on the shared pool', async () => {
		const {count, messages} = await watchToEnd('why-probe-delay', 20);
		expect(count).toEqual({model: 1, pool: 0, 'pool-nodes': 0, 'pool-events': 0});
		expect(lastFacts(messages)?.models[0]?.probes[0]).toMatchObject({kind: 'health', target: '/health', initialDelaySeconds: 0, periodSeconds: 10, failureThreshold: 3});
		const [item] = evidenceFrom(lastFacts(messages)!, deploymentOf(messages), Date.now());
		expect(item).toEqual({
			source: 'model',
			category: 'health_check',
			text: 'llm-7b 1.2.0: the health check (HTTP GET /health) gives the model 30 s (delay 0 s + 3 × 10 s); it was starting for 17m when the deployment ended',
		});
	});

	it('gives the facts that name an abnormal pool, its nodes and its events as the likely cause', async () => {
		const {count, messages} = await watchToEnd('why-pool-abnormal', 20);
		expect(count.model).toBe(1);
		expect(count.pool).toBe(1);
		const texts = evidenceFrom(lastFacts(messages)!, deploymentOf(messages), Date.now()).map((item) => item.text);
		expect(texts).toEqual([
			'vision-t4 (pool-5ff6…): 0 of 2 GPUs free on 1 schedulable node; one instance needs 1',
			'vision-t4 (pool-5ff6…) is Abnormal: 2 nodes are abnormal',
			'vision-t4 (pool-5ff6…): 2 of 4 nodes are not Available (192.168.20.11 Abnormal, 192.168.20.12 Abnormal)',
			'vision-t4 (pool-5ff6…): 1 of 4 nodes are tainted NoSchedule (192.168.20.13: node.kubernetes.io/unreachable)',
			'vision-t4 (pool-5ff6…) event 6m ago, PoolStatusChange: Pool status changed, from Running to Abnormal, details: .',
			'vision-t4 (pool-5ff6…) event 6m ago, PoolResourcesStatusChange: Pool resources status changed, available/abnormal/creating/deleting count from 4/0/0/0 to 2/2/0/0.',
		]);
	});

	it('reads nothing extra when the run gives no evidence client', async () => {
		const {count} = await watchToEnd('why-pool-abnormal', 20, false);
		expect(count).toEqual({model: 0, pool: 0, 'pool-nodes': 0, 'pool-events': 0});
	});
});
