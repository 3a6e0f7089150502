// The two wordings ModelArts uses for service events (modelarts-api.md §1). The API family
// names models as `[name version]` / `(name version)`; the console family speaks in
// sentences. Other layers classify these strings, so they must stay verbatim.
import type {ScenarioEvent} from './types.js';

const normal = (info: string): ScenarioEvent => ({type: 'normal', info});
const abnormal = (info: string): ScenarioEvent => ({type: 'abnormal', info});

/** Events in the API wording, for a model tag like `TF 3.0.0`. */
export const api = {
	startDeploy: () => normal('start to deploy service'),
	buildingImage: (model: string) => normal(`building image for model [${model}]`),
	buildImageSuccess: (model: string) => normal(`model (${model}) build image success`),
	preparingEnvironment: () => normal('preparing environment'),
	prepareEnvironmentSuccess: (model: string) => normal(`[${model}] prepare environment success`),
	scheduleResourceSuccess: (model: string) => normal(`[${model}] schedule resource success`),
	scheduleResourceFailed: (model: string) =>
		abnormal(`[${model}] schedule resource failed: insufficient CPU (requested 8 cores, 2 idle in the resource pool)`),
	pullingImage: (model: string) => normal(`[${model}] pulling model image`),
	pullImageFailed: (model: string) =>
		abnormal(`[${model}] pull image failed: timed out while connecting to the image repository, retry later`),
	pullImageSuccess: (model: string) => normal(`[${model}] pull image success`),
	startingModel: (model: string) => normal(`[${model}] starting model`),
} as const;

/** Events in the web-console wording. */
export const consoleWording = {
	startDeploy: () => normal('The service starts to deploy.'),
	imageCreating: () => normal('The image starts to create.'),
	imageCreated: () => normal('The image created.'),
	imageFailed: () => abnormal('Failed to create the image.'),
	insufficientResources: () => abnormal('Insufficient resources. Wait until idle resources are sufficient.'),
	updating: () => normal('The service is being updated.'),
	starting: () => normal('The service is being started.'),
	stopping: () => normal('The service is being stopped.'),
	stopped: () => normal('The service has been stopped.'),
	autoStop: (seconds: number) => normal(`Auto stop has been enabled. The service will stop after ${seconds}s.`),
	started: (service: string) => normal(`Service ${service} started.`),
	startFailed: (service: string) => abnormal(`Failed to start service ${service}.`),
	timedOut: (detail: string) => abnormal(`Service deployment timed out. Error: ${detail}`),
	rollbackFailed: () => abnormal('Failed to update the service. The rollback failed.'),
} as const;

/** The nine events of one successful single-model deployment, as the API documents them. */
export function apiDeploySequence(model: string): ScenarioEvent[] {
	return [
		api.startDeploy(),
		api.buildingImage(model),
		api.buildImageSuccess(model),
		api.preparingEnvironment(),
		api.prepareEnvironmentSuccess(model),
		api.scheduleResourceSuccess(model),
		api.pullingImage(model),
		api.pullImageSuccess(model),
		api.startingModel(model),
	];
}
