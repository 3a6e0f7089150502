import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {computeDeployment} from '../../../source/core/deployment/progress.js';
import {serviceInstances} from '../../../source/core/deployment/instances.js';
import {buildSummary, eventRecord, instancesRecord} from '../../../source/core/watch/summary.js';
import {T0, details, seedSequence, watchEvents} from '../fixtures.js';

describe('eventRecord', () => {
	it('is the NDJSON event line', () => {
		const [event] = watchEvents(['abnormal', '[TF 3.0.0] pull image failed, retry later']);
		expect(JSON.parse(JSON.stringify(eventRecord(event!)))).toEqual({
			kind: 'event',
			occur_time: T0,
			time: '2019-07-08T14:47:31.764Z',
			event_type: 'abnormal',
			event_info: '[TF 3.0.0] pull image failed, retry later',
			phase: 'image_pulling',
			model: 'TF 3.0.0',
			id: null,
			count: 1,
			last_at: T0,
		});
	});
});

describe('buildSummary', () => {
	it('lists every phase of every model with times and durations', () => {
		const deployment = computeDeployment(watchEvents(...seedSequence()), details('failed', {error_msg: 'boom'}));
		const summary = buildSummary('svc-1', 'my-service', deployment, 9);
		expect(summary).toMatchObject({
			kind: 'summary',
			service_id: 'svc-1',
			service_name: 'my-service',
			outcome: 'failed',
			status: 'failed',
			error_msg: 'boom',
			events_total: 9,
		});
		expect(summary.phases).toHaveLength(5);
		expect(summary.phases[0]).toEqual({
			model: 'TF 3.0.0',
			phase: 'image_building',
			state: 'done',
			// From the deployment's start: the phases tile it
			started_at: T0,
			ended_at: T0 + 2000,
			duration_ms: 2000,
			warnings: 0,
			cause: null,
		});
		expect(summary.phases[4]).toMatchObject({phase: 'model_startup', state: 'failed', duration_ms: null, cause: 'boom'});
	});

	it('counts recovered abnormal events on the phase that recovered', () => {
		const deployment = computeDeployment(
			watchEvents(
				['normal', '[TF 3.0.0] pulling model image'],
				['abnormal', '[TF 3.0.0] pull image failed, retry later'],
				['normal', '[TF 3.0.0] pull image success'],
			),
			details('deploying'),
		);
		const pulling = buildSummary('svc-1', 'my-service', deployment, 3).phases.find(phase => phase.phase === 'image_pulling');
		expect(pulling).toMatchObject({state: 'done', warnings: 1, cause: null});
	});
});

describe('instances in the JSON output', () => {
	const monitor = {
		service_running_instance_count: 1,
		service_instance_count: 2,
		monitors: [{model_name: 'TF', model_version: '3.0.0', model_running_instance_count: 1, model_instance_count: 2, cpu_core_usage: 1, cpu_core_total: 2}],
	};

	it('is the documented instances line, without resource use', () => {
		const instances = serviceInstances(monitor, ['TF 3.0.0']);
		expect(JSON.parse(JSON.stringify(instancesRecord(instances, T0)))).toEqual({
			kind: 'instances',
			at: T0,
			running: 1,
			total: 2,
			models: [{model: 'TF 3.0.0', running: 1, total: 2}],
		});
	});

	it('puts the last counts in the summary, and null without a monitor answer', () => {
		const deployment = computeDeployment(watchEvents(...seedSequence()), details('running'));
		const withCounts = buildSummary('svc-1', 'my-service', deployment, 9, {instances: serviceInstances(monitor, ['TF 3.0.0'])});
		expect(withCounts.instances).toEqual({running: 1, total: 2, models: [{model: 'TF 3.0.0', running: 1, total: 2}]});
		expect(buildSummary('svc-1', 'my-service', deployment, 9).instances).toBeNull();
	});
});

describe('buildSummary: the diagnosis', () => {
	const pulling = watchEvents('start to deploy service', '[TF 3.0.0] pulling model image');

	it('a failed deployment carries why, and its failed phase keeps its cause', () => {
		const events = watchEvents('start to deploy service', '[TF 3.0.0] pulling model image', ['abnormal', '[TF 3.0.0] pull image failed, retry later']);
		const summary = buildSummary('svc-1', 'my-service', computeDeployment(events, details('failed', {error_msg: 'Failed to deploy the service.'})), 3);
		expect(summary.diagnosis).toMatchObject({category: 'image_pull', phase: 'image_pulling', model: 'TF 3.0.0', cause: '[TF 3.0.0] pull image failed, retry later'});
		expect(summary.phases.find((phase) => phase.phase === 'image_pulling')).toMatchObject({state: 'failed', cause: '[TF 3.0.0] pull image failed, retry later'});
	});

	it('an in-progress summary carries a slow diagnosis when given the clock, and none without it', () => {
		const deployment = computeDeployment(pulling, details('deploying'));
		const clock = {nowMs: T0 + 1000 + 12 * 60_000, timeoutMs: 60 * 60_000};
		expect(buildSummary('svc-1', 'my-service', deployment, 2, {clock}).diagnosis).toMatchObject({category: 'slow', phase: 'image_pulling'});
		expect(buildSummary('svc-1', 'my-service', deployment, 2).diagnosis).toBeNull();
		expect(buildSummary('svc-1', 'my-service', deployment, 2, {clock: {...clock, nowMs: T0 + 60_000}}).diagnosis).toBeNull();
	});

	it('no diagnosis ever carries a control character, whatever the server sends', () => {
		const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
		const hostile = fc.string({unit: fc.constantFrom('a', ' ', 'pull', 'fail', '\u001B', '[2J', '\n', '\r', '\u0007', '\u009B', '\u007F', 'é', '😀', 'ModelArts.3976')});
		fc.assert(
			fc.property(hostile, hostile, hostile, (model, text, errorMsg) => {
				const name = `m${model}`;
				const events = watchEvents('start to deploy service', `[${name} 1.0] pulling model image`, ['abnormal', `[${name} 1.0] ${text}`]);
				const deployment = computeDeployment(events, details('failed', {error_msg: errorMsg, config: [{model_name: name, model_version: '1.0'}]}));
				const summary = buildSummary('svc-1', 'my-service', deployment, 3, {clock: {nowMs: T0 + 3_600_000}});
				for (const value of Object.values(summary.diagnosis ?? {})) {
					for (const item of [value].flat()) if (typeof item === 'string') expect(item).not.toMatch(CONTROL);
				}
				expect(summary.diagnosis).not.toBeNull();
			}),
		);
	});

	it('a failed phase in phases[] keeps its cause exactly as the server sent it (JSON escapes it)', () => {
		const evil = '[TF 3.0.0] pull image failed: \u001B]0;owned\u0007 disk\nfull';
		const events = watchEvents('start to deploy service', '[TF 3.0.0] pulling model image', ['abnormal', evil]);
		const summary = buildSummary('svc-1', 'my-service', computeDeployment(events, details('failed', {error_msg: 'Failed.'})), 3);
		expect(summary.phases.find((phase) => phase.state === 'failed')?.cause).toBe(evil);
		expect(summary.diagnosis?.cause).toBe('[TF 3.0.0] pull image failed: ␛]0;owned␇ disk⏎full');
	});
});
