// The one place for what to do about each category (types.ts names them). The advice restates
// the documented fixes (../shared/troubleshooting.md) in our own words; it is plain ASCII so
// the --ascii view needs no stand-ins. The docs name pages of docs-links.ts.
import type {PhaseId} from '../types.js';
import type {DocPageId} from './docs-links.js';
import type {DiagnosisBasis, FailureCategory} from './types.js';

/** What decided the category, as the full diagnosis says it ("decided by …"). */
export const BASIS_WORDS: Readonly<Record<DiagnosisBasis, string>> = {
	code: 'an error code of the official error-code table',
	words: 'the words of the text',
	facts: "what was read about the model or its pool",
	phase: 'the phase it happened in',
	general: 'a time-out, with nothing more specific',
	none: 'nothing recognisable: the text is quoted as it is',
	duration: 'how long the phase has run',
};

interface Guidance {
	readonly advice: readonly string[];
	readonly docs: readonly DocPageId[];
}

export const FAILURE_GUIDANCE: Readonly<Record<FailureCategory, Guidance>> = {
	resources: {
		advice: [
			'ModelArts retries scheduling a few times; if capacity frees up meanwhile, the deployment carries on.',
			'Public pool: wait until others release capacity, then deploy again.',
			'Dedicated pool: pick a smaller or custom flavour, free or add nodes, or relax pre-warmed-node affinity.',
		],
		docs: ['resources'],
	},
	quota: {
		advice: [
			'Delete real-time services you no longer use (stopped or failed ones on the public pool still count).',
			'Or ask for a higher quota for the account or project.',
		],
		docs: ['deploying', 'serviceEvents', 'errorCodes'],
	},
	permission: {
		advice: [
			'Grant the ModelArts agency (Settings, access authorization) OBS and SWR rights for your buckets and images.',
			"The bucket policy must let the agency read the model; a flavour marked 'apply for' needs an approved request.",
			'Retrying does not help until the right is granted (a refused OBS download also shows as storage).',
		],
		docs: ['authorization', 'obsForbidden', 'errorCodes'],
	},
	config: {
		advice: [
			'Change the setting the text names: a config.json value, the health-check settings or the request.',
			'Then create a new model version (or fix the request) and deploy again; retrying as it is does not help.',
			'An invalid configuration found while building also fails the build: the build log names the field.',
		],
		docs: ['modelConfig', 'modelEvents', 'errorCodes'],
	},
	image_build: {
		advice: [
			"Read the model's build log (its events; the console links it) to find the step that broke.",
			'Custom images: install dependencies in the Dockerfile, not in config.json; other models must not set swr_location.',
			'If the image registry (SWR) throttled or refused the build, try again later.',
		],
		docs: ['modelEvents'],
	},
	image_pull: {
		advice: [
			"The node's free disk may be smaller than the image: make the image smaller.",
			'If it keeps failing, use a dedicated pool with larger disks, or ask your administrator.',
			'A pull failure with an empty Logs tab usually means the model is too large.',
		],
		docs: ['imagePull'],
	},
	storage: {
		advice: [
			"Check the model's OBS path and that the service is allowed to read it.",
			'SFS Turbo: check the file system is associated with the pool and reachable on its network.',
			"Check the node's free disk space.",
		],
		docs: ['troubleshooting', 'errorCodes'],
	},
	health_check: {
		advice: [
			"The probe calls protocol + health URL + container port: make port and path in the model's configuration match what the image serves (8080 unless changed).",
			'Check http versus https for the probe.',
			'Give a slow-loading model a health-check delay long enough to initialise.',
		],
		docs: ['healthCheck', 'timeout', 'stillDeploying'],
	},
	startup: {
		advice: [
			"Read the container logs in the service's Logs tab.",
			'Fix the image or the inference code (a missing Python module, the wrong base class for the model type, missing warm-up files).',
			'Then create a new model version and deploy it again.',
		],
		docs: ['imageRestarts', 'noModule'],
	},
	timeout: {
		advice: [
			'Look at the phase that was still running when time ran out.',
			'Large models need a longer deployment timeout (3 to 120 minutes; 20 by default).',
			'Configure a health-check delay so a slow model is not judged before it is up.',
		],
		docs: ['timeout', 'stillDeploying'],
	},
	unknown: {
		advice: [
			'Nothing in the events or the error message matches a known cause: read them in full.',
			"The model's events and the service's Logs tab in the console often say more.",
		],
		docs: ['troubleshooting', 'serviceEvents'],
	},
};

/** For a slow phase: its usual causes (one line) and where to read more. */
export const SLOW_GUIDANCE: Readonly<Record<PhaseId, {readonly cause: string; readonly docs: readonly DocPageId[]}>> = {
	image_building: {cause: "Builds that install many dependencies take long; the model's build log shows the current step.", docs: ['modelEvents']},
	environment_preparation: {cause: 'Preparing the environment downloads the model: large models or slow OBS access take time.', docs: ['troubleshooting']},
	resource_scheduling: {cause: 'ModelArts is waiting for capacity: repeated "not enough resources" events mean the pool is full.', docs: ['resources']},
	image_pulling: {cause: "Large images pull slowly, and the node's disk may be smaller than the image.", docs: ['imagePull']},
	model_startup: {cause: "A model whose port or health-check path is wrong stays here without events until the timeout: check both.", docs: ['stillDeploying', 'healthCheck']},
};
