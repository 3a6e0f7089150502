import {describe, expect, it} from 'vitest';
import {computeDeployment} from '../../../source/core/deployment/progress.js';
import {diagnose} from '../../../source/core/diagnosis/diagnose.js';
import {diagnosisRecord, presentDiagnosis} from '../../../source/core/diagnosis/present.js';
import {DEFAULT_SLOW_THRESHOLDS} from '../../../source/core/diagnosis/thresholds.js';
import type {ServiceDetails} from '../../../source/core/types.js';
import {T0, details, watchEvents} from '../fixtures.js';
import type {Entry} from '../fixtures.js';

const MINUTE = 60_000;
const bad = (text: string): Entry => ['abnormal', text];
const M = 'vision 2.0.0';
const untilPull: Entry[] = ['start to deploy service', `building image for model [${M}]`, `model (${M}) build image success`, 'preparing environment', `[${M}] prepare environment success`, `[${M}] schedule resource success`, `[${M}] pulling model image`];

function diagnosed(history: readonly Entry[], service: ServiceDetails | null, nowMs = T0 + 60 * MINUTE) {
	return diagnose({deployment: computeDeployment(watchEvents(...history), service), nowMs});
}

describe('diagnose: a failed deployment, every signal together', () => {
	it.each([
		[
			'a time-out whose detail names a scheduling failure is resources (the more specific cause wins)',
			['start to deploy service', `[${M}] pulling model image`],
			'Service deployment timed out. Error: no node could host the instance (not enough GPU in pool gpu-a)',
			['resources', 'image_pulling'],
		],
		[
			'"Failed to start service x" after a pull failure is image_pull',
			[...untilPull, bad(`[${M}] image pull failed: layer download interrupted`), bad('Failed to start service vision-svc.')],
			'Failed to start service vision-svc.',
			['image_pull', 'image_pulling'],
		],
		[
			'a code of the official table decides over the words: ModelArts.3015 (config.json breaks the spec) is config',
			[...untilPull, `[${M}] pull image success`, `[${M}] starting model`],
			'ModelArts.3015: the model failed to start; the container exited',
			['config', 'model_startup'],
		],
		[
			'ModelArts.3520 is the limit on services (quota), never a time-out',
			[...untilPull],
			'Error: ModelArts.3520',
			['quota', 'image_pulling'],
		],
		[
			'a problem the model recovered from is not the cause',
			[...untilPull.slice(0, 5), bad(`[${M}] insufficient memory, retrying`), `[${M}] schedule resource success`, `[${M}] pulling model image`, `[${M}] pull image success`, `[${M}] starting model`, bad(`[${M}] Readiness probe failed: 404 on /ping`)],
			'Failed to deploy the service.',
			['health_check', 'model_startup'],
		],
		[
			'the earliest unrecovered problem wins over its consequences',
			[...untilPull, bad(`[${M}] failed to pull image: manifest unknown`), bad('container failed to start: back-off')],
			'The container of the model does not start.',
			['image_pull', 'image_pulling'],
		],
		[
			'nothing recognised: unknown, quoting the service error',
			[...untilPull, bad('zzz unexpected state E-42')],
			'An internal error occurred (ModelArts.3501).',
			['unknown', 'image_pulling'],
		],
	] as const)('%s', (_name, history, errorMsg, [category, phase]) => {
		const diagnosis = diagnosed(history, details('failed', {error_msg: errorMsg, transition_at: T0 + 30_000}));
		expect(diagnosis).toMatchObject({category, phase, model: M});
		expect(diagnosis!.advice.length).toBeGreaterThanOrEqual(1);
		expect(diagnosis!.advice.length).toBeLessThanOrEqual(3);
		expect(diagnosis!.docs.length).toBeGreaterThan(0);
	});

	it('a problem recovered before any model was named is still recognised as recovered', () => {
		const history: Entry[] = ['start to deploy service', bad('Insufficient memory in the pool, waiting'), `[${M}] schedule resource success`, `[${M}] pulling model image`, bad(`[${M}] pull image failed: EOF`)];
		expect(diagnosed(history, details('failed'))).toMatchObject({category: 'image_pull', model: M, phase: 'image_pulling'});
	});

	it('unknown quotes the service error_msg as its cause', () => {
		const diagnosis = diagnosed([...untilPull, bad('zzz unexpected state E-42')], details('failed', {error_msg: 'An internal error occurred (ModelArts.3501).'}));
		expect(diagnosis?.cause).toBe('An internal error occurred (ModelArts.3501).');
	});

	it('issue 13 "done when": the failing model of two, image_pull, from its own pull event', () => {
		const config = [{model_name: 'ranker', model_version: '2.0.0-rc1'}, {model_name: 'embedder', model_version: '1.4.2'}];
		const history: Entry[] = [
			'start to deploy service',
			'[ranker 2.0.0-rc1] pulling model image',
			'[embedder 1.4.2] pulling model image',
			bad('[ranker 2.0.0-rc1] pull image failed: unexpected EOF, retry later'),
			'[embedder 1.4.2] pull image success',
			bad('[ranker-2-0-0-rc1-7d9f] pod container failed to start'),
		];
		const diagnosis = diagnosed(history, details('failed', {config, error_msg: 'Failed to deploy the service: instance of model ranker 2.0.0-rc1 never became ready.'}));
		expect(diagnosis).toMatchObject({category: 'image_pull', phase: 'image_pulling', model: 'ranker 2.0.0-rc1', cause: '[ranker 2.0.0-rc1] pull image failed: unexpected EOF, retry later'});
	});

	it('is null for a deployment that succeeded, stopped, or still runs at a normal pace', () => {
		expect(diagnosed(untilPull, details('running'))).toBeNull();
		expect(diagnosed(untilPull, details('stopped'))).toBeNull();
		expect(diagnosed(untilPull, details('deploying'), T0 + 7000)).toBeNull();
	});
});

describe('diagnose: slow, not yet failed', () => {
	// The pull's time begins at T0 + 5 s, when scheduling ended (the phases tile the deployment)
	const pullStart = T0 + 5000;

	it.each([
		['a pull running 12 minutes is slow', 12 * MINUTE, true],
		['a pull running 9 minutes is not', 9 * MINUTE, false],
		['exactly at the threshold it is', DEFAULT_SLOW_THRESHOLDS.image_pulling, true],
	] as const)('%s', (_name, running, slow) => {
		const diagnosis = diagnosed(untilPull, details('deploying'), pullStart + running);
		if (!slow) return expect(diagnosis).toBeNull();
		expect(diagnosis).toMatchObject({category: 'slow', phase: 'image_pulling', model: M, cause: `[${M}] pulling model image`, slow: {elapsedMs: running, thresholdMs: 10 * MINUTE}});
		expect(diagnosis!.advice[1]).toContain('--slow-after pull=');
	});

	it('thresholds can be overridden per phase', () => {
		const deployment = computeDeployment(watchEvents(...untilPull), details('deploying'));
		const thresholds = {...DEFAULT_SLOW_THRESHOLDS, image_pulling: 20 * MINUTE};
		expect(diagnose({deployment, nowMs: pullStart + 12 * MINUTE, thresholds, timeoutMs: 60 * MINUTE})).toBeNull();
		expect(diagnose({deployment, nowMs: pullStart + 12 * MINUTE, thresholds: {...thresholds, image_pulling: MINUTE}, timeoutMs: 60 * MINUTE})?.category).toBe('slow');
	});

	it('near the deployment timeout (within 3 minutes) it says so, even when no phase is slow yet', () => {
		const deployment = computeDeployment(watchEvents(...untilPull), details('deploying'));
		const near = diagnose({deployment, nowMs: T0 + 8 * MINUTE, timeoutMs: 10 * MINUTE});
		expect(near).toMatchObject({category: 'slow', phase: 'image_pulling', slow: null, deadline: {timeoutMs: 10 * MINUTE, remainingMs: 2 * MINUTE}});
		expect(near!.advice.at(-1)).toContain('times out within 2m');
		expect(diagnose({deployment, nowMs: T0 + 6 * MINUTE, timeoutMs: 10 * MINUTE})).toBeNull();
		const past = diagnose({deployment, nowMs: T0 + 12 * MINUTE, timeoutMs: 10 * MINUTE});
		expect(past?.deadline?.remainingMs).toBe(-2 * MINUTE);
		expect(past!.advice.at(-1)).toContain('has passed');
	});

	it('the server clock running ahead counts: the phase is older than our clock says', () => {
		const deployment = computeDeployment(watchEvents(...untilPull), details('deploying'));
		expect(diagnose({deployment, nowMs: pullStart + 9 * MINUTE, skewMs: 2 * MINUTE, timeoutMs: 60 * MINUTE})?.slow?.elapsedMs).toBe(11 * MINUTE);
	});

	it('a model starting with no news: how long it has been quiet', () => {
		const history = [...untilPull, `[${M}] pull image success`, `[${M}] starting model`];
		const diagnosis = diagnosed(history, details('deploying'), T0 + 8000 + 11 * MINUTE);
		expect(diagnosis).toMatchObject({category: 'slow', phase: 'model_startup', slow: {quietMs: 11 * MINUTE}});
		expect(diagnosis!.advice[0]).toMatch(/port or health-check path/);
	});

	it('with several models, the one furthest over its threshold', () => {
		const config = [{model_name: 'a', model_version: '1.0'}, {model_name: 'b', model_version: '1.0'}];
		const history: Entry[] = ['start to deploy service', '[a 1.0] pulling model image', bad('[b 1.0] insufficient cpu')];
		const diagnosis = diagnosed(history, details('deploying', {config}), T0 + 11 * MINUTE);
		// a: 11m of a 10m pull (1.1×); b: 11m of a 5m scheduling (2.2×)
		expect(diagnosis).toMatchObject({model: 'b 1.0', phase: 'resource_scheduling', cause: '[b 1.0] insufficient cpu'});
	});
});

describe('presentDiagnosis and the JSON record', () => {
	it('sanitises server text, cuts a huge cause, and keeps our own advice', () => {
		const hostile = `\u001b]0;pwned\u0007[${M}] failed to pull image ${'x'.repeat(5000)}`;
		const diagnosis = diagnosed([...untilPull, bad(hostile)], details('failed', {error_msg: 'Failed to deploy the service.'}))!;
		const text = presentDiagnosis(diagnosis);
		expect(text.title).toBe('The image could not be pulled onto the node');
		expect(text.cause).not.toMatch(/[\u0000-\u001f]/);
		expect(text.cause!.length).toBeLessThanOrEqual(1001);
		expect(text.cause!.endsWith('…')).toBe(true);
		expect(presentDiagnosis(diagnosis, true).cause).toMatch(/^\^\[\]0;pwned\^G/);
		expect(text.advice).toEqual(diagnosis.advice);
	});

	it('the record has exactly the documented fields', () => {
		const diagnosis = diagnosed([...untilPull, bad(`[${M}] failed to pull image`)], details('failed'))!;
		expect(diagnosisRecord(diagnosis)).toEqual({category: 'image_pull', phase: 'image_pulling', model: M, cause: `[${M}] failed to pull image`, evidence: [{source: 'events', text: `[${M}] failed to pull image`}], advice: diagnosis.advice, docs: diagnosis.docs});
	});
});
