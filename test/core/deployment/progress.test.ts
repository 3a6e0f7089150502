import {describe, expect, it} from 'vitest';
import {computeDeployment} from '../../../source/core/deployment/progress.js';
import type {DeploymentProgress, PhaseState} from '../../../source/core/types.js';
import {T0, details, seedSequence, watchEvents} from '../fixtures.js';

const states = (progress: DeploymentProgress, track = 0): PhaseState[] =>
	progress.tracks[track]!.phases.map((phase) => phase.state);

const at = (second: number): number => T0 + second * 1000;

describe('computeDeployment: the documented sequence', () => {
	it('while deploying, the last phase is active and the earlier ones done with times', () => {
		// Given the nine documented events and a service still deploying
		const progress = computeDeployment(watchEvents(...seedSequence()), details('deploying', {progress: 80}));
		// Then one track for the model, model startup active from "starting model"
		expect(progress.tracks.map((track) => track.model)).toEqual(['TF 3.0.0']);
		expect(states(progress)).toEqual(['done', 'done', 'done', 'done', 'active']);
		expect(progress.outcome).toBe('in_progress');
		expect(progress.progress).toBe(80);
		expect(progress.startedAt).toBe(at(0));
		expect(progress.endedAt).toBeNull();
		// The phases tile the deployment: each from the end of the one before, the first from its start
		const [build, env, schedule, pull, startup] = progress.tracks[0]!.phases;
		expect([build!.startedAt, build!.endedAt]).toEqual([at(0), at(2)]);
		// "preparing environment" has no prefix and still counts for the model
		expect([env!.startedAt, env!.endedAt]).toEqual([at(2), at(4)]);
		// scheduling has no start event: it runs from the end of environment preparation
		expect([schedule!.startedAt, schedule!.endedAt]).toEqual([at(4), at(5)]);
		expect([pull!.startedAt, pull!.endedAt]).toEqual([at(5), at(7)]);
		expect([startup!.startedAt, startup!.endedAt]).toEqual([at(7), null]);
	});

	it('with status running every phase is done, model startup ending at the transition', () => {
		const progress = computeDeployment(watchEvents(...seedSequence()), details('running', {transition_at: at(20)}));
		expect(states(progress)).toEqual(['done', 'done', 'done', 'done', 'done']);
		expect(progress.outcome).toBe('succeeded');
		expect(progress.endedAt).toBe(at(20));
		expect(progress.tracks[0]!.phases[4]!.endedAt).toBe(at(20));
	});

	it('without details, the events alone leave it in progress', () => {
		const progress = computeDeployment(watchEvents(...seedSequence()), null);
		expect(progress.outcome).toBe('in_progress');
		expect(progress.status).toBeNull();
	});
});

describe('computeDeployment: outcome from the service status', () => {
	const events = watchEvents(...seedSequence().slice(0, 7));
	it.each([
		['deploying', 'in_progress', ['done', 'done', 'done', 'active', 'pending']],
		['pending', 'in_progress', ['done', 'done', 'done', 'active', 'pending']],
		['waiting', 'in_progress', ['done', 'done', 'done', 'active', 'pending']],
		['running', 'succeeded', ['done', 'done', 'done', 'done', 'done']],
		['finished', 'succeeded', ['done', 'done', 'done', 'done', 'done']],
		['concerning', 'succeeded', ['done', 'done', 'done', 'done', 'done']],
		['failed', 'failed', ['done', 'done', 'done', 'failed', 'pending']],
		['stopped', 'stopped', ['done', 'done', 'done', 'failed', 'pending']],
		['deleting', 'stopped', ['done', 'done', 'done', 'failed', 'pending']],
		['something-new', 'in_progress', ['done', 'done', 'done', 'active', 'pending']],
	] as const)('status %s → %s', (status, outcome, expected) => {
		const progress = computeDeployment(events, details(status, {error_msg: 'boom', transition_at: at(30)}));
		expect(progress.outcome).toBe(outcome);
		expect(states(progress)).toEqual(expected);
		expect(progress.concerning).toBe(status === 'concerning');
		expect(progress.endedAt).toBe(outcome === 'in_progress' ? null : at(30));
	});

	it('a failed service shows error_msg as the cause of the active phase', () => {
		const progress = computeDeployment(events, details('failed', {error_msg: 'ModelArts.3501: pull timed out'}));
		const pull = progress.tracks[0]!.phases[3]!;
		expect(pull.state).toBe('failed');
		expect(pull.cause).toBe('ModelArts.3501: pull timed out');
		expect(progress.errorMsg).toBe('ModelArts.3501: pull timed out');
	});

	it('a details transition older than the lifecycle is not taken as its end', () => {
		const progress = computeDeployment(events, details('failed', {transition_at: T0 - 60_000}));
		expect(progress.endedAt).toBeNull();
	});

	it('config[] adds models and their status', () => {
		const progress = computeDeployment(
			watchEvents(...seedSequence()),
			details('running', {
				config: [
					{model_name: 'TF', model_version: '3.0.0', status: 'notReady'},
					{model_name: 'PT', model_version: '1.2.0', status: 'ready'},
				],
			}),
		);
		expect(progress.tracks.map((track) => [track.model, track.modelStatus])).toEqual([
			['TF 3.0.0', 'notReady'],
			['PT 1.2.0', 'ready'],
		]);
	});
});

describe('computeDeployment: events alone', () => {
	it.each([
		['Service my-service started.', 'normal', 'succeeded', ['done', 'done', 'done', 'done', 'done']],
		['Failed to start service my-service.', 'abnormal', 'failed', ['done', 'done', 'failed', 'pending', 'pending']],
		['Service deployment timed out. Error: ModelArts.3501', 'abnormal', 'failed', ['done', 'done', 'failed', 'pending', 'pending']],
		['The service has been stopped.', 'normal', 'stopped', ['done', 'done', 'failed', 'pending', 'pending']],
		['Auto stop has been enabled. The service will stop after 3600s.', 'normal', 'in_progress', ['done', 'done', 'active', 'pending', 'pending']],
	] as const)('%s → %s', (last, type, outcome, expected) => {
		const events = watchEvents(
			'The service starts to deploy.',
			'The image starts to create.',
			'The image created.',
			'preparing environment',
			'[TF 3.0.0] prepare environment success',
			['abnormal', 'Insufficient resources. Wait until idle resources are sufficient.'],
			'[TF 3.0.0] scheduling resource',
			[type, last],
		);
		const progress = computeDeployment(events, null);
		expect(progress.outcome).toBe(outcome);
		expect(states(progress)).toEqual(expected);
		expect(progress.endedAt).toBe(outcome === 'in_progress' ? null : at(7));
	});

	it('the failing phase names the event that broke it', () => {
		const events = watchEvents('start to deploy service', ['abnormal', 'Failed to create the image.'], [
			'abnormal',
			'Failed to start service my-service.',
		]);
		const progress = computeDeployment(events, null);
		expect(progress.tracks[0]!.phases[0]).toMatchObject({state: 'failed', cause: 'Failed to create the image.'});
	});

	it('an abnormal event without a phase warns on the active phase, which fails when the service does', () => {
		const events = watchEvents('start to deploy service', '[TF 3.0.0] pulling model image', [
			'abnormal',
			'something unexpected went sideways',
		]);
		const deploying = computeDeployment(events, details('deploying')).tracks[0]!.phases[3]!;
		expect(deploying).toMatchObject({state: 'active', retrying: true, warnings: 1, lastWarning: 'something unexpected went sideways', cause: null});
		const failed = computeDeployment(events, details('failed', {error_msg: 'Failed to deploy the service.'})).tracks[0]!.phases[3]!;
		expect(failed).toMatchObject({state: 'failed', retrying: false, warnings: 0, cause: 'something unexpected went sideways'});
	});
});

describe('computeDeployment: retries, skipped phases, several models', () => {
	it('a failure followed by success leaves a warning, not a failure', () => {
		const events = watchEvents(
			'start to deploy service',
			['abnormal', '[TF 3.0.0] schedule resource failed: insufficient CPU'],
			['abnormal', '[TF 3.0.0] schedule resource failed: insufficient CPU'],
			'[TF 3.0.0] schedule resource success',
		);
		const schedule = computeDeployment(events, null).tracks[0]!.phases[2]!;
		expect(schedule).toMatchObject({state: 'done', warnings: 2, cause: null, startedAt: at(1), endedAt: at(3)});
	});

	it('phases skipped without events are done when a later one starts; the first takes the time', () => {
		const events = watchEvents('start to deploy service', '[TF 3.0.0] pulling model image');
		const phases = computeDeployment(events, null).tracks[0]!.phases;
		expect(phases.map((phase) => [phase.state, phase.startedAt, phase.endedAt])).toEqual([
			['done', at(0), at(1)],
			['done', at(1), at(1)],
			['done', at(1), at(1)],
			['active', at(1), null],
			['pending', null, null],
		]);
	});

	it('interleaved models get one track each; an un-prefixed event moves only the models it can belong to', () => {
		const events = watchEvents(
			'start to deploy service',
			'building image for model [TF 3.0.0]',
			'building image for model [PT 1.2.0]',
			'model (PT 1.2.0) build image success',
			'preparing environment',
			'[PT 1.2.0] prepare environment success',
			'model (TF 3.0.0) build image success',
		);
		const progress = computeDeployment(events, null);
		expect(progress.tracks.map((track) => track.model)).toEqual(['TF 3.0.0', 'PT 1.2.0']);
		// TF's build was still running at "preparing environment": only its own success ends it; its environment runs from then
		expect(states(progress, 0)).toEqual(['done', 'active', 'pending', 'pending', 'pending']);
		expect(progress.tracks[0]!.phases[0]!.endedAt).toBe(at(6));
		expect(states(progress, 1)).toEqual(['done', 'done', 'active', 'pending', 'pending']);
		// PT's environment preparation runs from its build's end, not from "preparing environment"
		expect(progress.tracks[1]!.phases[1]).toMatchObject({startedAt: at(3), endedAt: at(5)});
	});

	it('events with the same millisecond keep their given order', () => {
		const events = watchEvents('start to deploy service', '[TF 3.0.0] pulling model image', '[TF 3.0.0] pull image success').map(
			(event) => ({...event, occurTime: T0}),
		);
		const pull = computeDeployment(events, null).tracks[0]!.phases[3]!;
		expect(pull).toMatchObject({state: 'done', startedAt: T0, endedAt: T0});
	});
});

describe('computeDeployment: lifecycles', () => {
	const firstDeploy = [...seedSequence(), 'Service my-service started.'];
	it.each([
		['The service is being updated.'],
		['The service is being started.'],
		['start to deploy service'],
		['The service is being rolled back.'],
	])('"%s" begins a new current deployment', (start) => {
		const events = watchEvents(...firstDeploy, 'The service is being stopped.', 'The service has been stopped.', start, 'The image starts to create.');
		const progress = computeDeployment(events, null);
		expect(progress.startedAt).toBe(at(12));
		expect(progress.outcome).toBe('in_progress');
		expect(states(progress)).toEqual(['active', 'pending', 'pending', 'pending', 'pending']);
		// The earlier lifecycle named TF 3.0.0; the new one has no model yet
		expect(progress.tracks.map((track) => track.model)).toEqual([null]);
	});

	it('a stop after a successful deploy stops the service without undoing its phases', () => {
		const events = watchEvents(...firstDeploy, 'The service is being stopped.', 'The service has been stopped.');
		const progress = computeDeployment(events, null);
		expect(progress.outcome).toBe('stopped');
		expect(progress.endedAt).toBe(at(11));
		expect(states(progress)).toEqual(['done', 'done', 'done', 'done', 'done']);
	});

	it('auto stop notices and unknown texts never move a phase', () => {
		const base = watchEvents('start to deploy service', 'building image for model [TF 3.0.0]');
		const noisy = watchEvents(
			'start to deploy service',
			'building image for model [TF 3.0.0]',
			'Auto stop has been enabled. The service will stop after 3600s.',
			'Licence check passed.',
			'zzz qqq',
		);
		expect(states(computeDeployment(noisy, null))).toEqual(states(computeDeployment(base, null)));
	});

	it('an empty history is one pending track in progress', () => {
		const progress = computeDeployment([], null);
		expect(progress).toMatchObject({startedAt: null, endedAt: null, outcome: 'in_progress'});
		expect(states(progress)).toEqual(['pending', 'pending', 'pending', 'pending', 'pending']);
	});
});
