// Classification by meaning: ModelArts words the same step differently in the API, in the
// console and in Kubernetes-flavoured troubleshooting messages, so we look for the words
// that carry the meaning (phase nouns, success and failure verbs) rather than whole strings.
// Rules run from the most specific (the service as a whole) to the least (a phase).
import type {Classification, EventType, PhaseId} from '../types.js';
import {classifyChinese, hasChinese} from './classify-zh.js';
import {findModelTag} from './model-prefix.js';
import type {ModelTag} from './model-prefix.js';

/**
 * Only the head of a text is read: events are one sentence, and a megabyte of garbage must
 * classify as fast as a normal event. Every pattern below is linear (no nested quantifiers).
 */
const CLASSIFY_LIMIT = 2000;

const FAILURE =
	/fail|\berr|insufficient|timed? ?out|unable|cannot|can't|could not|retry later|crash|back-?off|\boom|out of memory|killed|exceed|unschedulable|denied|invalid|not found|evicted|unhealthy|refused|not ?ready|abnormal|exception/;
const SUCCESS =
	/success|succeeded|\bcreated\b|\bcompleted?\b|\bdone\b|\bstarted\b|\bfinished\b|\bbuilt\b|\bpulled\b|\bready\b|\bprepared\b|\bscheduled\b|\bassigned\b/;

/**
 * The service as a whole stopped, or its deployment failed for good: "Failed to deploy the
 * service", "Service deployment timed out", "The deployment exceeded its time limit",
 * "Service my-svc failed. Error: …" (the console's generic failure).
 */
const ENDED =
	/failed to (?:start|deploy|update) (?:the )?service|deployment (?:has )?(?:timed out|exceeded)|deploy(?:ment)? time-?out|rollback failed|failed to roll ?back|service deployment failed|^\s*service\s+\S+\s+failed\b.{0,3}error/;
const SERVICE_STOPPED = /\b(?:stopped|stopping|deleted|deleting)\b/;
/** A new lifecycle: deploy, start, update, restart or rollback of the service. */
const LIFECYCLE =
	/starts? to (?:deploy|update|start|restart|roll ?back)|start (?:deploying|updating)|being (?:deployed|updated|started|restarted|rolled back)|rolling back/;
/**
 * "Service my-service started.", "The service has been started.", "The service is running."
 * Anchored on the sentence shape so a service name like "failing-svc" cannot change it.
 */
const DEPLOYED =
	/^\s*(?:the )?service\s+(?:\S+\s+)?(?:has been |is |was )?(?:started|running|deployed)\b|service deployment succeeded|deployed successfully/;
/** Notices about the service that never move a phase. */
const NOTICE = /auto[ -]?stop|will stop after|licen[cs]e/;

/** Phase keywords, most specific first: "pulling model image" is pulling, not startup. */
const PHASE_RULES: readonly (readonly [PhaseId, RegExp])[] = [
	['image_pulling', /\bpull|errimagepull|imagepull/],
	['image_building', /image.{0,40}\b(?:build|built|creat)|\b(?:build|built|creat)\w*.{0,40}image/],
	['environment_preparation', /environment|\bprepar/],
	[
		'resource_scheduling',
		/schedul|\bresources?\b|insufficient|nodes are available|\bquota\b|\bflavou?r\b|\bassigned\b/,
	],
	[
		'model_startup',
		/\bstart\w*\s+(?:the\s+)?model|\bmodel\s+(?:is\s+)?start|container|\bpods?\b|crashloop|probe|health ?check|\boom|out of memory|restart|\binstances?\b/,
	],
];

function phaseOf(lower: string): PhaseId | null {
	for (const [phase, pattern] of PHASE_RULES) if (pattern.test(lower)) return phase;
	return null;
}

/** True when the wording (or the event type) says something went wrong. */
export function isFailureWording(info: string, type: EventType): boolean {
	return type === 'abnormal' || FAILURE.test(info.slice(0, CLASSIFY_LIMIT).toLowerCase());
}

function serviceSignal(lower: string): Classification['signal'] | null {
	if (ENDED.test(lower)) return 'ended';
	if (LIFECYCLE.test(lower)) return 'lifecycle';
	if (DEPLOYED.test(lower)) return 'deployed';
	if (lower.includes('service') && SERVICE_STOPPED.test(lower) && !NOTICE.test(lower)) return 'ended';
	if (NOTICE.test(lower)) return 'other';
	return null;
}

/** The part of a text that classification reads. */
export function headOf(info: string): string {
	return info.length > CLASSIFY_LIMIT ? info.slice(0, CLASSIFY_LIMIT) : info;
}

/**
 * What an event means. Never throws; text it does not understand is `other` (or a
 * phase-less `failure` when the event is abnormal), which never advances a phase.
 */
export function classifyEvent(info: string, type: EventType): Classification {
	const head = headOf(info);
	return classifyWithTag(head, type, findModelTag(head));
}

/**
 * The same, with the model tag already found: attribution finds tags the generic reader
 * cannot parse (a known model named "my model 1.0") and reclassifies without them.
 */
export function classifyWithTag(info: string, type: EventType, tag: ModelTag | null): Classification {
	const head = headOf(info);
	const model = tag?.model ?? null;
	// The model tag is read out first so a model named "image-puller" cannot pick a phase.
	const rest = tag ? `${head.slice(0, tag.start)} ${head.slice(tag.end)}` : head;
	const lower = rest.toLowerCase();
	const chinese = hasChinese(rest) ? classifyChinese(rest, type, model) : null;
	if (chinese !== null) return chinese;
	const failed = type === 'abnormal' || FAILURE.test(lower);

	const service = serviceSignal(lower);
	if (service !== null) return {phase: null, signal: service, model};

	const phase = phaseOf(lower);
	if (phase === null) return {phase: null, signal: failed ? 'failure' : 'other', model};
	if (failed) return {phase, signal: 'failure', model};
	return {phase, signal: SUCCESS.test(lower) ? 'success' : 'start', model};
}
