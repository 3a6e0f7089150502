// One scenario per diagnosis category (issue 13), plus the two-model failure of its "done
// when". Each is worded unlike the examples of ../shared/troubleshooting.md: other models and
// numbers, console sentences, Kubernetes detail, a Chinese and a German console, so the demo
// shows the diagnosis on text it was not written against. Times are scenario-ms at speed 1.
import type {HistoryEvent, Scenario, ScenarioEvent, ScenarioModel, ScenarioStep} from './types.js';
import {deployment, failed, MINUTE, model, RUNNING, SECOND, spaced, tag} from './builders.js';
import {project} from './basic.js';
import {api} from './wording.js';

const abnormal = (info: string): ScenarioEvent => ({type: 'abnormal', info});

/** The API wording from "start to deploy" up to the phase named, one gap per event. */
function until(m: ScenarioModel, phase: 'environment' | 'scheduling' | 'pulling' | 'startup'): [number, ScenarioEvent][] {
	const t = tag(m);
	const steps: ScenarioEvent[] = [api.startDeploy(), api.buildingImage(t), api.buildImageSuccess(t), api.preparingEnvironment()];
	if (phase !== 'environment') steps.push(api.prepareEnvironmentSuccess(t));
	if (phase === 'pulling' || phase === 'startup') steps.push(api.scheduleResourceSuccess(t), api.pullingImage(t));
	if (phase === 'startup') steps.push(api.pullImageSuccess(t), api.startingModel(t));
	return spaced(0, steps.map((event, index) => [index === 0 ? 0 : 2 * SECOND, event] as const));
}

/** A single-model deployment that fails with `errorMsg` after `failAt`. */
function failing(name: string, description: string, m: ScenarioModel, entries: readonly (readonly [number, ScenarioEvent])[], errorMsg: string, failAt: number): Scenario {
	return {
		name,
		description,
		services: project({name: `${m.name}-svc`, description, initial: {status: 'deploying', progress: 0}, models: [m], history: [], steps: deployment(entries, {after: failAt, status: failed(errorMsg)})}),
	};
}

const DETECTOR = model('detector', '2.4.1');
const resources = failing(
	'why-resources',
	'GPU scheduling keeps failing (Kubernetes detail: taints, no GPU left); the service times out: resources.',
	DETECTOR,
	[
		...until(DETECTOR, 'scheduling'),
		[20 * SECOND, abnormal(`[${tag(DETECTOR)}] Scheduling failed: 0/6 nodes are available: 4 Insufficient nvidia.com/gpu, 2 node(s) had untolerated taint {node.kubernetes.io/disk-pressure}.`)],
		[27 * SECOND, abnormal(`[${tag(DETECTOR)}] Scheduling failed: 0/6 nodes are available: 6 Insufficient nvidia.com/gpu.`)],
		[34 * SECOND, abnormal(`[${tag(DETECTOR)}] Scheduling failed: 0/6 nodes are available: 6 Insufficient nvidia.com/gpu.`)],
	],
	`Deployment timed out after 20 minutes: ${tag(DETECTOR)} could not be scheduled (not enough GPU in the dedicated pool).`,
	42 * SECOND,
);

const ROUTER = model('intent-router', '3.1.0');
const quota = failing(
	'why-quota',
	'A Chinese console: the project has used all its real-time services; the deploy fails at once: quota.',
	ROUTER,
	[[0, api.startDeploy()], [3 * SECOND, abnormal('实时服务配额不足：当前项目已使用 20/20 个实时服务，请删除不再使用的服务。')]],
	'部署服务失败：实时服务配额已用完。',
	8 * SECOND,
);

const OCR = model('ocr-det', '1.3.0');
const imageBuild = failing(
	'why-image-build',
	'pip cannot install a dependency while the model image is built: image_build.',
	OCR,
	[
		[0, api.startDeploy()],
		[2 * SECOND, api.buildingImage(tag(OCR))],
		[31 * SECOND, abnormal(`model (${tag(OCR)}) build image failed: step 5/9 RUN pip install -r requirements.txt returned exit code 1 (paddleocr==2.7.0 has no wheel for this platform)`)],
	],
	`Model image build failed for ${tag(OCR)}; see the build log for details.`,
	36 * SECOND,
);

const ASR = model('asr-large', 'v3.2');
const imagePull = failing(
	'why-image-pull',
	'A 38 GiB image does not fit on the node disk; the pull retries, then the deploy fails: image_pull.',
	ASR,
	[
		...until(ASR, 'pulling'),
		[24 * SECOND, abnormal(`[${tag(ASR)}] image pull failed: write /var/lib/docker/tmp: no space left on device (image 38.2 GiB, node free 30.1 GiB); retrying`)],
		[33 * SECOND, abnormal(`[${tag(ASR)}] image pull failed: write /var/lib/docker/tmp: no space left on device (image 38.2 GiB, node free 30.1 GiB); retrying`)],
	],
	`Service deployment failed: the image of ${tag(ASR)} could not be fetched onto any node.`,
	40 * SECOND,
);

const CHAT = model('llm-chat', '0.9.2');
const storage = failing(
	'why-storage',
	'The model cannot be read from OBS (403) and a volume does not attach (ModelArts.8506): storage.',
	CHAT,
	[...until(CHAT, 'environment'), [22 * SECOND, abnormal(`[${tag(CHAT)}] prepare environment failed: downloading the model from obs://ml-team/models/llm-chat/0.9.2/ returned 403 AccessDenied`)]],
	'ModelArts.8506: the shared file system could not be attached to the instance.',
	38 * SECOND,
);

const TAGGER = model('pos-tagger', '0.4.0');
const config = failing(
	'why-config',
	"The model's config.json names a runtime ModelArts does not offer; the build stops at once: config.",
	TAGGER,
	[
		[0, api.startDeploy()],
		[2 * SECOND, api.buildingImage(tag(TAGGER))],
		[9 * SECOND, abnormal(`model (${tag(TAGGER)}) build image failed: config.json field "runtime" has the illegal value "python3.12" (allowed: python3.7, python3.9)`)],
	],
	`Failed to create the model image for ${tag(TAGGER)}: its model configuration is not valid.`,
	14 * SECOND,
);

const SUMMARISER = model('summariser', '2.2.0');
const permission = failing(
	'why-permission',
	'The ModelArts agency may not read the bucket the model lives in; environment preparation stops: permission.',
	SUMMARISER,
	[
		...until(SUMMARISER, 'environment'),
		[18 * SECOND, abnormal(`[${tag(SUMMARISER)}] prepare environment failed: agency ma_agency_team7 lacks obs:object:GetObject on obs://nlp-prod/summariser/2.2.0/`)],
	],
	'Service deployment failed: ModelArts is not authorized to read the model files.',
	26 * SECOND,
);

const FAQ = model('faq-bot', '1.2.0');
const HEALTH_TIMEOUT = `The deployment exceeded its time limit while waiting for ${tag(FAQ)} to become healthy.`;
const probeFailed = abnormal(`[${tag(FAQ)}] Readiness probe failed: Get "https://10.0.3.17:8080/v1/healthz": http: server gave HTTP response to HTTPS client`);
const healthCheck = failing(
	'why-health-check',
	'The readiness probe speaks https to a model serving http, until the deployment times out: health_check.',
	FAQ,
	[...until(FAQ, 'startup'), [24 * SECOND, probeFailed], [30 * SECOND, probeFailed], [36 * SECOND, probeFailed], [44 * SECOND, abnormal(HEALTH_TIMEOUT)]],
	HEALTH_TIMEOUT,
	44 * SECOND,
);

const SENTIMENT = model('sentiment', '1.1.0');
const startup = failing(
	'why-startup',
	'The model process exits (No module named transformers) and its container keeps restarting: startup.',
	SENTIMENT,
	[
		...until(SENTIMENT, 'startup'),
		[24 * SECOND, abnormal(`[${tag(SENTIMENT)}] model process exited with code 1: ModuleNotFoundError: No module named 'transformers'`)],
		[32 * SECOND, abnormal('Back-off restarting failed container model in pod sentiment-1-1-0-6c9d4-xk2lq')],
	],
	'Failed to deploy the service: the container restarted 5 times (CrashLoopBackOff).',
	40 * SECOND,
);

const FORECAST = model('forecast', '5.0.1');
const timeout = failing(
	'why-timeout',
	'A German console: the model starts and then nothing happens until the time limit: timeout.',
	FORECAST,
	[...until(FORECAST, 'startup'), [41 * SECOND, abnormal('Zeitüberschreitung: Die Bereitstellung des Dienstes wurde nach 30 Minuten abgebrochen.')]],
	'Die Bereitstellung ist fehlgeschlagen: Zeitlimit (30 min) überschritten.',
	42 * SECOND,
);

const EMBEDDER = model('embedder', '4.0.0');
const unknown = failing(
	'why-unknown',
	'An internal state error nobody documents, then an internal error: unknown.',
	EMBEDDER,
	[...until(EMBEDDER, 'startup'), [30 * SECOND, abnormal(`[${tag(EMBEDDER)}] unexpected state transition RUNNING -> UNKNOWN (code E-UNK-42)`)]],
	'An internal error occurred; contact technical support with request ID 5f0c9a7e.',
	38 * SECOND,
);

const VISION = model('vision-xl', '5.0.0');
const v = tag(VISION);
/** Deployed 18 minutes before the clock starts; pulling for the last 12. */
const SLOW_HISTORY: HistoryEvent[] = (
	[
		[18 * MINUTE, api.startDeploy()],
		[17 * MINUTE, api.buildingImage(v)],
		[15 * MINUTE, api.buildImageSuccess(v)],
		[14 * MINUTE, api.preparingEnvironment()],
		[13 * MINUTE, api.prepareEnvironmentSuccess(v)],
		[12 * MINUTE + 10 * SECOND, api.scheduleResourceSuccess(v)],
		[12 * MINUTE, api.pullingImage(v)],
	] as const
).map(([ago, event]) => ({...event, ago}));
const SLOW_STEPS: ScenarioStep[] = [
	{after: 45 * SECOND, event: {type: 'normal', info: `[${v}] image pulled (41.7 GiB in 12m45s)`}, status: {progress: 85}},
	{after: 46 * SECOND, event: api.startingModel(v), status: {progress: 90}},
	{after: 58 * SECOND, status: RUNNING},
];
const slow: Scenario = {
	name: 'why-slow',
	description: 'A 41 GiB image has been pulling for 12 minutes, 2 minutes before the timeout; it then arrives: slow.',
	services: project({name: 'vision-xl-svc', description: 'Large vision model', initial: {status: 'deploying', progress: 60}, models: [VISION], history: SLOW_HISTORY, steps: SLOW_STEPS}),
};

const RANKER = model('ranker', '2.0.0-rc1', 50);
const EMBED = model('embedder', '1.4.2', 50);
const r = tag(RANKER);
const e = tag(EMBED);
const twoModels: Scenario = {
	name: 'why-two-models',
	description: "One model's pull fails while the other's works; a pod failure names only its deployment: image_pull on ranker.",
	services: project({
		name: 'search-svc',
		description: 'Ranker and embedder behind one endpoint',
		initial: {status: 'deploying', progress: 0},
		models: [RANKER, EMBED],
		history: [],
		steps: deployment(
			[
				[0, api.startDeploy()],
				[1 * SECOND, api.buildingImage(r)],
				[2 * SECOND, api.buildingImage(e)],
				[9 * SECOND, api.buildImageSuccess(e)],
				[11 * SECOND, api.buildImageSuccess(r)],
				[12 * SECOND, api.preparingEnvironment()],
				[15 * SECOND, api.prepareEnvironmentSuccess(r)],
				[16 * SECOND, api.prepareEnvironmentSuccess(e)],
				[18 * SECOND, api.scheduleResourceSuccess(e)],
				[19 * SECOND, api.scheduleResourceSuccess(r)],
				[20 * SECOND, api.pullingImage(r)],
				[21 * SECOND, api.pullingImage(e)],
				[27 * SECOND, abnormal(`[${r}] pull image failed: unexpected EOF while reading layer sha256:9f2c41d0, retrying`)],
				[29 * SECOND, api.pullImageSuccess(e)],
				[30 * SECOND, api.startingModel(e)],
				[36 * SECOND, abnormal('[ranker-2-0-0-rc1-7d9f] pod container failed to start: back-off 2m40s restarting')],
			],
			{after: 41 * SECOND, status: failed(`Failed to deploy the service: model ${r} has no ready instance.`)},
		),
	}),
};

export const DIAGNOSIS_SCENARIOS: readonly Scenario[] = [resources, quota, permission, config, imageBuild, imagePull, storage, healthCheck, startup, timeout, unknown, slow, twoModels];
