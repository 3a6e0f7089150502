// Chinese event wording (v2's event_info_cn, Chinese consoles), classified by the terms the
// console uses for the phases and outcomes (modelarts-api-evidence.md §13.4), in either word
// order ("镜像拉取" and "拉取镜像"), never by whole sentences. No word boundaries in Chinese:
// the terms are specific enough on their own.
import type {Classification, EventType, PhaseId} from '../types.js';

/** True when a text has Han characters, so the Chinese rules read it first. */
export function hasChinese(text: string): boolean {
	return /[\u4E00-\u9FFF]/.test(text);
}

/** The service as a whole: failed or timed out for good, stopped, deleted, rolled back. */
const ENDED = /服务部署(?:失败|超时)|部署服务失败|(?:更新|启动)服务失败|服务(?:启动|更新)失败|回滚失败|服务已停止|服务正在停止|正在停止服务|服务已删除/;
const LIFECYCLE = /开始(?:部署|更新|启动|重启)(?:服务)?|正在(?:部署|更新|启动|重启)服务|服务正在(?:部署|更新|启动|重启)/;
const DEPLOYED = /服务部署成功|服务启动成功|服务已启动|服务运行中|部署服务成功/;

/** Most specific first, as in classify.ts: "拉取镜像" is pulling, not building. */
const PHASES: readonly (readonly [PhaseId, RegExp])[] = [
	['image_pulling', /拉取/],
	['image_building', /镜像构建|构建镜像|镜像创建|创建镜像/],
	['environment_preparation', /环境/],
	['resource_scheduling', /调度|资源/],
	['model_startup', /模型启动|启动模型|容器|实例|健康检查|探针|重启|内存溢出/],
];

const FAILURE = /失败|超时|不足|错误|异常|无法|未就绪|重试|崩溃|退出|拒绝|已用完/;
const SUCCESS = /成功|完成|已就绪/;

/** The meaning of a Chinese text, or null when no Chinese term speaks (the English rules then read it). */
export function classifyChinese(text: string, type: EventType, model: string | null): Classification | null {
	if (ENDED.test(text)) return {phase: null, signal: 'ended', model};
	if (DEPLOYED.test(text)) return {phase: null, signal: 'deployed', model};
	if (LIFECYCLE.test(text)) return {phase: null, signal: 'lifecycle', model};
	const phase = PHASES.find(([, pattern]) => pattern.test(text))?.[0] ?? null;
	if (phase === null) return null;
	if (type === 'abnormal' || FAILURE.test(text)) return {phase, signal: 'failure', model};
	return {phase, signal: SUCCESS.test(text) ? 'success' : 'start', model};
}
