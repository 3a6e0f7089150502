// Scenarios whose cause leaves no telling event (issue 25): the facts are in the model's
// health check or the dedicated pool, one API call away. History is real time before the
// clock start (not compressed), so "starting for 17 minutes" is true at any replay speed.
import type {HistoryEvent, Scenario, ScenarioEvent, ScenarioModel, ScenarioStep} from './types.js';
import type {ScenarioNode, ScenarioPool} from '../pool-shapes.js';
import {DAY, failed, MINUTE, model, SECOND, tag} from './builders.js';
import {project} from './basic.js';
import {api, consoleWording} from './wording.js';

/** The API wording up to the phase named, the first `ago` before the start, then a minute apart. */
function historyUntil(m: ScenarioModel, phase: 'scheduling' | 'startup', ago: number): HistoryEvent[] {
	const t = tag(m);
	const events: ScenarioEvent[] = [api.startDeploy(), api.buildingImage(t), api.buildImageSuccess(t), api.preparingEnvironment(), api.prepareEnvironmentSuccess(t)];
	if (phase === 'startup') events.push(api.scheduleResourceSuccess(t), api.pullingImage(t), api.pullImageSuccess(t), api.startingModel(t));
	return events.map((event, index) => ({...event, ago: ago - index * (phase === 'startup' ? 20 * SECOND : 15 * SECOND)}));
}

const TIMED_OUT = 'Service deployment timed out.';

function deploying(steps: ScenarioStep[]): {readonly initial: {readonly status: string; readonly progress: number}; readonly steps: ScenarioStep[]} {
	return {initial: {status: 'deploying', progress: 40}, steps};
}

const LLM: ScenarioModel = {
	...model('llm-7b', '1.2.0'),
	specification: 'modelarts.vm.gpu.t4',
	probes: {health: {protocol: 'HTTP', check_method: 'HTTP', url: '/health', initial_delay_seconds: '0', timeout_seconds: '5', period_seconds: '10', failure_threshold: '3'}},
};
const probeDelay: Scenario = {
	name: 'why-probe-delay',
	description: 'The health check gives a slow-loading model 30 s (no initial delay); startup runs 17 minutes, then times out: health_check.',
	services: project({
		name: 'llm-chat-svc',
		description: '7B chat model, loads its weights for minutes',
		models: [LLM],
		history: historyUntil(LLM, 'startup', 19 * MINUTE + 40 * SECOND),
		...deploying([{after: 30 * SECOND, event: consoleWording.timedOut(`${tag(LLM)} did not become ready`), status: failed(TIMED_OUT)}]),
	}),
};

const A100_GB = {cpu: '31850m', memory: '249036Mi', 'nvidia.com/gpu': '2'};
const gpuNode = (index: number, overrides: Partial<ScenarioNode> = {}): ScenarioNode => ({
	name: `192.168.20.${11 + index}`,
	phase: 'Available',
	flavor: 'modelarts.bm.gpu.a100.2',
	resources: A100_GB,
	availableResources: {cpu: '12400m', memory: '98304Mi', 'nvidia.com/gpu': '0'},
	...overrides,
});

const FULL_POOL: ScenarioPool = {
	name: 'pool-9c1d4e7a-b2f0-4c1e-9a3d-5e6f7a8b9c0d',
	displayName: 'infer-a100',
	phase: 'Running',
	nodes: [0, 1, 2, 3].map((index) => gpuNode(index)),
	events: [{type: 'Normal', reason: 'PoolResourcesStatusChange', message: 'Pool resources status changed, available/abnormal/creating/deleting count from 3/0/1/0 to 4/0/0/0.', ago: 12 * DAY}],
};
const RERANK: ScenarioModel = {...model('reranker', '2.1.0'), specification: 'custom', customSpec: {cpu: 8, memory: 65_536, gpu_p4: 2}};
const scheduleWait = (after: number): ScenarioStep => ({after, event: consoleWording.insufficientResources()});
const poolFull: Scenario = {
	name: 'why-pool-full',
	description: 'A dedicated pool whose GPUs are all taken: scheduling retries until the time-out: resources, with the pool named.',
	services: project({
		name: 'rerank-svc',
		description: 'Reranker on the team pool',
		models: [RERANK],
		pool: FULL_POOL,
		history: historyUntil(RERANK, 'scheduling', 90 * SECOND),
		...deploying([scheduleWait(4 * SECOND), scheduleWait(16 * SECOND), scheduleWait(28 * SECOND), {after: 40 * SECOND, status: failed(TIMED_OUT)}]),
	}),
};

const ABNORMAL_POOL: ScenarioPool = {
	name: 'pool-5ff6a0e2-7d41-4b9c-8e2f-3a4b5c6d7e8f',
	displayName: 'vision-t4',
	phase: 'Abnormal',
	message: '2 nodes are abnormal',
	nodes: [
		gpuNode(0, {phase: 'Abnormal', flavor: 'modelarts.vm.gpu.t4u8', availableResources: {cpu: '0', memory: '0', 'nvidia.com/gpu': '0'}}),
		gpuNode(1, {phase: 'Abnormal', flavor: 'modelarts.vm.gpu.t4u8', availableResources: {cpu: '0', memory: '0', 'nvidia.com/gpu': '0'}}),
		gpuNode(2, {flavor: 'modelarts.vm.gpu.t4u8', availableResources: {cpu: '7800m', memory: '28000Mi', 'nvidia.com/gpu': '1'}, taints: [{key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule'}]}),
		gpuNode(3, {flavor: 'modelarts.vm.gpu.t4u8', availableResources: {cpu: '3920m', memory: '6270Mi', 'nvidia.com/gpu': '0'}}),
	],
	events: [
		{type: 'Warning', reason: 'PoolStatusChange', message: 'Pool status changed, from Running to Abnormal, details: .', ago: 6 * MINUTE},
		{type: 'Warning', reason: 'PoolResourcesStatusChange', message: 'Pool resources status changed, available/abnormal/creating/deleting count from 4/0/0/0 to 2/2/0/0.', ago: 6 * MINUTE + 2 * SECOND},
	],
};
const DETECT: ScenarioModel = {...model('yolo-det', '8.0.1'), specification: 'modelarts.vm.gpu.t4'};
const poolAbnormal: Scenario = {
	name: 'why-pool-abnormal',
	description: 'Two nodes of the dedicated pool went Abnormal and one is tainted NoSchedule; scheduling waits without an event: resources.',
	services: project({
		name: 'detector-svc',
		description: 'Object detection on a T4 pool',
		models: [DETECT],
		pool: ABNORMAL_POOL,
		history: historyUntil(DETECT, 'scheduling', 7 * MINUTE),
		...deploying([{after: 35 * SECOND, status: failed(TIMED_OUT)}]),
	}),
};

export const EVIDENCE_SCENARIOS: readonly Scenario[] = [probeDelay, poolFull, poolAbnormal];
