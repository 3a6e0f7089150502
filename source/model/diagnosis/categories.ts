// The one place for what each category is called and what to do about it. The advice restates
// the documented fixes (../shared/troubleshooting.md) in our own words; it is plain ASCII so
// the --ascii view needs no stand-ins. The docs are the titles of the pages to read.
import type {PhaseId} from '../types.js';
import type {DiagnosisBasis, DiagnosisCategory, FailureCategory} from './types.js';

/** The category in words, for the "Why" block and the plain `cause:` line. */
export const CATEGORY_TITLES: Readonly<Record<DiagnosisCategory, string>> = {
	resources: 'Not enough resources to place the instances',
	quota: 'A quota is used up',
	image_build: 'The model image could not be built',
	image_pull: 'The image could not be pulled onto the node',
	storage: 'Model storage could not be read or mounted',
	health_check: 'The health check never succeeded',
	startup: 'The model container does not start',
	timeout: 'The deployment ran out of time',
	unknown: 'The deployment failed for a reason not recognised',
	slow: 'Slower than usual',
};

/** What decided the category, as the full diagnosis says it ("decided by …"). */
export const BASIS_WORDS: Readonly<Record<DiagnosisBasis, string>> = {
	code: 'an error code the documentation lists',
	words: 'the words of the text',
	phase: 'the phase it happened in',
	general: 'a time-out, with nothing more specific',
	none: 'nothing recognisable: the text is quoted as it is',
	duration: 'how long the phase has run',
};

const RESOURCES_FAQ = 'What Do I Do If Resources Are Insufficient When a Real-Time Service Is Deployed, Started, Upgraded, or Modified?';
const PULL_FAQ = 'What Do I Do If an Image Fails to Be Pulled When a Real-Time Service Is Deployed, Started, Upgraded, or Modified?';
const MODEL_EVENTS = 'What Are the Events and Their Types for a Model?';
const SERVICE_EVENTS = 'What Are the Events and Their Types for a Service?';
const INFERENCE_TROUBLESHOOTING = 'Troubleshooting > Inference Deployment';
const PORT_FAQ = 'How Do I Change the Default Port to Create a Real-Time Service Using a Custom Image?';
const TIMEOUT_FAQ = 'Why Did My Service Deployment Fail with Proper Deployment Timeout Configured?';
const STILL_DEPLOYING = 'Service Is Consistently Being Deployed';

interface Guidance {
	readonly advice: readonly string[];
	readonly docs: readonly string[];
}

export const FAILURE_GUIDANCE: Readonly<Record<FailureCategory, Guidance>> = {
	resources: {
		advice: [
			'ModelArts retries scheduling a few times; if capacity frees up meanwhile, the deployment carries on.',
			'Public pool: wait until others release capacity, then deploy again.',
			'Dedicated pool: pick a smaller or custom flavour, free or add nodes, or relax pre-warmed-node affinity.',
		],
		docs: [RESOURCES_FAQ],
	},
	quota: {
		advice: [
			'Delete real-time services you no longer use (stopped or failed ones on the public pool still count).',
			'Or ask for a higher quota for the account or project.',
		],
		docs: ['Deploying as a Real-Time Service', SERVICE_EVENTS],
	},
	image_build: {
		advice: [
			"Read the model's build log (its events; the console links it) to find the step that broke.",
			'Custom images: install dependencies in the Dockerfile, not in config.json; other models must not set swr_location.',
			'If the image registry (SWR) throttled or refused the build, try again later.',
		],
		docs: [MODEL_EVENTS],
	},
	image_pull: {
		advice: [
			"The node's free disk may be smaller than the image: make the image smaller.",
			'If it keeps failing, use a dedicated pool with larger disks, or ask your administrator.',
			'A pull failure with an empty Logs tab usually means the model is too large.',
		],
		docs: [PULL_FAQ],
	},
	storage: {
		advice: [
			"Check the model's OBS path and that the service is allowed to read it.",
			'SFS Turbo: check the file system is associated with the pool and reachable on its network.',
			"Check the node's free disk space.",
		],
		docs: [INFERENCE_TROUBLESHOOTING, 'Error Codes (ModelArts API Reference)'],
	},
	health_check: {
		advice: [
			"The probe calls protocol + health URL + container port: make port and path in the model's configuration match what the image serves (8080 unless changed).",
			'Check http versus https for the probe.',
			'Give a slow-loading model a health-check delay long enough to initialise.',
		],
		docs: [PORT_FAQ, TIMEOUT_FAQ, STILL_DEPLOYING],
	},
	startup: {
		advice: [
			"Read the container logs in the service's Logs tab.",
			'Fix the image or the inference code (a missing Python module, the wrong base class for the model type, missing warm-up files).',
			'Then create a new model version and deploy it again.',
		],
		docs: ['What Do I Do If an Image Restarts Repeatedly...', "Failed to Deploy a Service and Error 'No Module named XXX' Occurred"],
	},
	timeout: {
		advice: [
			'Look at the phase that was still running when time ran out.',
			'Large models need a longer deployment timeout (3 to 120 minutes; 20 by default).',
			'Configure a health-check delay so a slow model is not judged before it is up.',
		],
		docs: [TIMEOUT_FAQ, STILL_DEPLOYING],
	},
	unknown: {
		advice: [
			'Nothing in the events or the error message matches a known cause: read them in full.',
			"The model's events and the service's Logs tab in the console often say more.",
		],
		docs: [INFERENCE_TROUBLESHOOTING, SERVICE_EVENTS],
	},
};

/** For a slow phase: its usual causes (one line) and where to read more. */
export const SLOW_GUIDANCE: Readonly<Record<PhaseId, {readonly cause: string; readonly docs: readonly string[]}>> = {
	image_building: {cause: "Builds that install many dependencies take long; the model's build log shows the current step.", docs: [MODEL_EVENTS]},
	environment_preparation: {cause: 'Preparing the environment downloads the model: large models or slow OBS access take time.', docs: [INFERENCE_TROUBLESHOOTING]},
	resource_scheduling: {cause: 'ModelArts is waiting for capacity: repeated "not enough resources" events mean the pool is full.', docs: [RESOURCES_FAQ]},
	image_pulling: {cause: "Large images pull slowly, and the node's disk may be smaller than the image.", docs: [PULL_FAQ]},
	model_startup: {cause: "A model whose port or health-check path is wrong stays here without events until the timeout: check both.", docs: [STILL_DEPLOYING, PORT_FAQ]},
};
