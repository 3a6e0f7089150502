import {describe, expect, it} from 'vitest';
import {instanceCountsChanged, serviceInstances, trackInstances, type ServiceInstances} from '../../../source/core/deployment/instances.js';
import {
	hasInstanceShortfall,
	instancesChangeText,
	instancesRunningText,
	instancesText,
	resourceLine,
	resourceUseText,
	shortfallText,
} from '../../../source/core/words/instances-wording.js';
import {ASCII_PUNCTUATION, UNICODE_PUNCTUATION} from '../../../source/core/words/punctuation.js';
import type {ModelMonitor, ServiceModelConfig, ServiceMonitor} from '../../../source/core/types.js';

const resnet = (extra: Partial<ModelMonitor> = {}): ModelMonitor => ({model_id: 'm-r', model_name: 'resnet', model_version: '1.0.0', ...extra});
const bert = (extra: Partial<ModelMonitor> = {}): ModelMonitor => ({model_id: 'm-b', model_name: 'bert', model_version: '2.1.0', ...extra});
const counts = (running: number, total: number): Partial<ModelMonitor> => ({model_running_instance_count: running, model_instance_count: total});
const NO_RESOURCES = {cpu: null, memoryMb: null, gpu: null, gpuMemoryMb: null, npu: null, npuMemoryMb: null};

describe('serviceInstances', () => {
	it.each<[string, ServiceMonitor, (string | null)[], ServiceModelConfig[], unknown]>([
		[
			'service and model counts as the monitor gives them',
			{service_running_instance_count: 1, service_instance_count: 2, monitors: [resnet(counts(1, 2))]},
			['resnet 1.0.0'],
			[],
			{running: 1, total: 2, models: [{model: 'resnet 1.0.0', running: 1, total: 2}]},
		],
		[
			'service counts summed from the models when the service leaves them out',
			{monitors: [resnet(counts(2, 2)), bert(counts(0, 1))]},
			['resnet 1.0.0', 'bert 2.1.0'],
			[],
			{running: 2, total: 3, models: [{model: 'resnet 1.0.0', running: 2, total: 2}, {model: 'bert 2.1.0', running: 0, total: 1}]},
		],
		[
			'models in track order, whatever order the monitor lists them in',
			{monitors: [bert(counts(1, 1)), resnet(counts(1, 1))]},
			['resnet 1.0.0', 'bert 2.1.0'],
			[],
			{running: 2, total: 2, models: [{model: 'resnet 1.0.0'}, {model: 'bert 2.1.0'}]},
		],
		[
			'an entry with only a model_id, named through config[]',
			{monitors: [{model_id: 'm-b', ...counts(1, 1)}]},
			['resnet 1.0.0', 'bert 2.1.0'],
			[{model_id: 'm-b', model_name: 'bert', model_version: '2.1.0'}],
			{models: [{model: 'bert 2.1.0', running: 1, total: 1}]},
		],
		[
			'an entry with a name but no version, matched to the one track of that name',
			{monitors: [{model_name: 'bert', ...counts(1, 1)}]},
			['resnet 1.0.0', 'bert 2.1.0'],
			[],
			{models: [{model: 'bert 2.1.0'}]},
		],
		[
			'an entry no track names, kept under its own name',
			{monitors: [{model_name: 'gpt', model_version: '0.1', ...counts(0, 1)}]},
			['resnet 1.0.0'],
			[],
			{models: [{model: 'gpt 0.1'}]},
		],
		[
			'edge nodes of one model, summed',
			{monitors: [resnet({node_id: 'n1', ...counts(1, 1)}), resnet({node_id: 'n2', ...counts(0, 1)})]},
			['resnet 1.0.0'],
			[],
			{running: 1, total: 2, models: [{model: 'resnet 1.0.0', running: 1, total: 2}]},
		],
		[
			'the total from config[] when the monitor leaves it out',
			{monitors: [resnet({model_running_instance_count: 1})]},
			['resnet 1.0.0'],
			[{model_name: 'resnet', model_version: '1.0.0', instance_count: 3}],
			{running: 1, total: 3, models: [{running: 1, total: 3}]},
		],
		[
			'the documented example: no counts at all, so none are made up',
			{monitors: [resnet({cpu_core_usage: 1, cpu_core_total: 2})]},
			['resnet 1.0.0'],
			[],
			{running: null, total: null, models: [{running: null, total: null}]},
		],
		[
			'no service total when one model does not know its part',
			{monitors: [resnet(counts(1, 1)), bert()]},
			['resnet 1.0.0', 'bert 2.1.0'],
			[],
			{running: null, total: null},
		],
		['nothing from an empty monitor', {monitors: []}, ['resnet 1.0.0'], [], {running: null, total: null, models: []}],
	])('%s', (_name, monitor, tracks, config, expected) => {
		expect(serviceInstances(monitor, tracks, config)).toMatchObject(expected as object);
	});

	it('sums resource use and leaves out what is not allocated', () => {
		// Given a CPU model on two nodes that reports 0 of 0 GPUs
		const monitor = {
			monitors: [
				resnet({cpu_core_usage: 1.2, cpu_core_total: 2, cpu_memory_usage: 1024, cpu_memory_total: 4096, gpu_usage: 0, gpu_total: 0}),
				resnet({cpu_core_usage: 1.2, cpu_core_total: 2, cpu_memory_usage: 1024, cpu_memory_total: 4096, gpu_usage: 0, gpu_total: 0}),
			],
		};

		// Then CPU and memory are summed and no GPU is reported
		expect(serviceInstances(monitor, ['resnet 1.0.0']).models[0]!.resources).toEqual({
			...NO_RESOURCES,
			cpu: {used: 2.4, total: 4},
			memoryMb: {used: 2048, total: 8192},
		});
	});
});

describe('trackInstances', () => {
	const instances = serviceInstances({monitors: [resnet(counts(1, 2))]}, ['resnet 1.0.0']);
	it.each([
		['a track by its model', 'resnet 1.0.0', 'resnet 1.0.0'],
		['a track the events never named, when the service has one model', null, 'resnet 1.0.0'],
		['a track without instances', 'bert 2.1.0', null],
	])('%s', (_name, track, model) => {
		expect(trackInstances(instances, track)?.model ?? null).toBe(model);
	});
});

describe('instanceCountsChanged', () => {
	const at = (running: number | null, total: number | null, models: [string, number | null, number | null][] = []): ServiceInstances => ({
		running,
		total,
		models: models.map(([model, r, t]) => ({model, running: r, total: t, resources: NO_RESOURCES})),
	});
	it.each<[string, ServiceInstances | null, ServiceInstances | null, boolean]>([
		['the first counts', null, at(0, 2), true],
		['a model instance came up', at(0, 2, [['resnet 1.0.0', 0, 2]]), at(1, 2, [['resnet 1.0.0', 1, 2]]), true],
		['the same counts again', at(1, 2, [['resnet 1.0.0', 1, 2]]), at(1, 2, [['resnet 1.0.0', 1, 2]]), false],
		['only resource use moved', at(1, 2), {...at(1, 2), models: [{model: 'resnet 1.0.0', running: null, total: null, resources: {...NO_RESOURCES, cpu: {used: 1, total: 2}}}]}, false],
		['an answer without counts is no news', null, at(null, null, [['resnet 1.0.0', null, null]]), false],
	])('%s: %s', (_name, previous, next, changed) => {
		expect(instanceCountsChanged(previous, next)).toBe(changed);
	});
});

describe('instance wording', () => {
	it.each([
		[1, 2, '1/2 instances', '1/2 instances running', 'instances 1/2 running', 'running with 1/2 instances ready'],
		[2, 2, '2/2 instances', '2/2 instances running', 'instances 2/2 running', null],
		[1, 1, '1/1 instance', '1/1 instance running', 'instances 1/1 running', null],
		[0, 1, '0/1 instance', '0/1 instance running', 'instances 0/1 running', 'running with 0/1 instance ready'],
		[null, 2, null, null, null, null],
		[1, null, null, null, null, null],
	])('%s of %s', (running, total, short, outcome, change, shortfall) => {
		const c = {running, total};
		expect([instancesText(c), instancesRunningText(c), instancesChangeText(c), shortfallText(c), hasInstanceShortfall(c)]).toEqual([
			short,
			outcome,
			change,
			shortfall,
			shortfall !== null,
		]);
	});

	it('reads as the outcome line the issue asks for', () => {
		// The outcome wording module composes: "Deployed in <took>: <fragment>"
		expect(`Deployed in 4m12s: ${instancesRunningText({running: 2, total: 2})}`).toBe('Deployed in 4m12s: 2/2 instances running');
	});

	it.each([
		['cpu and memory in GiB', {...NO_RESOURCES, cpu: {used: 2.4, total: 4}, memoryMb: {used: 2048, total: 8192}}, 'cpu 2.4/4 · mem 2.0/8 GiB'],
		[
			'GPU and NPU when present',
			{...NO_RESOURCES, cpu: {used: 1, total: 8}, gpu: {used: 1, total: 1}, gpuMemoryMb: {used: 3174.4, total: 16384}, npu: {used: 0.5, total: 2}, npuMemoryMb: {used: 512, total: 32768}},
			'cpu 1.0/8 · gpu 1.0/1 · gpu mem 3.1/16 GiB · npu 0.5/2 · npu mem 0.5/32 GiB',
		],
		['a fractional total', {...NO_RESOURCES, cpu: {used: 0.25, total: 0.5}, memoryMb: {used: 100, total: 1536}}, 'cpu 0.3/0.5 · mem 0.1/1.5 GiB'],
		['nothing known', NO_RESOURCES, null],
	])('resource use: %s', (_name, resources, text) => {
		expect(resourceUseText(resources, UNICODE_PUNCTUATION)).toBe(text);
	});

	it('names each model on the resource line when there are several, and uses ASCII when asked', () => {
		const monitor = {
			monitors: [
				resnet({cpu_core_usage: 2.4, cpu_core_total: 4, cpu_memory_usage: 2048, cpu_memory_total: 8192}),
				bert({cpu_core_usage: 1, cpu_core_total: 2}),
			],
		};
		const both = serviceInstances(monitor, ['resnet 1.0.0', 'bert 2.1.0']);
		const one = serviceInstances({monitors: [monitor.monitors[0]!]}, ['resnet 1.0.0']);

		expect(resourceLine(both, UNICODE_PUNCTUATION)).toBe('resnet 1.0.0: cpu 2.4/4 · mem 2.0/8 GiB; bert 2.1.0: cpu 1.0/2');
		expect(resourceLine(one, ASCII_PUNCTUATION)).toBe('cpu 2.4/4 - mem 2.0/8 GiB');
		expect(resourceLine(serviceInstances({monitors: [resnet()]}, []), UNICODE_PUNCTUATION)).toBeNull();
	});
});
