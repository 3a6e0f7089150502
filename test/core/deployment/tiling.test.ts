import {describe, expect, it} from 'vitest';
import {computeDeployment} from '../../../source/core/deployment/progress.js';
import {deploymentElapsed, formatDuration, phaseElapsed} from '../../../source/core/deployment/elapsed.js';
import {toWatchEvent} from '../../../source/core/events/normalise.js';
import {buildSummary} from '../../../source/core/watch/summary.js';
import type {DeploymentProgress, PhaseState, ServiceDetails, WatchEvent} from '../../../source/core/types.js';
import {outcomeWords} from '../../../source/core/words/wording.js';
import {T0, details, watchEvents} from '../fixtures.js';

const SECOND = 1000;
const at = (seconds: number): number => T0 + seconds * SECOND;

/** Events at the given second after T0. */
function timed(...entries: ReadonlyArray<readonly [number, string, ('normal' | 'abnormal')?]>): WatchEvent[] {
	return entries.map(([second, info, type = 'normal'], index) => toWatchEvent({event_type: type, event_info: info, occur_time: at(second)}, index, 0));
}

/** Build 30 s, environment 10 s, scheduling 40 s (no start event), pull 15 s, startup 25 s: running 2 min after the start. */
const GAPS = timed(
	[0, 'start to deploy service'],
	[5, 'building image for model [TF 3.0.0]'],
	[30, 'model (TF 3.0.0) build image success'],
	[33, 'preparing environment'],
	[40, '[TF 3.0.0] prepare environment success'],
	[80, '[TF 3.0.0] schedule resource success'],
	[83, '[TF 3.0.0] pulling model image'],
	[95, '[TF 3.0.0] pull image success'],
	[98, '[TF 3.0.0] starting model'],
);
const RUNNING = details('running', {transition_at: at(120), update_time: at(-600)});
const EXPECTED_SECONDS = [30, 10, 40, 15, 25];

const durations = (deployment: DeploymentProgress, now = 0) => deployment.tracks[0]!.phases.map((phase) => phaseElapsed(phase, now));

describe('phase times tile the deployment', () => {
	it('a deployment already over: each phase from the end of the one before, the last to the running transition', () => {
		const deployment = computeDeployment(GAPS, RUNNING);
		expect(durations(deployment)).toEqual(EXPECTED_SECONDS.map((seconds) => seconds * SECOND));
		expect(outcomeWords(deployment, null).headline).toBe('Deployed in 2m00s: the service is running');
		const summary = buildSummary('svc', 'my-service', deployment, GAPS.length);
		expect(summary.phases.map((phase) => phase.duration_ms)).toEqual(EXPECTED_SECONDS.map((seconds) => seconds * SECOND));
		expect(summary.phases.reduce((sum, phase) => sum + phase.duration_ms!, 0)).toBe(deploymentElapsed(deployment, 0));
	});

	it('watched live: as each event lands the phases so far add up to the total, and they end as above', () => {
		let deployment = computeDeployment([], details('deploying'));
		for (let count = 1; count <= GAPS.length; count++) {
			deployment = computeDeployment(GAPS.slice(0, count), details('deploying'), deployment);
			// As each event lands, and in the quiet after it, the done phases and the running one make up the total
			for (const now of count === 1 ? [GAPS[0]!.occurTime] : [GAPS[count - 1]!.occurTime, GAPS[count - 1]!.occurTime + 2 * SECOND]) {
				const parts = durations(deployment, now).filter((ms) => ms !== null);
				expect(parts.reduce((sum, ms) => sum! + ms!, 0)).toBe(deploymentElapsed(deployment, now));
			}

			// Scheduling has no start event: it runs from the end of environment preparation
			if (count === 5) expect(deployment.tracks[0]!.phases[2]).toMatchObject({state: 'active', startedAt: at(40), endedAt: null});
		}

		expect(deployment.tracks[0]!.phases[2]).toMatchObject({state: 'done', startedAt: at(40), endedAt: at(80)});
		const ended = computeDeployment(GAPS, RUNNING, deployment);
		expect(durations(ended).map((ms) => formatDuration(ms!))).toEqual(['30s', '10s', '40s', '15s', '25s']);
		expect(outcomeWords(ended, null).headline).toBe('Deployed in 2m00s: the service is running');
	});

	it('without a transition time, the last phase ends at the last event and the total agrees', () => {
		const deployment = computeDeployment(GAPS, details('running'));
		const total = durations(deployment).reduce((sum, ms) => sum! + ms!, 0);
		expect(total).toBe(98 * SECOND);
		expect(deploymentElapsed(deployment, 0)).toBe(total);
	});
});

const states = (deployment: DeploymentProgress): PhaseState[] => deployment.tracks[0]!.phases.map((phase) => phase.state);

describe('a phase is done only on its own evidence', () => {
	const building = ['start to deploy service', 'building image for model [TF 3.0.0]'];
	it.each([
		['a quota rejection worded like scheduling', 'Insufficient quota: the project has used 20/20 real-time services.'],
		['a quota error code', 'ModelArts.3520 The number of services exceeds the quota.'],
		['an OBS rejection', 'Failed to read the model from obs://ml-team/models/: 403 AccessDenied'],
		['an API rejection', 'APIGW.0308 The request was rejected: invalid parameter'],
	])('%s while the image is built fails the build and leaves every later phase not done', (_name, text) => {
		const events = watchEvents(...building, ['abnormal', text]);
		const deploying = computeDeployment(events, details('deploying'));
		expect(states(deploying)).toEqual(['active', 'pending', 'pending', 'pending', 'pending']);
		const failed = computeDeployment(events, details('failed', {error_msg: text, transition_at: T0 + 3000}));
		expect(states(failed)).toEqual(['failed', 'pending', 'pending', 'pending', 'pending']);
		expect(failed.tracks[0]!.phases[0]!.cause).toBe(text);
	});

	it('the model\'s own tagged failure of a later phase still proves the model got that far', () => {
		const events = watchEvents(...building, ['abnormal', '[TF 3.0.0] pull image failed: unexpected EOF']);
		expect(states(computeDeployment(events, details('deploying')))).toEqual(['done', 'done', 'done', 'active', 'pending']);
	});
});

describe('an update', () => {
	const history = watchEvents(
		'start to deploy service',
		'building image for model [TF 3.0.0]',
		'model (TF 3.0.0) build image success',
		'[TF 3.0.0] prepare environment success',
		'[TF 3.0.0] schedule resource success',
		'[TF 3.0.0] pull image success',
		'[TF 3.0.0] starting model',
		'Service my-service started.',
		'The service is being updated.',
	);
	const before: ServiceDetails = details('running', {transition_at: T0 + 7500, update_time: T0 + 7500});

	it('starts with the new phases pending while the last status read still says running', () => {
		const deployment = computeDeployment(history, before);
		expect(deployment.outcome).toBe('in_progress');
		expect(states(deployment)).toEqual(['pending', 'pending', 'pending', 'pending', 'pending']);
	});

	it('moves on the update\'s own evidence only', () => {
		const building = [...history, ...watchEvents('x', 'building image for model [TF 3.0.1]').slice(1).map((event) => ({...event, occurTime: T0 + 9000, seq: 9}))];
		const deployment = computeDeployment(building, details('deploying', {update_time: T0 + 8000}));
		expect(deployment.tracks.find((track) => track.model === 'TF 3.0.1')!.phases.map((phase) => phase.state)).toEqual(['active', 'pending', 'pending', 'pending', 'pending']);
	});

	it('a status whose times are unknown is still trusted', () => {
		expect(computeDeployment(history, details('running')).outcome).toBe('succeeded');
	});
});

describe('concerning after a deploy', () => {
	const events = GAPS.slice(0, 9);
	it('keeps the deploy\'s own end and says the service is now degraded', () => {
		const running = computeDeployment(events, details('running', {transition_at: at(120)}));
		const concerning = computeDeployment(events, details('concerning', {transition_at: at(160)}), running);
		expect(concerning.endedAt).toBe(at(120));
		const instances = {running: 1, total: 2};
		const words = outcomeWords(concerning, null, instances);
		expect(words).toMatchObject({outcome: 'succeeded', degraded: true, headline: 'Deployed in 2m00s; the service is now degraded: 1/2 instances ready'});
		expect(buildSummary('svc', null, concerning, events.length)).toMatchObject({outcome: 'succeeded', degraded: true});
		expect(buildSummary('svc', null, running, events.length)).toMatchObject({outcome: 'succeeded', degraded: false});
	});

	it('recovering to running later does not move the deploy\'s end either', () => {
		const running = computeDeployment(events, details('running', {transition_at: at(120)}));
		const concerning = computeDeployment(events, details('concerning', {transition_at: at(160)}), running);
		expect(computeDeployment(events, details('running', {transition_at: at(200)}), concerning).endedAt).toBe(at(120));
	});

	it('first seen concerning, the transition is the only end the server gives', () => {
		expect(computeDeployment(events, details('concerning', {transition_at: at(160)})).endedAt).toBe(at(160));
	});
});
