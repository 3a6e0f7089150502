// v2 (new-version) services (issue 24): a clean deploy with two instances, and the four ways
// a v2 deploy commonly gets stuck, each visible in the pods' Kubernetes events — the place
// Huawei's FAQ says the reason lives. Service events carry Chinese twins and repeat, so their
// counts rise. Times are scenario-ms at speed 1 (a demo of ~40 s).
import {neighbours, SECOND} from './builders.js';
import type {Scenario} from './types.js';
import type {V2Plan, V2ScenarioEvent, V2Step} from './v2-script.js';
import {v2Event, v2Wording as w} from './v2-script.js';

export const V2_SERVICE_ID = '6a1f3c2e-9d4b-4e7a-8c5f-2b9d0e1f7a34';
const IMAGE = 'swr.cn-north-4.myhuaweicloud.com/acme/llm-chat:1.2.0';

/** Up to the phase named, two seconds apart, from 0. */
function until(phase: 'scheduling' | 'pulling' | 'startup'): V2Step[] {
	const events: V2ScenarioEvent[] = [w.startDeploy(), w.buildingImage(), w.buildImageSuccess(), w.preparingEnvironment(), w.prepareEnvironmentSuccess()];
	if (phase !== 'scheduling') events.push(w.scheduleResourceSuccess(), w.pullingImage());
	if (phase === 'startup') events.push(w.pullImageSuccess(), w.startingModel());
	return events.map((event, index) => ({after: index * 2 * SECOND, events: [event], ...(index === 0 ? {status: 'DEPLOYING' as const} : {})}));
}

const scheduled = (after: number): V2Step => ({after, podEvents: [{type: 'Normal', reason: 'Scheduled', message: 'Successfully assigned {pod} to {node}', component: 'default-scheduler'}]});
const pulled = (after: number): V2Step => ({after, podEvents: [{type: 'Normal', reason: 'Pulled', message: `Successfully pulled image "${IMAGE}"`}]});

function v2Scenario(name: string, description: string, plan: Omit<V2Plan, 'deploymentName' | 'image' | 'initial' | 'deployTimeoutMinutes'>): Scenario {
	return {
		name,
		description,
		services: [
			{id: V2_SERVICE_ID, name: 'llm-chat', description: 'Chat model on a dedicated pool (v2)', publishedAgo: 0, initial: {status: 'deploying'}, models: [], history: [], steps: [], v2: {deploymentName: 'llm-chat-d1', image: IMAGE, initial: 'INIT', deployTimeoutMinutes: 20, ...plan}},
			...neighbours(),
		],
	};
}

const failedAt = (after: number, reason: string, events: readonly V2ScenarioEvent[]): V2Step => ({after, status: 'FAILED', failureReason: reason, events});

const success = v2Scenario('v2-success', 'A v2 service deploys two instances cleanly; a scheduling wait repeats (count rises) and clears.', {
	instances: 2,
	steps: [
		...until('startup').map((step) => (step.after >= 10 * SECOND ? {...step, after: step.after + 6 * SECOND} : step)),
		{after: 10 * SECOND, events: [v2Event.warning('waiting for idle resources in the pool', '正在等待资源池空闲资源')]},
		{after: 13 * SECOND, events: [v2Event.warning('waiting for idle resources in the pool', '正在等待资源池空闲资源')]},
		{after: 15 * SECOND, events: [v2Event.warning('waiting for idle resources in the pool', '正在等待资源池空闲资源')]},
		scheduled(16 * SECOND),
		pulled(22 * SECOND),
		{after: 26 * SECOND, pods: {status: 'RUNNING', index: 0}, podEvents: [{type: 'Normal', reason: 'Started', message: 'Started container model', pod: 0}]},
		{after: 30 * SECOND, pods: {status: 'RUNNING', index: 1}, podEvents: [{type: 'Normal', reason: 'Started', message: 'Started container model', pod: 1}]},
		{after: 32 * SECOND, status: 'RUNNING', events: [w.deployed()]},
	],
});

const imagePull = v2Scenario('v2-image-pull', 'The image tag does not exist in SWR: ErrImagePull, then ImagePullBackOff until the deploy fails.', {
	instances: 1,
	steps: [
		...until('pulling'),
		scheduled(12 * SECOND),
		...[14, 20, 27].map((s) => ({
			after: s * SECOND,
			events: [v2Event.abnormal('pull image failed, retrying', '镜像拉取失败，正在重试')],
			podEvents: [
				{type: 'Normal' as const, reason: 'Pulling', message: `Pulling image "${IMAGE}"`},
				{type: 'Warning' as const, reason: 'Failed', message: `Failed to pull image "${IMAGE}": rpc error: code = NotFound desc = manifest unknown: manifest unknown`},
				{type: 'Warning' as const, reason: 'Failed', message: 'Error: ErrImagePull'},
				{type: 'Warning' as const, reason: 'Failed', message: 'Error: ImagePullBackOff'},
			],
		})),
		failedAt(34 * SECOND, 'Deployment failed: the image could not be pulled (ImagePullBackOff).', [w.deployFailed('the image could not be pulled', '镜像拉取失败')]),
	],
});

const gpu = v2Scenario('v2-gpu-unschedulable', 'No node of the pool has a free GPU: FailedScheduling repeats until the deploy times out.', {
	instances: 1,
	steps: [
		...until('scheduling'),
		...[11, 18, 25, 32].map((s) => ({
			after: s * SECOND,
			events: [v2Event.abnormal('schedule resource failed: insufficient GPU in the pool, retrying', '资源调度失败：资源池 GPU 不足，正在重试')],
			podEvents: [{type: 'Warning' as const, reason: 'FailedScheduling', message: '0/3 nodes are available: 3 Insufficient nvidia.com/gpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.', component: 'default-scheduler'}],
		})),
		failedAt(38 * SECOND, 'Service deployment timed out after 20 minutes: no node could be scheduled.', [w.timedOut(20)]),
	],
});

const readiness = v2Scenario('v2-readiness-probe', 'The model starts but its readiness probe answers 503; the instance never gets ready.', {
	instances: 1,
	steps: [
		...until('startup'),
		scheduled(9 * SECOND),
		pulled(14 * SECOND),
		{after: 17 * SECOND, pods: {status: 'ABNORMAL'}, podEvents: [{type: 'Normal', reason: 'Started', message: 'Started container model'}]},
		...[22, 26, 30, 34].map((s) => ({
			after: s * SECOND,
			events: [v2Event.warning('instance is not ready yet', '实例尚未就绪')],
			podEvents: [{type: 'Warning' as const, reason: 'Unhealthy', message: 'Readiness probe failed: HTTP probe failed with statuscode: 503'}],
		})),
		failedAt(38 * SECOND, 'Service deployment timed out after 20 minutes: the instance did not become ready.', [w.timedOut(20)]),
	],
});

const crashLoop = v2Scenario('v2-crash-loop', 'The model container is OOMKilled at start and restarts in a back-off loop.', {
	instances: 1,
	steps: [
		...until('startup'),
		scheduled(9 * SECOND),
		pulled(14 * SECOND),
		{after: 16 * SECOND, pods: {status: 'ABNORMAL'}, podEvents: [{type: 'Normal', reason: 'Started', message: 'Started container model'}]},
		...[20, 25, 31].map((s) => ({
			after: s * SECOND,
			events: [v2Event.abnormal('model startup failed: container exited, restarting', '模型启动失败：容器退出，正在重启')],
			podEvents: [
				{type: 'Warning' as const, reason: 'OOMKilled', message: 'Container model was OOMKilled (exit code 137, memory limit 16Gi)'},
				{type: 'Warning' as const, reason: 'BackOff', message: 'Back-off restarting failed container model in pod {pod}'},
			],
		})),
		failedAt(35 * SECOND, 'Deployment failed: the model container keeps crashing (CrashLoopBackOff).', [w.deployFailed('the model container keeps crashing', '模型容器反复崩溃')]),
	],
});

// CI's race: the step that creates the service starts after the watch (--wait-for-service).
const [successService, ...successNeighbours] = success.services;
const late: Scenario = {
	name: 'v2-late',
	description: 'The v2 service is created only 8 s after the start (for --wait-for-service), then deploys as v2-success does.',
	services: [{...successService, appearsAfter: 8 * SECOND}, ...successNeighbours],
};

export const V2_SCENARIOS: readonly Scenario[] = [success, imagePull, gpu, readiness, crashLoop, late];
