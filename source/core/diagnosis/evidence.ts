// What one text says about why a deployment failed: an error code of the official appendix
// (error-codes.tsv), else the words of a cause. Words are read by family (stems, synonyms, a
// few Chinese and German console terms), not as whole sentences, because real services word
// the same cause in many ways. Only the head of a text is read and every pattern is linear.
import {headOf} from '../events/classify.js';
import {modelSlug} from '../events/model-attribution.js';
import type {PhaseId} from '../types.js';
import {codesIn, lookUpCode} from './error-codes.js';
import type {ErrorCodeRow} from './error-codes.js';
import type {DiagnosisBasis, FailureCategory} from './types.js';

const RESOURCE_NOUN = String.raw`(?:cpus?|vcpus?|cores?|memory|mem|gpus?|npus?|accelerators?|cards?|compute|resources?|nvidia|ascend|huawei\.com|ephemeral|capacity|nodes?|hosts?|machines?|flavou?rs?|specifications?)`;
/** "There is too little": before the thing that is short ("lacks free GPU cards"). */
const SCARCE_BEFORE = String.raw`(?:insufficient|not enough|lack\w*|short(?:age)? of|without (?:enough|sufficient))`;
/** "There is too little": after it ("GPUs are all occupied"). */
const SCARCE_AFTER = String.raw`(?:insufficient|not enough|exhausted|depleted|sold out|used up|occupied|in use|unavailable|not available|no longer available)`;
/** What a quota counts. */
const QUOTA_NOUN = String.raw`(?:real-time\s+)?(?:services|instances|deployments|nodes)\b`;
const LIMIT_NOUN = String.raw`(?:limit|allowance|maximum|cap|ceiling)\b`;

/**
 * An image label (tag) that does not exist or cannot be read while the image is built: a
 * build-time failure, so never a pull ("Label v2 does not exist in image …", "failed to
 * read the tags of image …").
 */
const IMAGE_LABEL =
	/^(?!.*\bpull)(?=.*\bimage)(?:.*\b(?:labels?|tags?)\b.{0,60}?\b(?:does not exist|do not exist|not found|missing|(?:cannot|could not) be (?:read|obtained|found))|.*\b(?:fail\w*|unable|could not|cannot|can't)\s+(?:to\s+)?(?:obtain|get|read|fetch|list|retrieve|query)\s+(?:the\s+)?(?:\S+\s+){0,2}?(?:labels?|tags?|tag list)\b|.*\bimage\b.{0,60}?\bdoes not have\b.{0,30}?\b(?:label|tag))/;

/**
 * A missing authorization (troubleshooting.md: the ModelArts agency, an IAM policy, OBS
 * rights, a flavour that must be applied for). A registry refusing an image pull is a pull
 * failure, with its own advice. "Permission" as one possibility among others is not enough:
 * the text must say a right is missing or refused.
 */
const PERMISSION =
	/^(?!.*\bpull)(?:.*\b(?:forbidden|access denied|permission denied|unauthori[sz]ed|not authori[sz]ed)\b|.*\b(?:no|not have|without|lacks?|missing|insufficient|whether you have)\s+(?:the\s+)?(?:\S+\s+){0,2}?(?:permissions?|access rights?|authori[sz]ation|access)\b|.*\bagency\b|.*\biam polic|.*obs:(?:object|bucket):|.*\bauthori[sz]ation does not exist|.*\b(?:ak\/sk|access key)\b.{0,40}?\b(?:unavailable|invalid|not found|does not exist|expired)|.*\bflavou?rs?\b.{0,40}?\b(?:apply for|application|approv))|权限不足|无权限|berechtigung/;

/**
 * An invalid deployment request or model configuration that no retry will fix: a parameter
 * value, a field, a port, the model configuration file, the layout of the model package, a
 * name already taken, a model that cannot be deployed this way.
 */
const CONFIG =
	/\b(?:invalid|illegal|unsupported|malformed|incorrect)\s+(?:\S+\s+){0,2}?(?:parameters?|values?|fields?|settings?|config\w*|arguments?|formats?|ports?|types?|specifications?)\b|\b(?:parameters?|values?|fields?|settings?|arguments?)\s+(?:\S+\s+){0,3}?(?:is|are)\s+(?:invalid|illegal|not supported|not allowed|out of range)|\binvalid\s+\S+\s+in\s+config\.json|(?:config\.json|configuration file|model config\w*)\b.{0,40}?\b(?:invalid|illegal|not valid|does not (?:comply|meet|conform)|breaks?|violat)|(?:more than one|multiple)\s+(?:\S+\s+){0,2}?model files?|\brequired (?:parameter|field)|\balready (?:exists|in use)|cannot be deployed as|参数非法|配置错误|ungültige?r? (?:parameter|wert|konfiguration)/;

/**
 * Word families, most specific first: a health-check or build failure that mentions a
 * time-out is still that failure; a pull that ran out of disk is a pull failure; "disk"
 * alone is storage. `timeout` is not here: it is the general cause, read last.
 */
const WORD_RULES: readonly (readonly [FailureCategory, RegExp])[] = [
	['health_check', /health|liveness|readiness|\bprobe|健康检查|integritätsprüfung|zustandsprüfung/],
	['image_build', IMAGE_LABEL],
	['permission', PERMISSION],
	['config', CONFIG],
	[
		'image_build',
		/\bbuild|\bbuilt\b|dockerfile|swr_location|dependenc|source image|creat\w*\s+(?:the\s+)?(?:model\s+|custom\s+)?image|image\s+(?:creat|build)|image\s+(?:cannot|could not|can't|was not|wasn't|failed to)\s+(?:be\s+)?(?:creat|buil)|push\w*\s+(?:the\s+)?image|image push|pip install|install\w*\s+(?:\S+\s+){0,2}(?:packages|dependencies|requirements|libraries|wheels)\b|\bconda\b|packag\w*\s+(?:of\s+)?(?:the\s+)?(?:model\s+)?image|image packag|^(?!.*\bpull).*(?:throttl|too many requests|rate[- ]limit)|requirements\.txt|could not find a version|no matching distribution|config\.json|non-custom|构建|镜像创建|image-erstellung|erstellen des images/,
	],
	[
		'quota',
		new RegExp(
			String.raw`quota|kontingent|配额|upper (?:limit|bound)|maximum number of ${QUOTA_NOUN}|number of ${QUOTA_NOUN}.{0,30}\b(?:exceed|reach|limit)|(?:service|instance|node)s? (?:limit|count) (?:has )?(?:reached|exceeded)|${LIMIT_NOUN}\s+(?:\S+\s+){0,3}${QUOTA_NOUN}|(?:${QUOTA_NOUN}|service count|instance count)\s+(?:\S+\s+){0,2}(?:exceed|reach|go(?:es)? over|(?:is |are )?over|(?:is |are )?beyond)\w*\s+(?:the\s+|its\s+|your\s+)?(?:\S+\s+)?${LIMIT_NOUN}|too many ${QUOTA_NOUN}`,
		),
	],
	[
		'resources',
		new RegExp(
			String.raw`${SCARCE_BEFORE}\s+(?:\S+\s+){0,2}${RESOURCE_NOUN}|${RESOURCE_NOUN}(?:\s+\S+)?\s+(?:is\s+|are\s+)?(?:all\s+|fully\s+)?${SCARCE_AFTER}|at (?:full )?capacity|out of capacity|(?:not|n't)\s+(?:\w+\s+){0,2}enough\s+${RESOURCE_NOUN}|allocatable|no\s+(?:idle\s+|available\s+|free\s+|spare\s+|remaining\s+|suitable\s+|matching\s+|eligible\s+|schedulable\s+|more\s+)?${RESOURCE_NOUN}|nodes? (?:are |is )?available|unschedulable|schedul\w*\s+(?:\w+\s+)?(?:fail|error)|fail\w* to schedul|(?:could not|cannot|can't|unable to) (?:be )?schedul|taint|affinity|pre-?warm|disk pressure|memory pressure|pool is full|资源不足|资源不够|调度失败|ressourcen`,
		),
	],
	['storage', /\bobs\b|obs:\/\/|\bbucket\b|(?:fetch|download|copy|copie|transfer)\w*\s+(?:the\s+)?model\s+(?:weights?|files?|artifacts?|data)\b|\bsfs\b|sfs turbo|\bmount|\bvolume|\bpvc\b|persistentvolume|\bnfs\b|file ?system|storage|download\w*\s+(?:of\s+)?(?:the\s+)?model|model (?:file|package|weights?)s?\b.{0,30}download|挂载|存储|einhängen/],
	['image_pull', /\bpull|imagepull|errimage|拉取|(?:fetch|download|unpack|extract|retriev|obtain)\w*\s+(?:\S+\s+){0,3}?(?:image|layers?)\b|image\s+layers?|image\s+(?:size|is\s+(?:too\s+)?(?:large|big|larger|bigger))|image\b.{0,40}\b(?:exceed|larger than|bigger than|more than|does not fit|doesn't fit)\w*.{0,30}\b(?:disk|space)|(?:larger|bigger)\s+than\s+the\s+(?:node'?s?\s+)?(?:free\s+)?disk|(?:fetch|download)\w*\s+(?:of\s+)?(?:the\s+)?image|image\s+(?:download|fetch)|manifest (?:unknown|not found)|abrufen|herunterladen/],
	['storage', /\bdisk|no space left|(?:out of|no) (?:free )?(?:room|space)\b|磁盘|festplatte|speicherplatz/],
	[
		'startup',
		/crash|restart|reboot|keeps?\s+(?:re-?start|crash|fail|dying|exit|going down)|exit\w*\s+unexpectedly|unexpectedly (?:exit|terminat|quit|stopp)|terminated (?:with|by) (?:exit|signal|code)|segfault|segmentation fault|core dump|sigkill|sigsegv|(?:container|process|pod|instance)\s+(?:\S+\s+){0,2}(?:died|dies|exited)|back-?off|\boom|out of memory|killed|exit(?:ed)?\s+(?:with\s+)?(?:code|status)|exit code|no module named|modulenotfound|importerror|\braised\b|\b(?:key|value|runtime|type|attribute|name|index|assertion|zerodivision)error\b|(?:unhandled|uncaught) exception|cannot import|traceback|base class|inference (?:script|code)|customize_service|warm-?up|(?:container|pod|instance|model|process)\b.{0,40}\b(?:fail\w*|unable|could not|cannot|did not|didn't|never) (?:to )?start|initiali[sz]\w*\s+fail|fail\w* to (?:initiali[sz]e|load (?:the )?model)|load\w*\s+(?:the\s+)?model\s+fail|fail\w* to start\s+(?:the\s+)?(?:container|pod|instance|model|process)|(?:model|container|pod|instance|process)\s+(?:start|launch)\w*\s+fail|exited abnormally|oci runtime|executable file not found|starting container process|exec format error|start\w*\s+(?:of\s+)?(?:the\s+)?(?:model|container|pod)\s+fail|(?:model|container|pod|instance) (?:is )?not ready|启动失败|重启|崩溃|konnte nicht gestartet|start fehlgeschlagen|absturz/,
	],
];

/**
 * Co-occurrence, read when no family above matched: the concepts of a cause anywhere in the
 * (short) head of a text, in any order and wording ("may run at most 10 services" is a quota,
 * "4 free Ascend chips" a lack of resources), unless a word says it is something else.
 */
const LOOSE_RULES: readonly (readonly [FailureCategory, readonly RegExp[], RegExp | null])[] = [
	[
		'quota',
		[/\b(?:services|instances|deployments|service count|instance count)\b/, /\b(?:at most|limit|maximum|max|allowance|cap|ceiling|no more|more than|exceed\w*|reached)\b/],
		/memory|\btime|minute|second|hour|duration|health|pull/,
	],
	[
		'resources',
		[
			new RegExp(String.raw`\b${RESOURCE_NOUN}|\bchips?\b|\bpool\b`),
			/insufficient|sufficient|enough|lack|short(?:age)? of|occupied|\bbusy|exhaust|sold out|\bstock\b|remaining|\bzero\b|unavailable|\bfree\b|\bidle\b|\bspare\b|\bavailable|satisf|\bfit|accommodat|room for|placement|\bplace\b|schedul|allocat|\boffer/,
		],
		/out of memory|\boom/,
	],
	['startup', [/\b(?:container|process|pod|instance|model server|server|worker)\b/, /\b(?:died|dies|crash\w*|abort\w*|exit\w*|stopp\w* unexpectedly|terminat\w*)\b/], /\btime|deadline/],
];

/** A time-out in other words: a time and that it ran out ("exceeded the 20 minute limit", "time budget exhausted"). */
const TIME_NOUN = /\b(?:time|minutes?|mins?|seconds?|hours?|duration|deadline|window)\b|\d+\s*(?:s|m|h|min)\b/;
const RAN_OUT = /exceed|\blimit|exhaust|expired|elapsed|ran out|run out|too long|\bover\b|budget|gave up|giving up|\bwait(?:ed|ing)\b/;

const TIMEOUT = /timed? ?out|time-?out|deadline exceeded|time limit|exceed\w*\s+(?:the\s+|its\s+)?(?:\S+\s+){0,2}(?:time|duration|deadline|window|wait)\b|(?:did not|didn't|failed to|could not|not) (?:complete|finish|succeed|end)\w*\s+(?:\S+\s+){0,2}(?:within|in time|before)|allotted|allowed time|(?:took|taking|takes) too long|too long to|ran out of time|zeitüberschreitung|zeitlimit|超时/;

/** The category a phase's failures usually mean, when the words name no cause. */
const PHASE_CATEGORIES: Readonly<Partial<Record<PhaseId, FailureCategory>>> = {
	image_building: 'image_build',
	resource_scheduling: 'resources',
	image_pulling: 'image_pull',
	model_startup: 'startup',
};

/** What a text says, and how strongly. */
export interface Reading {
	readonly category: FailureCategory;
	readonly basis: DiagnosisBasis;
	/** The appendix code the text names (the deciding one when `basis` is `code`), else null. */
	readonly code: string | null;
}

/** The appendix row a reading's code stands for (null when it names none). */
export function codeRowOf(reading: Reading, http: number | null = null): ErrorCodeRow | null {
	return reading.code === null ? null : lookUpCode(reading.code, http);
}

/** The rank of a basis in the conflict rule: a specific cause beats a general one. */
export const BASIS_RANK: Readonly<Record<DiagnosisBasis, number>> = {code: 5, words: 4, facts: 4, phase: 3, general: 2, duration: 1, none: 0};

/** The text without the models' names and slugs, so a model called "health-bot" cannot pick a cause. */
function withoutModels(lower: string, models: readonly string[]): string {
	let text = lower;
	for (const model of models) {
		const name = model.toLowerCase();
		if (name !== '') text = text.split(name).join(' ');
		const slug = modelSlug(model);
		if (slug !== '') text = text.split(slug).join(' ');
	}
	return text;
}

/**
 * One text's reading. A code of the appendix decides when its category says something (not
 * `unknown`, as for a generic "deployment failed"); else the most specific word family; else
 * the phase the event's wording names; else a time-out in words is the general cause; else
 * nothing is known. A code that decided nothing is still kept: the diagnosis quotes its meaning.
 */
export function readText(text: string, namedPhase: PhaseId | null, models: readonly string[]): Reading {
	const lower = withoutModels(headOf(text).toLowerCase(), models);
	const rows = codesIn(lower).flatMap((code) => lookUpCode(code) ?? []);
	const deciding = rows.find((row) => row.category !== 'unknown');
	if (deciding !== undefined) return {category: deciding.category, basis: 'code', code: deciding.code};
	const code = rows[0]?.code ?? null;
	for (const [category, pattern] of WORD_RULES) if (pattern.test(lower)) return {category, basis: 'words', code};
	for (const [category, concepts, unless] of LOOSE_RULES) {
		if (concepts.every((concept) => concept.test(lower)) && !unless?.test(lower)) return {category, basis: 'words', code};
	}
	const byPhase = namedPhase === null ? undefined : PHASE_CATEGORIES[namedPhase];
	if (byPhase !== undefined) return {category: byPhase, basis: 'phase', code};
	if (TIMEOUT.test(lower) || (TIME_NOUN.test(lower) && RAN_OUT.test(lower))) return {category: 'timeout', basis: 'general', code};
	return {category: 'unknown', basis: 'none', code};
}
