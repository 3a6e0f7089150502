import {describe, expect, it} from 'vitest';
import {computeDeployment} from '../../../source/core/deployment/progress.js';
import type {ServiceDetails, UpdateLogRecord, WatchEvent} from '../../../source/core/types.js';
import {currentUpdate, nextUpdateLogRead, NO_UPDATE_LOG_READS, withUpdateRecords, type UpdateLogReads} from '../../../source/core/deployment/update-log-reads.js';
import {details, seedSequence, T0, watchEvents, type Entry} from '../fixtures.js';

const UPDATE = ['The service is being updated.', ...seedSequence('resnet 1.1.0').slice(1)];

/** The rule run over one poll's worth of data after another; the reads it asked for, per step. */
function run(steps: ReadonlyArray<{readonly entries: readonly Entry[]; readonly details: ServiceDetails | null}>): {reads: UpdateLogReads; asked: boolean[]} {
	let reads = NO_UPDATE_LOG_READS;
	const asked: boolean[] = [];
	for (const step of steps) {
		const events = watchEvents(...step.entries);
		const result = nextUpdateLogRead(reads, events, computeDeployment(events, step.details), step.details);
		reads = result.reads;
		asked.push(result.read);
	}

	return {reads, asked};
}

describe('nextUpdateLogRead', () => {
	it.each<[string, Parameters<typeof run>[0], boolean[]]>([
		['a fresh deploy: never', [{entries: seedSequence(), details: details('deploying')}, {entries: seedSequence(), details: details('running')}], [false, false]],
		[
			'an update watched from its start to its end: once at the start, once at the end',
			[
				{entries: UPDATE.slice(0, 2), details: null},
				{entries: UPDATE.slice(0, 2), details: details('deploying')},
				{entries: UPDATE, details: details('deploying')},
				{entries: UPDATE, details: details('running')},
				{entries: UPDATE, details: details('running', {progress: 100})},
			],
			[true, false, false, true, false],
		],
		['an update that had ended before the watch began: once', [{entries: UPDATE, details: details('running')}, {entries: UPDATE, details: details('running')}], [true, false]],
		[
			'a console that words its update like a deploy, but moves update_time: once it moved',
			[
				{entries: ['start to deploy service'], details: details('running', {update_time: T0 - 10_000})},
				{entries: ['start to deploy service'], details: details('deploying', {update_time: T0 + 5000})},
			],
			[false, true],
		],
	])('%s', (_name, steps, expected) => {
		expect(run(steps).asked).toEqual(expected);
	});

	it('keeps its state object when nothing changed, so a reducer can skip work', () => {
		const {reads} = run([{entries: UPDATE, details: details('running')}]);
		const events: WatchEvent[] = watchEvents(...UPDATE);
		const same = nextUpdateLogRead(reads, events, computeDeployment(events, details('running')), details('running'));
		expect(same).toEqual({reads, read: false});
		expect(same.reads).toBe(reads);
	});
});

describe('currentUpdate', () => {
	const records: UpdateLogRecord[] = [
		{update_time: T0, result: 'RUNNING', config: [{model_name: 'resnet', model_version: '1.1.0', instance_count: 2}]},
		{update_time: T0 - 86_400_000, result: 'SUCCESS', config: [{model_name: 'resnet', model_version: '1.0.0', instance_count: 1}]},
	];

	it('says what the current update changes once its records are read', () => {
		// Given an update whose logs were asked for and read
		const events = watchEvents(...UPDATE.slice(0, 3));
		const deployment = computeDeployment(events, details('deploying'));
		const {reads} = nextUpdateLogRead(NO_UPDATE_LOG_READS, events, deployment, details('deploying'));

		// Then before the answer there is nothing to say, and after it the version and the count
		expect(currentUpdate(reads, deployment, null)).toBeNull();
		const diff = currentUpdate(withUpdateRecords(reads, records), deployment, null);
		expect(diff?.changes.map(change => [change.field, change.from, change.to])).toEqual([
			['model_version', '1.0.0', '1.1.0'],
			['instance_count', 1, 2],
		]);
	});

	it('says nothing about an earlier update once a new deployment began', () => {
		const events = watchEvents(...UPDATE);
		const {reads} = nextUpdateLogRead(NO_UPDATE_LOG_READS, events, computeDeployment(events, details('running')), details('running'));
		const later = watchEvents(...UPDATE, 'The service is being started.');
		expect(currentUpdate(withUpdateRecords(reads, records), computeDeployment(later, details('deploying')), null)).toBeNull();
	});
});
