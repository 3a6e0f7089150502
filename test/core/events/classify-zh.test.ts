import {describe, expect, it} from 'vitest';
import {classifyEvent} from '../../../source/core/events/classify.js';

describe('Chinese event wording', () => {
	it.each([
		['开始部署服务', 'normal', null, 'lifecycle'],
		['开始构建镜像', 'normal', 'image_building', 'start'],
		['构建镜像成功', 'normal', 'image_building', 'success'],
		['正在准备环境', 'normal', 'environment_preparation', 'start'],
		['环境准备成功', 'normal', 'environment_preparation', 'success'],
		['调度资源成功', 'normal', 'resource_scheduling', 'success'],
		['资源调度失败：资源池 GPU 不足，正在重试', 'abnormal', 'resource_scheduling', 'failure'],
		['正在等待资源池空闲资源', 'warning', 'resource_scheduling', 'start'],
		['拉取镜像', 'normal', 'image_pulling', 'start'],
		['镜像拉取失败，正在重试', 'normal', 'image_pulling', 'failure'],
		['正在启动模型', 'normal', 'model_startup', 'start'],
		['实例尚未就绪', 'warning', 'model_startup', 'failure'],
		['服务部署成功', 'normal', null, 'deployed'],
		['服务部署超时（20 分钟）', 'abnormal', null, 'ended'],
		['部署服务失败：实时服务配额已用完。', 'abnormal', null, 'ended'],
	] as const)('%s (%s) → %s %s', (info, type, phase, signal) => {
		expect(classifyEvent(info, type)).toMatchObject({phase, signal});
	});

	it('keeps the model tag of a Chinese text', () => {
		expect(classifyEvent('[TF 3.0.0] 镜像拉取成功', 'normal')).toEqual({phase: 'image_pulling', signal: 'success', model: 'TF 3.0.0'});
	});

	it('reads Chinese text without a Chinese phase term by the English rules', () => {
		expect(classifyEvent('提示: pull image success', 'normal')).toMatchObject({phase: 'image_pulling', signal: 'success'});
	});
});
