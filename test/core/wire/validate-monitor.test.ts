import {describe, expect, it} from 'vitest';
import {validateMonitorPayload} from '../../../source/core/wire/validate-monitor.js';
import {validateServiceDetails} from '../../../source/core/wire/validate.js';

describe('validateMonitorPayload', () => {
	it('keeps every documented field (modelarts-api.md §7), numbers sent as strings included', () => {
		// Given a monitor answer with service counts and one model's use, some numbers as strings
		const result = validateMonitorPayload({
			service_name: 'svc',
			service_id: 'id',
			service_running_instance_count: '1',
			service_instance_count: 2,
			req_count_per_min: 0,
			monitors: [
				{
					model_id: 'm-1',
					model_name: 'resnet',
					model_version: '1.0.0',
					model_running_instance_count: 1,
					model_instance_count: '2',
					invocation_times: 10,
					cpu_core_usage: 2.4,
					cpu_core_total: '4',
					cpu_memory_usage: 2048,
					cpu_memory_total: 8192,
					gpu_usage: 0,
					gpu_total: 0,
				},
			],
		});

		// Then the counts are numbers and nothing is reported
		expect(result).toEqual({
			monitor: {
				service_running_instance_count: 1,
				service_instance_count: 2,
				monitors: [
					{
						model_id: 'm-1',
						model_name: 'resnet',
						model_version: '1.0.0',
						model_running_instance_count: 1,
						model_instance_count: 2,
						cpu_core_usage: 2.4,
						cpu_core_total: 4,
						cpu_memory_usage: 2048,
						cpu_memory_total: 8192,
						gpu_usage: 0,
						gpu_total: 0,
					},
				],
			},
			problems: [],
		});
	});

	it.each([
		['the documented example (no counts at all)', {service_id: 'id', monitors: [{model_name: 'resnet', cpu_core_usage: 1}]}, {monitors: [{model_name: 'resnet', cpu_core_usage: 1}]}, []],
		['null monitors', {service_id: 'id', monitors: null}, {monitors: []}, []],
		['monitors not an array', {service_id: 'id', monitors: {}}, {monitors: []}, ['monitors is not an array']],
		['an entry that is not an object', {monitors: [3, {model_name: 'a'}]}, {monitors: [{model_name: 'a'}]}, ['1 monitors entry dropped (not an object)']],
		[
			'negative, fractional and garbage counts',
			{service_instance_count: -1, monitors: [{model_instance_count: 1.5, model_running_instance_count: 'two', cpu_core_total: -4, gpu_usage: null}]},
			{monitors: [{}]},
			['4 monitor fields dropped (invalid service_instance_count: 1, model_running_instance_count: 1, model_instance_count: 1, cpu_core_total: 1)'],
		],
		['not an object', 'busy', {monitors: []}, ['response is not a JSON object']],
	])('%s', (_name, json, monitor, problems) => {
		expect(validateMonitorPayload(json)).toEqual({monitor, problems});
	});
});

describe('validateServiceDetails, §9 fields', () => {
	it('keeps due_time and each model’s specification and custom spec', () => {
		const {details, problems} = validateServiceDetails({
			service_id: 's',
			status: 'running',
			due_time: '1562600851764',
			config: [{model_name: 'resnet', specification: 'custom', custom_spec: {cpu: 2, memory: '4096', gpu_p4: 'lots'}}],
		});

		expect(details).toMatchObject({
			due_time: 1562600851764,
			config: [{model_name: 'resnet', specification: 'custom', custom_spec: {cpu: 2, memory: 4096}}],
		});
		expect(problems).toEqual([]);
	});
});
