import {describe, expect, it} from 'vitest';
import {validateUpdateLogsPayload} from '../../../source/core/wire/validate-update-logs.js';

const PASSWORD = 'hunter2-Sup3rSecret!';

describe('validateUpdateLogsPayload', () => {
	it('keeps each record of the documented answer (modelarts-api.md §8)', () => {
		const {records, problems} = validateUpdateLogsPayload({
			service_name: 'svc',
			service_id: 'id',
			logs: [
				{
					update_time: '1562597251764',
					result: 'RUNNING',
					cluster_id: 'pool-a',
					extend_config: [],
					config: [
						{
							model_id: 'm-2',
							model_name: 'resnet',
							model_version: '1.1.0',
							weight: '100',
							specification: 'custom',
							custom_spec: {cpu: 4, memory: 8192},
							instance_count: 2,
							cluster_id: 'pool-a',
							additional_properties: {},
						},
					],
				},
			],
		});

		expect(records).toEqual([
			{
				update_time: 1562597251764,
				result: 'RUNNING',
				cluster_id: 'pool-a',
				config: [
					{
						model_id: 'm-2',
						model_name: 'resnet',
						model_version: '1.1.0',
						weight: 100,
						specification: 'custom',
						custom_spec: {cpu: 4, memory: 8192},
						instance_count: 2,
						cluster_id: 'pool-a',
					},
				],
			},
		]);
		expect(problems).toEqual([]);
	});

	it('when envs hold a password, then only the names and a fingerprint are kept', () => {
		// Given a record whose environment holds a secret
		const {records} = validateUpdateLogsPayload({logs: [{update_time: 1, config: [{model_name: 'resnet', envs: {DB_PASSWORD: PASSWORD, RETRIES: 3}}]}]});

		// Then the names are kept, the value is nowhere in what the validator returns, and equal values fingerprint equally
		const envs = records[0]!.config[0]!.envs!;
		expect(Object.keys(envs)).toEqual(['DB_PASSWORD', 'RETRIES']);
		expect(JSON.stringify(records)).not.toContain(PASSWORD);
		expect(JSON.stringify(records)).not.toContain('hunter2');
		const again = validateUpdateLogsPayload({logs: [{update_time: 2, config: [{envs: {X: PASSWORD}}]}]}).records[0]!.config[0]!.envs!;
		expect(again['X']).toBe(envs['DB_PASSWORD']);
	});

	it.each([
		['null logs', {logs: null}, 0, []],
		['missing logs', {service_id: 'id'}, 0, []],
		['logs not an array', {logs: 'x'}, 0, ['logs is not an array']],
		['records without a usable time', {logs: [{result: 'SUCCESS'}, {update_time: 'soon'}, 'x', {update_time: 5}]}, 1, ['3 update records dropped (invalid update_time: 2, record: 1)']],
		['config entries that are not objects', {logs: [{update_time: 5, config: [null, {model_name: 'a'}]}]}, 1, ['1 update config entries dropped (not an object)']],
		['unusable fields', {logs: [{update_time: 5, result: 7, config: [{instance_count: 'two', envs: 'A=1'}]}]}, 1, ['3 update fields dropped (invalid result: 1, envs: 1, instance_count: 1)']],
		['config not an array', {logs: [{update_time: 5, config: {}}]}, 1, ['1 update field dropped (invalid config: 1)']],
		['not an object', [], 0, ['response is not a JSON object']],
	])('%s', (_name, json, kept, problems) => {
		const result = validateUpdateLogsPayload(json);
		expect([result.records.length, result.problems]).toEqual([kept, problems]);
	});
});
