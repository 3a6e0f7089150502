import {describe, expect, it} from 'vitest';
import {ASCII_PUNCTUATION, UNICODE_PUNCTUATION} from '../../../source/core/words/punctuation.js';
import {updateRecord} from '../../../source/core/watch/summary.js';
import type {UpdateLogModel, UpdateLogRecord} from '../../../source/core/types.js';
import {newestUpdateDiff} from '../../../source/core/deployment/update-log-diff.js';
import {updateChangeLines, updateLine} from '../../../source/core/words/update-wording.js';
import {validateUpdateLogsPayload} from '../../../source/core/wire/validate-update-logs.js';

const T = 1_562_600_000_000;
const PASSWORD = 'hunter2-Sup3rSecret!';

const record = (update_time: number, result: string, config: UpdateLogModel[], cluster_id?: string): UpdateLogRecord => ({
	update_time,
	result,
	config,
	...(cluster_id ? {cluster_id} : {}),
});
const resnet = (version: string, extra: Partial<UpdateLogModel> = {}): UpdateLogModel => ({model_id: `id-${version}`, model_name: 'resnet', model_version: version, instance_count: 1, weight: 100, ...extra});
const bert = (extra: Partial<UpdateLogModel> = {}): UpdateLogModel => ({model_id: 'id-b', model_name: 'bert', model_version: '2.1.0', instance_count: 1, weight: 50, ...extra});

/** The one line and the full list for records, newest first or in any order. */
function describeUpdate(records: UpdateLogRecord[]) {
	const diff = newestUpdateDiff(records)!;
	return {line: updateLine(diff, UNICODE_PUNCTUATION), lines: updateChangeLines(diff, UNICODE_PUNCTUATION)};
}

describe('newestUpdateDiff and its wording', () => {
	it.each<[string, UpdateLogRecord[], string, string[]]>([
		[
			'a new version and more instances',
			[record(T, 'RUNNING', [resnet('1.1.0', {instance_count: 2})]), record(T - 1000, 'SUCCESS', [resnet('1.0.0')])],
			'update running: resnet 1.0.0 → 1.1.0 · instances 1 → 2',
			['resnet: version 1.0.0 → 1.1.0', 'resnet: instances 1 → 2'],
		],
		[
			'records in any order: the newest by update_time',
			[record(T - 1000, 'SUCCESS', [resnet('1.0.0')]), record(T, 'SUCCESS', [resnet('1.1.0')])],
			'update succeeded: resnet 1.0.0 → 1.1.0',
			['resnet: version 1.0.0 → 1.1.0'],
		],
		[
			'a specification, a custom spec and a pool',
			[
				record(T, 'FAIL', [resnet('1.0.0', {specification: 'custom', custom_spec: {cpu: 4, memory: 8192, gpu_p4: 1}, cluster_id: 'pool-b'})], 'pool-b'),
				record(T - 1000, 'SUCCESS', [resnet('1.0.0', {specification: 'modelarts.vm.cpu.2u', cluster_id: 'pool-a'})], 'pool-a'),
			],
			'update failed: spec modelarts.vm.cpu.2u → custom · custom spec none → 4 cpu, 8 GiB, 1 gpu · pool pool-a → pool-b',
			[
				'resnet: spec modelarts.vm.cpu.2u → custom',
				'resnet: custom spec none → 4 cpu, 8 GiB, 1 gpu',
				'resnet: pool pool-a → pool-b',
				'service: pool pool-a → pool-b',
			],
		],
		[
			'two models: each change says its model; a model added and one removed',
			[
				record(T, 'RUNNING', [resnet('1.0.0', {weight: 70}), {model_name: 'gpt', model_version: '0.1', instance_count: 1}]),
				record(T - 1000, 'SUCCESS', [resnet('1.0.0'), bert()]),
			],
			'update running: resnet weight 100 → 70 · gpt 0.1 added · bert 2.1.0 removed',
			[
				'resnet: weight 100 → 70',
				'gpt: version none → 0.1',
				'gpt: instances none → 1',
				'bert: version 2.1.0 → none',
				'bert: instances 1 → none',
				'bert: weight 50 → none',
			],
		],
		[
			'the same configuration again',
			[record(T, 'SUCCESS', [resnet('1.0.0')]), record(T - 1000, 'SUCCESS', [resnet('1.0.0')])],
			'update succeeded: no changes',
			[],
		],
		[
			'no earlier record: what it deploys',
			[record(T, 'RUNNING', [resnet('1.0.0', {instance_count: 2}), bert()])],
			'update running: deploys resnet 1.0.0 (2 instances) · bert 2.1.0 (1 instance)',
			[
				'resnet: version none → 1.0.0',
				'resnet: instances none → 2',
				'resnet: weight none → 100',
				'bert: version none → 2.1.0',
				'bert: instances none → 1',
				'bert: weight none → 50',
			],
		],
		[
			'after a failed update, compared with the last one that succeeded (the failed one was rolled back)',
			[record(T, 'RUNNING', [resnet('1.2.0')]), record(T - 1000, 'FAIL', [resnet('1.1.0')]), record(T - 2000, 'SUCCESS', [resnet('1.0.0')])],
			'update running: resnet 1.0.0 → 1.2.0',
			['resnet: version 1.0.0 → 1.2.0'],
		],
		[
			'without any success before, compared with the record just before',
			[record(T, 'RUNNING', [resnet('1.2.0')]), record(T - 1000, 'FAIL', [resnet('1.1.0')])],
			'update running: resnet 1.1.0 → 1.2.0',
			['resnet: version 1.1.0 → 1.2.0'],
		],
		[
			'models known only by model_id: a new id is a new model',
			[record(T, 'SUCCESS', [{model_id: 'id-2', instance_count: 1}]), record(T - 1000, 'SUCCESS', [{model_id: 'id-1', instance_count: 1}])],
			'update succeeded: id-2 added · id-1 removed',
			['id-2: instances none → 1', 'id-1: instances 1 → none'],
		],
		[
			'a result the API does not document, and none at all',
			[record(T, 'Queued', [resnet('1.0.0', {instance_count: 3})]), {update_time: T - 1000, config: [resnet('1.0.0')]}],
			'update queued: instances 1 → 3',
			['resnet: instances 1 → 3'],
		],
	])('%s', (_name, records, line, lines) => {
		expect(describeUpdate(records)).toEqual({line, lines});
	});

	it('names a model that a record knows only by model_id through the details’ config[]', () => {
		const diff = newestUpdateDiff(
			[record(T, 'SUCCESS', [{model_id: 'id-2', model_version: '1.1.0'}]), record(T - 1000, 'SUCCESS', [resnet('1.0.0')])],
			[{model_id: 'id-2', model_name: 'resnet', model_version: '1.1.0'}],
		)!;
		expect(updateLine(diff, ASCII_PUNCTUATION)).toBe('update succeeded: resnet 1.0.0 -> 1.1.0 - instances 1 -> none - weight 100 -> none');
	});

	it('is null without records', () => {
		expect(newestUpdateDiff([])).toBeNull();
	});
});

describe('environment variables', () => {
	it('when an env holding a password changes, then only its name appears in the line, the list and the JSON record', () => {
		// Given two update records as the server sends them, the newest with a new password and a new variable
		const {records} = validateUpdateLogsPayload({
			logs: [
				{update_time: T, result: 'RUNNING', config: [{model_name: 'resnet', model_version: '1.0.0', envs: {DB_PASSWORD: PASSWORD, MODE: 'fast'}}]},
				{update_time: T - 1000, result: 'SUCCESS', config: [{model_name: 'resnet', model_version: '1.0.0', envs: {DB_PASSWORD: 'old-password', DEBUG: '1'}}]},
			],
		});

		// When the change is described in every form
		const diff = newestUpdateDiff(records)!;
		const line = updateLine(diff, UNICODE_PUNCTUATION);
		const lines = updateChangeLines(diff, UNICODE_PUNCTUATION);
		const json = JSON.stringify(updateRecord(diff));

		// Then each form names the variables, and no value appears anywhere
		expect(line).toBe('update running: env MODE added; DEBUG removed; DB_PASSWORD changed');
		expect(lines).toEqual(['resnet: env MODE added; DEBUG removed; DB_PASSWORD changed']);
		expect(JSON.parse(json)).toEqual({
			kind: 'update',
			update_time: T,
			result: 'RUNNING',
			changes: [{model: 'resnet', field: 'envs', from: ['DB_PASSWORD', 'DEBUG'], to: ['DB_PASSWORD', 'MODE'], added: ['MODE'], removed: ['DEBUG'], changed: ['DB_PASSWORD']}],
		});
		for (const text of [line, ...lines, json]) {
			expect(text).not.toContain(PASSWORD);
			expect(text).not.toContain('old-password');
			expect(text).not.toContain('fast');
		}
	});

	it('reports no change when the values are the same', () => {
		const {records} = validateUpdateLogsPayload({
			logs: [
				{update_time: T, config: [{model_name: 'resnet', envs: {DB_PASSWORD: PASSWORD}}]},
				{update_time: T - 1000, config: [{model_name: 'resnet', envs: {DB_PASSWORD: PASSWORD}}]},
			],
		});
		expect(newestUpdateDiff(records)!.changes).toEqual([]);
	});
});

describe('updateRecord', () => {
	it('is the documented NDJSON line', () => {
		const diff = newestUpdateDiff([record(T, 'RUNNING', [resnet('1.1.0', {instance_count: 2})]), record(T - 1000, 'SUCCESS', [resnet('1.0.0')])])!;
		expect(JSON.parse(JSON.stringify(updateRecord(diff)))).toEqual({
			kind: 'update',
			update_time: T,
			result: 'RUNNING',
			changes: [
				{model: 'resnet', field: 'model_version', from: '1.0.0', to: '1.1.0'},
				{model: 'resnet', field: 'instance_count', from: 1, to: 2},
			],
		});
	});
});
