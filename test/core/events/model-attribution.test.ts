import {describe, expect, it} from 'vitest';
import {computeDeployment} from '../../../source/core/deployment/progress.js';
import {ModelDirectory, modelSlug} from '../../../source/core/events/model-attribution.js';
import type {DeploymentProgress, ServiceDetails} from '../../../source/core/types.js';
import {details, watchEvents} from '../fixtures.js';
import type {Entry} from '../fixtures.js';

/** "done done active pending pending" per model, the way the tables read. */
function boards(progress: DeploymentProgress): Record<string, string> {
	return Object.fromEntries(progress.tracks.map((track) => [String(track.model), track.phases.map((phase) => phase.state).join(' ')]));
}

function configOf(...models: readonly (readonly [string, string])[]): ServiceDetails['config'] {
	return models.map(([model_name, model_version]) => ({model_name, model_version}));
}

const bad = (text: string): Entry => ['abnormal', text];

describe('modelSlug: how a Kubernetes name is derived from a model', () => {
	it.each([
		['ranker 2.0.0-rc1', 'ranker-2-0-0-rc1'],
		['resnet_50 v2', 'resnet-50-v2'],
		['My Model 1.0', 'my-model-1-0'],
		['det[v2] 1.0', 'det-v2-1-0'],
		['  bert.base 2.1.0 ', 'bert-base-2-1-0'],
	])('%s → %s', (model, slug) => {
		expect(modelSlug(model)).toBe(slug);
	});
});

describe('ModelDirectory: which known model a text names', () => {
	const models = ['ranker 2.0.0-rc1', 'embedder 1.4.2', 'bert 2.1', 'bert 2.1.0', 'my model 1.0', 'det[v2] 1.0'];
	const directory = new ModelDirectory(models);
	it.each([
		['[ranker-2-0-0-rc1-7d9f] pod failed to start', 'ranker 2.0.0-rc1'],
		['Back-off restarting failed container in pod embedder-1-4-2-5c9b8d-xk2lq', 'embedder 1.4.2'],
		['deployment bert-2-1-0-6f7a is unavailable', 'bert 2.1.0'],
		['deployment bert-2-1-6f7a is unavailable', 'bert 2.1'],
		['deployment xbert-2-1-0-6f7a is unavailable', null],
		['pods ranker-2-0-0-rc1-1 and embedder-1-4-2-1 failed', null],
		['nothing to see here', null],
	])('slug in %j → %s', (text, model) => {
		expect(directory.bySlug(text)).toBe(model);
	});

	it.each([
		['Failed to deploy the service: the instance for model ranker 2.0.0-rc1 did not start.', 'ranker 2.0.0-rc1'],
		['Model BERT 2.1.0 failed its health check', 'bert 2.1.0'],
		['bert 2.1. was the one', 'bert 2.1'],
		['[my model 1.0] could not be scheduled', 'my model 1.0'],
		['(det[v2] 1.0) image pull failed', 'det[v2] 1.0'],
		['Service deployment timed out for ranker-2-0-0-rc1-7d9f', 'ranker 2.0.0-rc1'],
		['ranker 2.0.0-rc1 and embedder 1.4.2 both failed', null],
		['Failed to deploy the service.', null],
	])('named in %j → %s', (text, model) => {
		expect(directory.named(text)).toBe(model);
	});
});

describe('computeDeployment right across models', () => {
	const RANKER = 'ranker 2.0.0-rc1';
	const EMBEDDER = 'embedder 1.4.2';
	const twoModels = configOf(['ranker', '2.0.0-rc1'], ['embedder', '1.4.2']);
	const untilPull = (model: string): Entry[] => [`building image for model [${model}]`, `model (${model}) build image success`, `[${model}] prepare environment success`, `[${model}] schedule resource success`, `[${model}] pulling model image`];
	const interleave = (a: readonly Entry[], b: readonly Entry[]): Entry[] => a.flatMap((entry, index) => [entry, ...(b[index] === undefined ? [] : [b[index]!])]);

	it('issue 13 "done when": one model\'s pull fails, the other\'s works, an anonymous pod failure names the first', () => {
		// Given two models pulling; the ranker's pull fails and never succeeds, the embedder's works
		const events = watchEvents(
			'start to deploy service',
			...interleave(untilPull(RANKER), untilPull(EMBEDDER)),
			bad(`[${RANKER}] failed to pull the image: context deadline exceeded`),
			`[${EMBEDDER}] pull image success`,
			`[${EMBEDDER}] starting model`,
			// Then a Kubernetes-level failure that names only the ranker's deployment
			bad('[ranker-2-0-0-rc1-7d9f] pod container failed to start: back-off 5m0s'),
		);
		// While the service deploys, the ranker's pull only warns and the embedder is untouched
		const deploying = computeDeployment(events, details('deploying', {config: twoModels}));
		expect(boards(deploying)).toEqual({[RANKER]: 'done done done active pending', [EMBEDDER]: 'done done done done active'});
		expect(deploying.tracks[0]!.phases[3]).toMatchObject({retrying: true, warnings: 2, lastWarning: expect.stringContaining('failed to pull')});
		// When the service fails with an error_msg naming the ranker
		const failed = computeDeployment(events, details('failed', {config: twoModels, error_msg: `Failed to deploy the service for model ${RANKER}: instance not ready.`}));
		// Then the ranker's pull failed with its own text and its startup is not done; the embedder's pull is done
		expect(failed.outcome).toBe('failed');
		expect(failed.errorModel).toBe(RANKER);
		expect(boards(failed)).toEqual({[RANKER]: 'done done done failed pending', [EMBEDDER]: 'done done done done failed'});
		expect(failed.tracks[0]!.phases[3]!.cause).toContain('failed to pull the image');
		// The embedder was interrupted, not the reason: no cause of its own
		expect(failed.tracks[1]!.phases[4]!.cause).toBeNull();
	});

	const MY = 'my model 1.0';
	const DOT = 'bert.base 2.1.0';
	const DASH = 'yolo-v8 1.2.0-beta';
	const threeModels = configOf(['my model', '1.0'], ['bert.base', '2.1.0'], ['yolo-v8', '1.2.0-beta']);

	it.each([
		[
			'an anonymous failure goes to the model in the phase it names',
			[...untilPull(MY), `[${MY}] pull image success`, `[${MY}] starting model`, ...untilPull(DOT), bad('Back-off restarting failed container')],
			{[MY]: 'done done done done active', [DOT]: 'done done done active pending', [DASH]: 'pending pending pending pending pending'},
			[MY, 4, 1],
		],
		[
			'it never fails a model that had already finished that phase',
			[...untilPull(MY), `[${MY}] pull image success`, ...untilPull(DOT), bad('pull image failed, retry later')],
			// my model's startup runs from its pull's end: time goes on, and it is the next phase's
			{[MY]: 'done done done done active', [DOT]: 'done done done active pending', [DASH]: 'pending pending pending pending pending'},
			[DOT, 3, 1],
		],
		[
			'it never marks an earlier phase done: nobody in startup yet, so it warns where the models are',
			[...untilPull(DOT), ...untilPull(DASH), bad('container failed to start')],
			{[MY]: 'pending pending pending pending pending', [DOT]: 'done done done active pending', [DASH]: 'done done done active pending'},
			[DASH, 3, 1],
		],
		[
			'an anonymous success is nobody\'s evidence when two models could take it',
			[...untilPull(DOT), ...untilPull(DASH), 'pull image success'],
			{[MY]: 'pending pending pending pending pending', [DOT]: 'done done done active pending', [DASH]: 'done done done active pending'},
			[DOT, 3, 0],
		],
		[
			'a model\'s own later event is evidence its earlier phase is done; another model\'s is not',
			[`[${DOT}] pulling model image`, bad(`[${DOT}] pull image failed, retry later`), `[${DASH}] pull image success`, `[${DOT}] starting model`],
			{[MY]: 'pending pending pending pending pending', [DOT]: 'done done done done active', [DASH]: 'done done done done active'},
			[DOT, 3, 1],
		],
		[
			'names with spaces, dots, dashes and brackets keep their own tracks when interleaved',
			interleave(interleave(untilPull(MY), untilPull(DOT)), untilPull(DASH)),
			{[MY]: 'done done done active pending', [DOT]: 'done done done active pending', [DASH]: 'done done done active pending'},
			[MY, 3, 0],
		],
	] as const)('%s', (_name, history, expected, [model, phase, warnings]) => {
		const progress = computeDeployment(watchEvents('start to deploy service', ...history), details('deploying', {config: threeModels}));
		expect(boards(progress)).toEqual(expected);
		expect(progress.tracks.find((track) => track.model === model)!.phases[phase]!.warnings).toBe(warnings);
	});

	it('a known name the tag reader cannot parse is found, and its words do not pick the phase', () => {
		// Given a model named "image puller" (spaces: no [name version] tag the generic reader accepts)
		const config = configOf(['image puller', '1.0'], ['det[v2]', '1.0']);
		const events = watchEvents('start to deploy service', '[image puller 1.0] starting model', '(det[v2] 1.0) build image success');
		const progress = computeDeployment(events, details('deploying', {config}));
		expect(boards(progress)).toEqual({'image puller 1.0': 'done done done done active', 'det[v2] 1.0': 'done active pending pending pending'});
	});

	it('warnings become "recovered" only after that model\'s own success', () => {
		const history: Entry[] = ['start to deploy service', `[${RANKER}] pulling model image`, `[${EMBEDDER}] pulling model image`, bad(`[${RANKER}] pull image failed, retry later`)];
		const config = {config: twoModels};
		const retrying = computeDeployment(watchEvents(...history, `[${EMBEDDER}] pull image success`), details('deploying', config));
		expect(retrying.tracks[0]!.phases[3]).toMatchObject({state: 'active', retrying: true, warnings: 1});
		const recovered = computeDeployment(watchEvents(...history, `[${RANKER}] pull image success`), details('deploying', config));
		expect(recovered.tracks[0]!.phases[3]).toMatchObject({state: 'done', retrying: false, warnings: 1, lastWarning: `[${RANKER}] pull image failed, retry later`});
	});

	it('an event that ends the deployment as a whole fails the retrying phase with its own text', () => {
		const events = watchEvents('start to deploy service', `[${RANKER}] pulling model image`, bad(`[${RANKER}] pull image failed, retry later`), bad('Service deployment timed out. Error: the model was not ready in time'));
		const progress = computeDeployment(events, null);
		expect(progress.outcome).toBe('failed');
		expect(progress.tracks[0]!.phases[3]).toMatchObject({state: 'failed', cause: `[${RANKER}] pull image failed, retry later`});
		expect(progress.problems.map((problem) => problem.source)).toEqual(['event', 'ending']);
	});

	it('a tagged later failure proves the model got that far; a slug-named one does not', () => {
		const base: Entry[] = ['start to deploy service', `[${RANKER}] pulling model image`, bad(`[${RANKER}] pull image failed, retry later`)];
		const config = {config: twoModels};
		const tagged = computeDeployment(watchEvents(...base, bad(`[${RANKER}] model start failed: exit code 1`)), details('deploying', config));
		expect(boards(tagged)[RANKER]).toBe('done done done done active');
		const slugged = computeDeployment(watchEvents(...base, bad('pod ranker-2-0-0-rc1-7d9f: container failed to start')), details('deploying', config));
		expect(boards(slugged)[RANKER]).toBe('done done done active pending');
	});

	it('remembers each track\'s latest event and only the first and latest problems of a phase', () => {
		const flood = Array.from({length: 100}, (_, index): Entry => bad(`[${RANKER}] pull image failed (attempt ${index + 1})`));
		const progress = computeDeployment(watchEvents('start to deploy service', `[${RANKER}] pulling model image`, ...flood, `[${EMBEDDER}] starting model`), details('deploying', {config: twoModels}));
		expect(progress.tracks[0]!.lastEvent?.info).toBe(`[${RANKER}] pull image failed (attempt 100)`);
		expect(progress.tracks[1]!.lastEvent?.info).toBe(`[${EMBEDDER}] starting model`);
		expect(progress.tracks[0]!.phases[3]!.warnings).toBe(100);
		expect(progress.problems.map((problem) => /attempt (\d+)/.exec(problem.text)![1])).toEqual(['1', '2', '3', '98', '99', '100']);
	});
});
