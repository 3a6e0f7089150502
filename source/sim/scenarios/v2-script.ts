// What a v2 scenario writes: one deployment of `instances` single-pod instances, and a
// timeline of service events (English with a Chinese twin), status changes, pod phases and
// pod (Kubernetes) events. Repeats are written as repeats: the state aggregates them.
import type {V2EventType, V2PodStatus, V2Status} from '../v2-shapes.js';

/** A service event with its two texts. */
export interface V2ScenarioEvent {
	readonly type: V2EventType;
	readonly en: string;
	readonly cn: string;
}

/** A Kubernetes event of one pod (by index), or of every pod when `pod` is absent. */
export interface V2ScenarioPodEvent {
	readonly type: 'Normal' | 'Warning';
	readonly reason: string;
	readonly message: string;
	readonly component?: string;
	readonly pod?: number;
}

/** Something that happens `after` scenario-ms. */
export interface V2Step {
	readonly after: number;
	readonly events?: readonly V2ScenarioEvent[];
	readonly status?: V2Status;
	/** Set with a FAILED (or ERROR) status. */
	readonly failureReason?: string;
	/** Every pod's phase from now on, or one pod's (`index`). */
	readonly pods?: {readonly status: V2PodStatus; readonly index?: number};
	readonly podEvents?: readonly V2ScenarioPodEvent[];
}

/** A v2 service's plan: the watched service of a v2 scenario. */
export interface V2Plan {
	readonly deploymentName: string;
	readonly instances: number;
	readonly deployTimeoutMinutes: number;
	readonly image: string;
	readonly initial: V2Status;
	readonly steps: readonly V2Step[];
}

export const v2Event = {
	normal: (en: string, cn: string): V2ScenarioEvent => ({type: 'NORMAL', en, cn}),
	abnormal: (en: string, cn: string): V2ScenarioEvent => ({type: 'ABNORMAL', en, cn}),
	warning: (en: string, cn: string): V2ScenarioEvent => ({type: 'WARNING', en, cn}),
};

/** The deploy wording, English in the v1 API's words, Chinese with the console's phase names (§13.4). */
export const v2Wording = {
	startDeploy: () => v2Event.normal('start to deploy service', '开始部署服务'),
	buildingImage: () => v2Event.normal('building image', '开始构建镜像'),
	buildImageSuccess: () => v2Event.normal('build image success', '镜像构建成功'),
	preparingEnvironment: () => v2Event.normal('preparing environment', '正在准备环境'),
	prepareEnvironmentSuccess: () => v2Event.normal('prepare environment success', '环境准备成功'),
	scheduleResourceSuccess: () => v2Event.normal('schedule resource success', '资源调度成功'),
	pullingImage: () => v2Event.normal('pulling image', '正在拉取镜像'),
	pullImageSuccess: () => v2Event.normal('pull image success', '镜像拉取成功'),
	startingModel: () => v2Event.normal('starting model', '正在启动模型'),
	deployed: () => v2Event.normal('service deployment succeeded', '服务部署成功'),
	deployFailed: (why: string, whyCn: string) => v2Event.abnormal(`service deployment failed: ${why}`, `服务部署失败：${whyCn}`),
	timedOut: (minutes: number) => v2Event.abnormal(`service deployment timed out after ${minutes} minutes`, `服务部署超时（${minutes} 分钟）`),
};
