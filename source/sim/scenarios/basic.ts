// The three scenarios everything else leans on: a clean deploy, a scheduling failure, and
// two models deploying side by side. Times are scenario-ms at speed 1 (a demo of ~40 s).
import type {Scenario, ScenarioService, ScenarioStep} from './types.js';
import {deployment, failed, model, neighbours, RUNNING, SECOND, spaced, tag} from './builders.js';
import {api, apiDeploySequence, consoleWording} from './wording.js';

export const MAIN_SERVICE_ID = '35de3ca9-1b6d-4b6c-9f3e-6c1d0b0f5a21';
export const MAIN_SERVICE_NAME = 'service-07085';
export const TF = model('TF', '3.0.0');

/** The watched service of a scenario (published at the clock start unless it says), with the usual neighbours around it. */
export function project(main: Omit<ScenarioService, 'id' | 'publishedAgo'> & {readonly id?: string; readonly publishedAgo?: number}): Scenario['services'] {
	return [{id: MAIN_SERVICE_ID, publishedAgo: 0, ...main}, ...neighbours()];
}

/** The watched TF service, deploying from nothing (no history) through `steps`; `models` to vary the TF model. */
export function deployingMain(steps: readonly ScenarioStep[], models: ScenarioService['models'] = [TF]): Scenario['services'] {
	return project({name: MAIN_SERVICE_NAME, description: 'TF image classifier', initial: {status: 'deploying', progress: 0}, models, history: [], steps});
}

/** The seed's nine events at their usual gaps (38 s in all), then running. */
export function seedDeployment(): ScenarioStep[] {
	const events = apiDeploySequence(tag(TF));
	const gaps = [0, 2, 10, 1, 4, 3, 1, 8, 1];
	const timed = spaced(0, events.map((event, index) => [(gaps[index] ?? 1) * SECOND, event] as const));
	return deployment(timed, {after: 38 * SECOND, status: RUNNING});
}

const success: Scenario = {
	name: 'success',
	description: 'One model deploys cleanly through all five phases, then the service runs (API wording).',
	services: deployingMain(seedDeployment()),
};

const m = tag(TF);

const failure: Scenario = {
	name: 'failure',
	description: 'Resource scheduling fails for lack of CPU, retries, and the service ends failed.',
	services: deployingMain(deployment(
		[
			[0, api.startDeploy()],
			[2 * SECOND, api.buildingImage(m)],
			[11 * SECOND, api.buildImageSuccess(m)],
			[12 * SECOND, api.preparingEnvironment()],
			[16 * SECOND, api.prepareEnvironmentSuccess(m)],
			[18 * SECOND, consoleWording.insufficientResources()],
			[20 * SECOND, api.scheduleResourceFailed(m)],
			[26 * SECOND, api.scheduleResourceFailed(m)],
			[32 * SECOND, api.scheduleResourceFailed(m)],
		],
		{after: 36 * SECOND, status: failed(`Failed to deploy the service: [${m}] schedule resource failed after 3 retries: insufficient CPU.`)},
	)),
};

const RESNET = model('resnet', '1.0.0', 50);
const BERT = {...model('bert', '2.1.0', 50), specification: 'modelarts.vm.gpu.t4'};
const r = tag(RESNET);
const b = tag(BERT);

const multiModel: Scenario = {
	name: 'multi-model',
	description: 'Two models (resnet 1.0.0 and bert 2.1.0) deploy interleaved behind one service.',
	services: project({
		name: 'service-multi-01',
		description: 'Vision and language behind one endpoint',
		initial: {status: 'deploying', progress: 0},
		models: [RESNET, BERT],
		history: [],
		steps: [
			...deployment(
				[
					[0, api.startDeploy()],
					[1500, api.buildingImage(r)],
					[2500, api.buildingImage(b)],
					[10 * SECOND, api.buildImageSuccess(r)],
					[14 * SECOND, api.buildImageSuccess(b)],
					[15 * SECOND, api.preparingEnvironment()],
					[18 * SECOND, api.prepareEnvironmentSuccess(r)],
					[19 * SECOND, api.prepareEnvironmentSuccess(b)],
					[21 * SECOND, api.scheduleResourceSuccess(b)],
					[22 * SECOND, api.scheduleResourceSuccess(r)],
					[23 * SECOND, api.pullingImage(r)],
					[24 * SECOND, api.pullingImage(b)],
					[31 * SECOND, api.pullImageSuccess(r)],
					[32 * SECOND, api.startingModel(r)],
					[36 * SECOND, api.pullImageSuccess(b)],
					[37 * SECOND, api.startingModel(b)],
				],
				{after: 46 * SECOND, status: RUNNING},
			),
			// resnet's instance is up before bert's; the service runs once both are.
			{after: 40 * SECOND, instances: [1, 0]},
		],
	}),
};

export const CORE_SCENARIOS: readonly Scenario[] = [success, failure, multiModel];
