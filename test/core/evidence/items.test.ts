// From the model's and the pool's answers to the sentences the diagnosis quotes, with the
// names and numbers a person needs; and nothing where the facts do not point at a cause.
import {describe, expect, it} from 'vitest';
import {computeDeployment} from '../../../source/core/deployment/progress.js';
import {evidenceFrom, poolLabel} from '../../../source/core/evidence/items.js';
import type {NodeFacts, PoolFacts, Probe} from '../../../source/core/evidence/types.js';
import {instanceRequest} from '../../../source/core/evidence/instance-request.js';
import {shortageOf, shortageText} from '../../../source/core/evidence/pool-capacity.js';
import {budgetSeconds, budgetText, governingProbe} from '../../../source/core/evidence/probe-budget.js';
import {validateModelDetails} from '../../../source/core/wire/validate-model-details.js';
import {details, seedSequence, T0, watchEvents} from '../fixtures.js';

const MIN = 60_000;
const GI = 2 ** 30;

describe('model details: probes', () => {
	const probe = {protocol: 'HTTP', check_method: 'HTTP', url: '/health', initial_delay_seconds: '10', period_seconds: '10', failure_threshold: '3', timeout_seconds: '5'};
	it.each([
		['in the config string', {config: JSON.stringify({health: probe})}, ['health'], []],
		['top level only', {health: probe}, ['health'], []],
		['all three in config', {config: JSON.stringify({health: probe, readiness_health: probe, startup_health: probe})}, ['startup_health', 'readiness_health', 'health'], []],
		['none', {}, [], ['model has no health check']],
		['a non-numeric delay', {config: JSON.stringify({health: {...probe, initial_delay_seconds: 'ten'}})}, [], ['model health.initial_delay_seconds is not a number ("ten")']],
		['a config that is not JSON', {config: '{oops', health: probe}, ['health'], ['model config is not a JSON object']],
	] as const)('%s', (_, extra, kinds, problems) => {
		const payload = validateModelDetails({model_id: 'm-1', model_name: 'llm', model_version: '1.0', model_status: 'published', ...extra});
		expect(payload.facts?.probes.map((p) => p.kind)).toEqual(kinds);
		expect(payload.problems).toEqual(problems);
		expect(payload.facts?.model).toBe('llm 1.0');
	});

	it('reads the numbers of a probe, with the console defaults for absent ones', () => {
		const [read] = validateModelDetails({model_id: 'm', model_name: 'x', config: JSON.stringify({startup_health: {url: '/ready', period_seconds: '4'}})}).facts?.probes ?? [];
		expect(read).toEqual({kind: 'startup_health', method: null, protocol: null, target: '/ready', initialDelaySeconds: 12, periodSeconds: 4, failureThreshold: 12, timeoutSeconds: null});
	});

	it('refuses answers that are not model details', () => {
		expect(validateModelDetails([]).facts).toBeNull();
		expect(validateModelDetails({model_name: 'x'}).facts).toBeNull();
	});
});

const httpProbe = (kind: Probe['kind'], delay: number, threshold: number, period: number): Probe => ({
	kind,
	method: 'HTTP',
	protocol: 'HTTP',
	target: '/health',
	initialDelaySeconds: delay,
	periodSeconds: period,
	failureThreshold: threshold,
	timeoutSeconds: 5,
});

describe('probe budget', () => {
	it.each([
		[[httpProbe('health', 10, 3, 10)], 'health', 40],
		[[httpProbe('readiness_health', 0, 3, 5), httpProbe('startup_health', 60, 30, 10)], 'startup_health', 360],
		[[httpProbe('readiness_health', 0, 3, 5)], 'readiness_health', 15],
	] as const)('%j: %s governs startup with %d s', (probes, kind, seconds) => {
		const probe = governingProbe(probes);
		expect(probe?.kind).toBe(kind);
		expect(budgetSeconds(probe!)).toBe(seconds);
	});

	it('says where the numbers come from', () => {
		expect(budgetText(httpProbe('health', 10, 3, 10))).toBe('the health check (HTTP GET /health) gives the model 40 s (delay 10 s + 3 × 10 s)');
	});
});

describe('instance request', () => {
	it.each([
		[{specification: 'modelarts.vm.gpu.t4'}, {cpu: 8, memory: 32 * GI, gpu: 1}],
		[{specification: 'custom', custom_spec: {cpu: 8, memory: 65_536, gpu_p4: 2}}, {cpu: 8, memory: 64 * GI, gpu: 2}],
		[{specification: 'custom', custom_spec: {cpu: 2, memory: 4096, gpu_p4: 0}}, {cpu: 2, memory: 4 * GI}],
		[{specification: 'modelarts.vm.unknown.9u'}, null],
		[{specification: 'custom'}, null],
	] as const)('%j asks %j', (config, request) => {
		expect(instanceRequest(config)).toEqual(request);
	});
});

const node = (name: string, gpuFree: number, extra: Partial<NodeFacts> = {}): NodeFacts => ({
	name,
	phase: 'Available',
	capacity: {cpu: 31.85, memory: 243 * GI, gpu: 2},
	available: {cpu: 12.4, memory: 96 * GI, gpu: gpuFree},
	taints: [],
	...extra,
});

describe('pool capacity', () => {
	const need = {cpu: 8, memory: 64 * GI, gpu: 2};
	it.each([
		['no GPU free', [node('a', 0), node('b', 0), node('c', 0), node('d', 0)], '0 of 8 GPUs free on 4 schedulable nodes; one instance needs 2'],
		['spread too thin', [node('a', 1), node('b', 1)], '2 of 4 GPUs free on 2 schedulable nodes, at most 1 on one; one instance needs 2'],
		['free only on an abnormal node', [node('a', 2, {phase: 'Abnormal'}), node('b', 0)], '0 of 2 GPUs free on 1 schedulable node; one instance needs 2'],
		['free only on a NoSchedule node', [node('a', 2, {taints: [{key: 'k', value: null, effect: 'NoSchedule'}]}), node('b', 0)], '0 of 2 GPUs free on 1 schedulable node; one instance needs 2'],
		['one node fits', [node('a', 0), node('b', 2)], null],
		['nodes without availableResources', [node('a', 0, {available: null})], null],
		['CPU the scarce part', [node('a', 2, {available: {cpu: 4, memory: 96 * GI, gpu: 2}})], '4 of 31.85 CPU cores free on 1 schedulable node; one instance needs 8'],
	] as const)('%s', (_, nodes, text) => {
		const shortage = shortageOf(nodes, need);
		expect(shortage === null ? null : shortageText(shortage)).toBe(text);
	});
});

const pool = (extra: Partial<PoolFacts> = {}): PoolFacts => ({
	poolName: 'pool-9c1d4e7a-b2f0',
	displayName: 'infer-a100',
	phase: 'Running',
	message: null,
	inferState: 'Enabled',
	nodes: [node('n1', 0), node('n2', 0), node('n3', 0), node('n4', 0)],
	events: [],
	demands: [{model: 'TF 3.0.0', request: {cpu: 8, memory: 64 * GI, gpu: 2}, instances: 1}],
	readAt: T0 + 20 * MIN,
	...extra,
});

/** The seed deployment cut after `count` events (9 = starting the model). */
const deploymentAfter = (count: number, status = 'deploying') => computeDeployment(watchEvents(...seedSequence().slice(0, count)), details(status));

describe('evidenceFrom', () => {
	it('names the pool and the scarce resource while scheduling waits', () => {
		expect(poolLabel(pool())).toBe('infer-a100 (pool-9c1d…)');
		const items = evidenceFrom({models: [], pools: [pool()]}, deploymentAfter(5), T0 + 10 * MIN);
		expect(items).toEqual([{source: 'pool', category: 'resources', text: 'infer-a100 (pool-9c1d…): 0 of 8 GPUs free on 4 schedulable nodes; one instance needs 2'}]);
	});

	it('counts the instances asked for in the text, but calls the pool short only when not one more fits', () => {
		const three = pool({demands: [{model: 'TF 3.0.0', request: {cpu: 8, memory: 64 * GI, gpu: 2}, instances: 3}]});
		expect(evidenceFrom({models: [], pools: [three]}, deploymentAfter(5), T0 + 10 * MIN)[0]?.text).toBe('infer-a100 (pool-9c1d…): 0 of 8 GPUs free on 4 schedulable nodes; one instance needs 2 (3 instances asked)');
		const roomForOne = pool({nodes: [node('n1', 2), node('n2', 0)], demands: three.demands});
		expect(evidenceFrom({models: [], pools: [roomForOne]}, deploymentAfter(5), T0 + 10 * MIN)).toEqual([]);
	});

	it('says nothing of capacity once scheduling succeeded', () => {
		expect(evidenceFrom({models: [], pools: [pool()]}, deploymentAfter(9), T0 + 10 * MIN)).toEqual([]);
	});

	it('names an abnormal pool, its nodes, taints and recent pool events', () => {
		const abnormal = pool({
			phase: 'Abnormal',
			message: '2 nodes are abnormal',
			nodes: [node('n1', 0, {phase: 'Abnormal'}), node('n2', 0, {phase: 'Abnormal'}), node('n3', 2, {taints: [{key: 'node.kubernetes.io/unreachable', value: null, effect: 'NoSchedule'}]}), node('n4', 0)],
			events: [
				{type: 'Warning', reason: 'PoolStatusChange', message: 'Pool status changed, from Running to Abnormal, details: .', at: T0 + 14 * MIN},
				{type: 'Normal', reason: 'PoolResourcesStatusChange', message: 'old news', at: T0 - 3 * 60 * MIN},
			],
		});
		const texts = evidenceFrom({models: [], pools: [abnormal]}, deploymentAfter(5), T0 + 20 * MIN).map((item) => item.text);
		expect(texts).toEqual([
			'infer-a100 (pool-9c1d…): 0 of 2 GPUs free on 1 schedulable node; one instance needs 2',
			'infer-a100 (pool-9c1d…) is Abnormal: 2 nodes are abnormal',
			'infer-a100 (pool-9c1d…): 2 of 4 nodes are not Available (n1 Abnormal, n2 Abnormal)',
			'infer-a100 (pool-9c1d…): 1 of 4 nodes are tainted NoSchedule (n3: node.kubernetes.io/unreachable)',
			'infer-a100 (pool-9c1d…) event 6m ago, PoolStatusChange: Pool status changed, from Running to Abnormal, details: .',
		]);
	});

	it('quotes the health check against the time spent in startup', () => {
		const model = {modelId: 'm-1', model: 'TF 3.0.0', status: 'published', probes: [httpProbe('health', 10, 3, 10)]};
		const startedAt = T0 + 8000;
		const [item] = evidenceFrom({models: [model], pools: []}, deploymentAfter(9), startedAt + 14 * MIN);
		expect(item).toEqual({source: 'model', category: 'health_check', text: 'TF 3.0.0: the health check (HTTP GET /health) gives the model 40 s (delay 10 s + 3 × 10 s); it has been starting for 14m'});
		// A generous budget is no cause.
		const patient = {...model, probes: [httpProbe('health', 600, 3, 10)]};
		expect(evidenceFrom({models: [patient], pools: []}, deploymentAfter(9), startedAt + 14 * MIN)).toEqual([]);
	});

	it('names a model whose build failed', () => {
		const items = evidenceFrom({models: [{modelId: 'm', model: 'TF 3.0.0', status: 'building_failed', probes: []}], pools: []}, deploymentAfter(2, 'failed'), T0 + MIN);
		expect(items.map((item) => item.category)).toEqual(['image_build']);
	});
});
