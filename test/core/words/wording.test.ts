import {describe, expect, it} from 'vitest';
import {computeDeployment} from '../../../source/core/deployment/progress.js';
import type {Diagnosis} from '../../../source/core/diagnosis/types.js';
import type {InstanceCounts} from '../../../source/core/deployment/instances.js';
import type {DeploymentProgress} from '../../../source/core/types.js';
import {diagnosisHeadline, failedPhaseNote, failureCulprit, outcomeWords} from '../../../source/core/words/wording.js';
import {details, watchEvents, type Entry} from '../fixtures.js';

const START = 1_562_597_251_764;

function ended(outcome: DeploymentProgress['outcome'], status: string): DeploymentProgress {
	return {startedAt: START, endedAt: START + 252_000, tracks: [], outcome, status, progress: null, errorMsg: null, errorModel: null, problems: [], concerning: status === 'concerning'};
}

describe('outcomeWords with instance counts', () => {
	it.each<[string, DeploymentProgress, InstanceCounts | null, string]>([
		['all instances up', ended('succeeded', 'running'), {running: 2, total: 2}, 'Deployed in 4m12s: 2/2 instances running'],
		['one instance', ended('succeeded', 'running'), {running: 1, total: 1}, 'Deployed in 4m12s: 1/1 instance running'],
		['running with fewer than asked for', ended('succeeded', 'running'), {running: 1, total: 2}, 'Deployed in 4m12s: running with 1/2 instances ready'],
		['concerning, one instance down', ended('succeeded', 'concerning'), {running: 1, total: 2}, 'Deployed in 4m12s; the service is now degraded: 1/2 instances ready'],
		['no monitor', ended('succeeded', 'running'), null, 'Deployed in 4m12s: the service is running'],
		['counts unknown', ended('succeeded', 'concerning'), {running: null, total: 2}, 'Deployed in 4m12s; the service is now degraded (concerning)'],
		['a failure ignores counts', ended('failed', 'failed'), {running: 0, total: 2}, 'Deployment failed after 4m12s'],
	])('%s', (_name, deployment, instances, headline) => {
		expect(outcomeWords(deployment, null, instances).headline).toBe(headline);
	});
});

describe('what a failed phase says', () => {
	const RANKER = 'ranker 2.0.0-rc1';
	const EMBEDDER = 'embedder 1.4.2';
	const deploymentOf = (history: readonly Entry[], errorMsg: string) =>
		computeDeployment(watchEvents(...history), details('failed', {error_msg: errorMsg, config: [{model_name: 'ranker', model_version: '2.0.0-rc1'}, {model_name: 'embedder', model_version: '1.4.2'}]}));
	const twoModels: Entry[] = [
		'start to deploy service',
		`[${RANKER}] pulling model image`,
		`[${EMBEDDER}] pulling model image`,
		['abnormal', `[${RANKER}] pull image failed: unexpected EOF`],
		`[${EMBEDDER}] pull image success`,
		`[${EMBEDDER}] starting model`,
	];

	it.each<[string, string, string | null, string]>([
		// error_msg, expected culprit, expected note on the embedder's startup
		['error_msg names the ranker: the embedder was interrupted', `Failed to deploy the service: model ${RANKER} has no ready instance.`, RANKER, `interrupted when ${RANKER} failed`],
		['error_msg names no model: every model failed with it', 'Failed to deploy the service.', null, 'Failed to deploy the service.'],
	])('%s', (_name, errorMsg, culprit, note) => {
		const deployment = deploymentOf(twoModels, errorMsg);
		expect(failureCulprit(deployment)).toBe(culprit);
		const embedder = deployment.tracks.find(track => track.model === EMBEDDER)!;
		const startup = embedder.phases.find(phase => phase.phase === 'model_startup')!;
		expect(startup.state).toBe('failed');
		expect(failedPhaseNote(startup, embedder, failureCulprit(deployment))).toBe(note);
		const ranker = deployment.tracks.find(track => track.model === RANKER)!;
		const pull = ranker.phases.find(phase => phase.phase === 'image_pulling')!;
		expect(failedPhaseNote(pull, ranker, failureCulprit(deployment))).toBe(`[${RANKER}] pull image failed: unexpected EOF`);
	});

	it('a phase that did not fail, or a deployment that did not fail, says nothing', () => {
		const deployment = computeDeployment(watchEvents(...twoModels), details('deploying'));
		expect(failureCulprit(deployment)).toBeNull();
		for (const track of deployment.tracks) for (const phase of track.phases) expect(failedPhaseNote(phase, track, RANKER)).toBeNull();
	});
});

describe('diagnosisHeadline', () => {
	const base: Diagnosis = {category: 'resources', phase: 'resource_scheduling', model: 'TF 3.0.0', cause: 'x', code: null, basis: 'words', advice: [], evidence: [], docs: [], slow: null, deadline: null};
	it.each<[string, Partial<Diagnosis>, string]>([
		['a failure: category in words, model and phase', {}, 'Not enough resources to place the instances (TF 3.0.0, resource scheduling)'],
		['a failure nowhere in particular', {category: 'quota', phase: null, model: null}, 'A quota is used up'],
		['slow', {category: 'slow', phase: 'image_pulling', slow: {elapsedMs: 725_000, thresholdMs: 600_000, quietMs: 725_000}}, 'Image pulling of TF 3.0.0 has run 12m (slow after 10m00s)'],
		[
			'slow near the timeout',
			{category: 'slow', phase: 'image_pulling', model: null, slow: {elapsedMs: 725_000, thresholdMs: 600_000, quietMs: null}, deadline: {timeoutMs: 1_200_000, remainingMs: 115_000}},
			'Image pulling has run 12m (slow after 10m00s); the deployment times out within 2m',
		],
		[
			'slow and past the timeout',
			{category: 'slow', phase: 'image_pulling', slow: {elapsedMs: 1_500_000, thresholdMs: 600_000, quietMs: null}, deadline: {timeoutMs: 1_200_000, remainingMs: -1000}},
			'Image pulling of TF 3.0.0 has run 25m (slow after 10m00s); the deployment is past its 20m00s timeout',
		],
		['only the timeout is near', {category: 'slow', phase: 'model_startup', deadline: {timeoutMs: 1_200_000, remainingMs: 60_000}}, 'The deployment times out within 1m'],
		['past the timeout', {category: 'slow', phase: 'model_startup', deadline: {timeoutMs: 1_200_000, remainingMs: -5000}}, 'The deployment is past its 20m00s timeout'],
	])('%s', (_name, patch, headline) => {
		expect(diagnosisHeadline({...base, ...patch})).toBe(headline);
	});
});
