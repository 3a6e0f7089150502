// Scenarios for the other shapes a deployment takes: console wording, several lifecycles,
// a recovered retry, a time-out, a degraded service, one that never finishes, and (from
// scenarios-rollout) instances coming up one by one and an update.
import type {Scenario} from './types.js';
import {DAY, deployment, failed, HOUR, MINUTE, model, past, RUNNING, SECOND, spaced, tag} from './builders.js';
import {deployingMain, project, seedDeployment, TF} from './basic.js';
import {ROLLOUT_SCENARIOS} from './rollout.js';
import {api, apiDeploySequence, consoleWording} from './wording.js';

const m = tag(TF);

const consoleScenario: Scenario = {
	name: 'console',
	description: 'A deploy worded as the web console words it ("The service starts to deploy." …).',
	services: project({
		name: 'my-service',
		description: 'Console-worded deployment',
		initial: {status: 'deploying', progress: 0},
		models: [TF],
		history: [],
		steps: [
			...deployment(
				[
					[0, consoleWording.startDeploy()],
					[2 * SECOND, consoleWording.imageCreating()],
					[14 * SECOND, consoleWording.imageCreated()],
					[18 * SECOND, consoleWording.insufficientResources()],
					[35 * SECOND, consoleWording.autoStop(3600)],
					[36 * SECOND, consoleWording.started('my-service')],
				],
				{after: 36 * SECOND, status: RUNNING},
			),
			// The auto-stop the event announces: due_time, and the stop an hour later.
			{after: 35 * SECOND, autoStop: HOUR},
		],
	}),
};

const TF_NEXT = model('TF', '3.0.1');
const next = tag(TF_NEXT);

const lifecycles: Scenario = {
	name: 'lifecycles',
	description: 'An earlier deploy, an auto-stop notice and a stop, then an update that is the current deployment.',
	services: project({
		name: 'lifecycle-demo',
		description: 'Updated from TF 3.0.0 to TF 3.0.1',
		publishedAgo: 2 * DAY + MINUTE,
		initial: {status: 'stopped'},
		models: [TF],
		history: [
			...past(2 * DAY, 10 * SECOND, apiDeploySequence(m)),
			...past(2 * DAY - 2 * MINUTE, 0, [consoleWording.autoStop(3600)]),
			...past(2 * DAY - HOUR - 2 * MINUTE, SECOND, [consoleWording.stopping(), consoleWording.stopped()]),
		],
		steps: [
			{after: 0, update: {models: [TF_NEXT]}},
			...deployment(
				spaced(0, [
					[0, consoleWording.updating()],
					[2 * SECOND, api.buildingImage(next)],
					[10 * SECOND, api.buildImageSuccess(next)],
					[1 * SECOND, api.preparingEnvironment()],
					[4 * SECOND, api.prepareEnvironmentSuccess(next)],
					[3 * SECOND, api.scheduleResourceSuccess(next)],
					[1 * SECOND, api.pullingImage(next)],
					[8 * SECOND, api.pullImageSuccess(next)],
					[1 * SECOND, api.startingModel(next)],
				]),
				{after: 38 * SECOND, status: RUNNING},
			),
		],
	}),
};

/** Build, environment, scheduling, then the image pull begins at 21 s. */
const UNTIL_PULL = spaced(0, [
	[0, api.startDeploy()],
	[2 * SECOND, api.buildingImage(m)],
	[10 * SECOND, api.buildImageSuccess(m)],
	[1 * SECOND, api.preparingEnvironment()],
	[4 * SECOND, api.prepareEnvironmentSuccess(m)],
	[3 * SECOND, api.scheduleResourceSuccess(m)],
	[1 * SECOND, api.pullingImage(m)],
]);

const recovered: Scenario = {
	name: 'recovered',
	description: 'The image pull fails once ("… retry later"), the retry works, and the service runs.',
	services: deployingMain(deployment(
		[
			...UNTIL_PULL,
			[25 * SECOND, api.pullImageFailed(m)],
			[28 * SECOND, api.pullingImage(m)],
			[36 * SECOND, api.pullImageSuccess(m)],
			[37 * SECOND, api.startingModel(m)],
		],
		{after: 45 * SECOND, status: RUNNING},
	)),
};

// No error code: the appendix has none for a deployment time-out (ModelArts.3520 is the limit
// on the number of services), so ModelArts says it in words only.
const TIMEOUT_TEXT = 'The model did not become ready within the deployment time-out (20 minutes).';

const timeout: Scenario = {
	name: 'timeout',
	description: 'The image pull never completes; the deployment times out and fails.',
	services: deployingMain(deployment([...UNTIL_PULL, [50 * SECOND, consoleWording.timedOut(TIMEOUT_TEXT)]], {
		after: 50 * SECOND,
		status: failed(`Service deployment timed out. Error: ${TIMEOUT_TEXT}`),
	})),
};

const concerning: Scenario = {
	name: 'concerning',
	description: 'Deploys and runs with 2/2 instances, then one turns abnormal: status concerning with 1/2.',
	services: deployingMain([
		...seedDeployment(),
		{after: 34 * SECOND, instances: [1]},
		{after: 46 * SECOND, status: {status: 'concerning'}},
	], [{...TF, instanceCount: 2}]),
};

/** The longest deployment time-out ModelArts allows; `stuck` fails only then. */
const MAX_DEPLOY_TIMEOUT = 120 * MINUTE;

const stuck: Scenario = {
	name: 'stuck',
	description: 'Stays deploying on "[TF 3.0.0] pulling model image" for two hours (for --timeout and heartbeats).',
	services: deployingMain(deployment(
		[...UNTIL_PULL, [MAX_DEPLOY_TIMEOUT, consoleWording.timedOut('The model did not become ready within the deployment time-out (120 minutes).')]],
		{after: MAX_DEPLOY_TIMEOUT, status: failed('Service deployment timed out. Error: The model did not become ready within the deployment time-out (120 minutes).')},
		40 * SECOND,
	)),
};

export const MORE_SCENARIOS: readonly Scenario[] = [consoleScenario, lifecycles, recovered, timeout, concerning, stuck, ...ROLLOUT_SCENARIOS];
