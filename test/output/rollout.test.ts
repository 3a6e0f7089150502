// Instance counts, the update and auto-stop in the plain log and in NDJSON: a line or record
// whenever something a person would want to know changed, and never an environment value.
import {describe, expect, it} from 'vitest';
import type {ServiceInstances} from '../../source/core/deployment/instances.js';
import {UNICODE_PUNCTUATION} from '../../source/core/words/punctuation.js';
import {sanitizeForTerminal} from '../../source/core/events/sanitize.js';
import {newestUpdateDiff} from '../../source/core/deployment/update-log-diff.js';
import {jsonUpdateLines} from '../../source/output/json.js';
import {plainSummaryLines, plainUpdateLines, type PlainStyle} from '../../source/output/plain.js';
import {createTimeFormatter} from '../../source/output/time-format.js';
import {deployment, details, snapshot, T0} from './fixtures.js';

const style: PlainStyle = {color: false, formatTime: createTimeFormatter({kind: 'utc'}), sanitize: sanitizeForTerminal, punctuation: UNICODE_PUNCTUATION};
const NO_USE = {cpu: null, memoryMb: null, gpu: null, gpuMemoryMb: null, npu: null, npuMemoryMb: null};

function instances(...models: ReadonlyArray<readonly [string, number | null, number | null]>): ServiceInstances {
	const known = models.every(([, running]) => running !== null);
	return {
		running: known ? models.reduce((sum, [, running]) => sum + (running ?? 0), 0) : null,
		total: models.reduce((sum, [, , total]) => sum + (total ?? 0), 0),
		models: models.map(([model, running, total]) => ({model, running, total, resources: NO_USE})),
	};
}

const update = newestUpdateDiff([
	{update_time: T0, result: 'RUNNING', config: [{model_name: 'resnet', model_version: '1.1.0', instance_count: 2, envs: {DB_PASSWORD: 'fp-2', CACHE_SIZE_MB: 'fp-3'}}]},
	{update_time: T0 - 86_400_000, result: 'SUCCESS', config: [{model_name: 'resnet', model_version: '1.0.0', instance_count: 1, envs: {DB_PASSWORD: 'fp-1'}}]},
])!;
const succeeded = newestUpdateDiff([
	{update_time: T0, result: 'SUCCESS', config: [{model_name: 'resnet', model_version: '1.1.0', instance_count: 2}]},
	{update_time: T0 - 86_400_000, result: 'SUCCESS', config: [{model_name: 'resnet', model_version: '1.0.0', instance_count: 1}]},
])!;

describe('the plain log', () => {
	it.each<[string, ServiceInstances | null, ServiceInstances, string[]]>([
		['a first count', null, instances(['resnet 1.0.0', 0, 2]), ['10:00:05Z  monitor   [resnet 1.0.0] instances 0/2 running']],
		['a count that rose', instances(['resnet 1.0.0', 0, 2]), instances(['resnet 1.0.0', 1, 2]), ['10:00:05Z  monitor   [resnet 1.0.0] instances 1/2 running']],
		['no change', instances(['resnet 1.0.0', 1, 2]), instances(['resnet 1.0.0', 1, 2]), []],
		['one of two models changed', instances(['a 1', 1, 1], ['b 1', 0, 1]), instances(['a 1', 1, 1], ['b 1', 1, 1]), ['10:00:05Z  monitor   [b 1] instances 1/1 running']],
		['unknown counts', null, instances(['resnet 1.0.0', null, null]), []],
	])('%s', (_name, before, after, lines) => {
		expect(plainUpdateLines(snapshot({instances: before}), snapshot({instances: after, instancesAt: T0}), [], T0 + 5000, style)).toEqual(lines);
	});

	it('prints the update line once, and again only when it says something new', () => {
		const first = plainUpdateLines(snapshot(), snapshot({update}), [], T0, style);
		expect(first).toEqual(['10:00:00Z  config    update running: resnet 1.0.0 → 1.1.0 · instances 1 → 2 · env CACHE_SIZE_MB added; DB_PASSWORD changed']);
		expect(plainUpdateLines(snapshot({update}), snapshot({update}), [], T0, style)).toEqual([]);
		expect(plainUpdateLines(snapshot({update}), snapshot({update: succeeded}), [], T0, style)).toEqual(['10:00:00Z  config    update succeeded: resnet 1.0.0 → 1.1.0 · instances 1 → 2']);
	});

	it('says when an auto-stopping service will stop, on the status line', () => {
		const lines = plainUpdateLines(snapshot({details: details('running')}), snapshot({details: details('running', {due_time: T0 + 3_600_000})}), [], T0, style);
		expect(lines).toEqual(['10:00:00Z  status    running (auto-stop at 11:00:00Z)']);
	});

	it('words the outcome with the counts, and a shortfall as such', () => {
		const running = deployment({outcome: 'succeeded', status: 'running', startedAt: T0, endedAt: T0 + 46_000});
		expect(plainSummaryLines(snapshot({deployment: running, instances: instances(['resnet 1.0.0', 2, 2])}), T0, style)[1]).toBe('Deployed in 46s: 2/2 instances running');
		expect(plainSummaryLines(snapshot({deployment: running, instances: instances(['resnet 1.0.0', 1, 2])}), T0, style)[1]).toBe('Deployed in 46s: running with 1/2 instances ready');
	});
});

describe('NDJSON', () => {
	const lines = (previous: Parameters<typeof snapshot>[0], next: Parameters<typeof snapshot>[0]) => [...jsonUpdateLines(snapshot(previous), snapshot(next), [])].map(line => JSON.parse(line) as unknown);

	it('writes an instances record whenever a count changes, with when the monitor answered', () => {
		expect(lines({}, {instances: instances(['resnet 1.0.0', 0, 2]), instancesAt: T0})).toEqual([
			{kind: 'instances', at: T0, running: 0, total: 2, models: [{model: 'resnet 1.0.0', running: 0, total: 2}]},
		]);
		expect(lines({instances: instances(['resnet 1.0.0', 0, 2])}, {instances: instances(['resnet 1.0.0', 0, 2]), instancesAt: T0})).toEqual([]);
	});

	it('writes the update record when it first knows it and when its result changes, names only', () => {
		const [record] = lines({}, {update}) as Array<Record<string, unknown>>;
		expect(record).toMatchObject({kind: 'update', update_time: T0, result: 'RUNNING'});
		expect(record!['changes']).toContainEqual({model: 'resnet', field: 'envs', from: ['DB_PASSWORD'], to: ['CACHE_SIZE_MB', 'DB_PASSWORD'], added: ['CACHE_SIZE_MB'], removed: [], changed: ['DB_PASSWORD']});
		expect(lines({update}, {update})).toEqual([]);
		expect(lines({update}, {update: succeeded})).toEqual([expect.objectContaining({kind: 'update', result: 'SUCCESS'})]);
	});

	it('carries due_time on status records, and writes one when only due_time changed', () => {
		expect(lines({details: details('running')}, {details: details('running', {due_time: T0})})).toEqual([
			{kind: 'status', status: 'running', progress: null, error_msg: null, due_time: T0},
		]);
	});
});
