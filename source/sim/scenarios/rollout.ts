// Scenarios about instances and configuration: a deployment whose second instance comes up
// late, and an update of a running service to a new model version with more instances.
// Times are scenario-ms at speed 1; each instance count holds for over 10 s, so a client that
// reads the monitor every 10 s sees every step of the climb.
import type {Scenario, ScenarioModel} from './types.js';
import {DAY, deployment, MINUTE, model, past, RUNNING, SECOND, spaced, tag} from './builders.js';
import {project} from './basic.js';
import {stableId} from '../stable-id.js';
import {api, apiDeploySequence, consoleWording} from './wording.js';

const YOLO: ScenarioModel = {...model('yolo', '5.1.0', 100, 2), specification: 'modelarts.vm.gpu.p4'};
const y = tag(YOLO);

const twoInstances: Scenario = {
	name: 'two-instances',
	description: 'Two GPU instances; the second comes up late (0/2, 1/2, 2/2 during model startup), then running.',
	services: project({
		name: 'service-detector',
		description: 'Object detection on GPU',
		initial: {status: 'deploying', progress: 0},
		models: [YOLO],
		history: [],
		steps: [
			...deployment(
				spaced(0, [
					[0, api.startDeploy()],
					[2 * SECOND, api.buildingImage(y)],
					[10 * SECOND, api.buildImageSuccess(y)],
					[1 * SECOND, api.preparingEnvironment()],
					[4 * SECOND, api.prepareEnvironmentSuccess(y)],
					[3 * SECOND, api.scheduleResourceSuccess(y)],
					[1 * SECOND, api.pullingImage(y)],
					[8 * SECOND, api.pullImageSuccess(y)],
					[1 * SECOND, api.startingModel(y)],
				]),
				{after: 48 * SECOND, status: RUNNING},
			),
			{after: 32 * SECOND, instances: [1]},
			{after: 46 * SECOND, instances: [2]},
		],
	}),
};

/** Environment values that look like secrets: a client must never print them. */
export const UPDATE_SECRETS = ['sim-Passw0rd-before!', 'sim-Passw0rd-after!'] as const;

const CUSTOM_2U = {cpu: 2, memory: 4096, gpu_p4: 0};
const RESNET_BEFORE: ScenarioModel = {
	...model('resnet', '1.0.0'),
	specification: 'custom',
	customSpec: CUSTOM_2U,
	envs: {LOG_LEVEL: 'info', DB_PASSWORD: UPDATE_SECRETS[0]},
};
const RESNET_AFTER: ScenarioModel = {
	...model('resnet', '1.1.0', 100, 2),
	specification: 'custom',
	customSpec: CUSTOM_2U,
	envs: {LOG_LEVEL: 'info', DB_PASSWORD: UPDATE_SECRETS[1], CACHE_SIZE_MB: '512'},
};
const before = tag(RESNET_BEFORE);
const after = tag(RESNET_AFTER);

const update: Scenario = {
	name: 'update',
	description: 'A running service updated from resnet 1.0.0 to 1.1.0 and 1 to 2 instances (update log RUNNING, then SUCCESS).',
	services: project({
		name: 'service-update',
		description: 'Image classifier in a dedicated pool',
		publishedAgo: 3 * DAY,
		clusterId: stableId('pool dedicated-inference'),
		initial: {status: 'running', progress: 100},
		models: [RESNET_BEFORE],
		history: [...past(3 * DAY - SECOND, 4 * SECOND, apiDeploySequence(before)), ...past(3 * DAY - MINUTE, 0, [consoleWording.started('service-update')])],
		steps: [
			{after: 0, update: {models: [RESNET_AFTER]}},
			...deployment(
				spaced(0, [
					[0, consoleWording.updating()],
					[2 * SECOND, api.buildingImage(after)],
					[9 * SECOND, api.buildImageSuccess(after)],
					[1 * SECOND, api.preparingEnvironment()],
					[3 * SECOND, api.prepareEnvironmentSuccess(after)],
					[2 * SECOND, api.scheduleResourceSuccess(after)],
					[1 * SECOND, api.pullingImage(after)],
					[7 * SECOND, api.pullImageSuccess(after)],
					[1 * SECOND, api.startingModel(after)],
				]),
				{after: 42 * SECOND, status: RUNNING},
			),
			{after: 29 * SECOND, instances: [1]},
			{after: 40 * SECOND, instances: [2]},
		],
	}),
};

export const ROLLOUT_SCENARIOS: readonly Scenario[] = [twoInstances, update];
