// What the pods' Kubernetes events say about why a v2 deployment is stuck, as evidence for
// the diagnosis: Huawei's FAQ says the service events are only a summary and the reason
// lives here. A Kubernetes reason is the cluster's own name for what happened, so it gives
// the category; a ModelArts code inside a message is left to the code table.
// The pod events of one read are not tied to a pod (they are read for `all`), so a text
// names the pod whose name the message carries, or the only pod.
import {codesIn} from '../diagnosis/error-codes.js';
import type {ExtraEvidence, FailureCategory} from '../diagnosis/types.js';
import {sanitizeForTerminal} from '../events/sanitize.js';
import type {PodsReport, V2Pod, V2PodEvent} from '../wire/v2-types.js';

/** At most this many items: the diagnosis quotes a few facts, not a log. */
const MAX_ITEMS = 4;
/** Server text longer than this is cut: an evidence line is read, not scrolled. */
const MAX_MESSAGE = 240;

/** What one Warning event points to, and the words that say so. */
interface Reading {
	readonly category?: FailureCategory;
	readonly reason: string;
	/** Our words for it, with the names and numbers the message carries. */
	readonly what: string;
	/** Says only that something went wrong again (BackOff): the specific reason goes first. */
	readonly generic?: boolean;
}

const PULL = /\b(ErrImagePull|ImagePullBackOff|ErrImageNeverPull|InvalidImageName)\b/;
const PROBE = /\b(readiness|liveness|startup) probe failed:?\s*(.*)$/i;
const CRASH = /\b(OOMKilled|CrashLoopBackOff)\b/;

/** "nvidia.com/gpu, memory" from "0/3 nodes are available: 3 Insufficient nvidia.com/gpu, 1 Insufficient memory." */
function missingResources(message: string): string[] {
	return [...new Set([...message.matchAll(/\bInsufficient\s+([\w/-]+(?:\.[\w/-]+)*)/g)].map((match) => match[1]!))];
}

/** "HTTP 503" from "HTTP probe failed with statuscode: 503"; else what the probe said. */
function probeResult(rest: string): string {
	const status = /statuscode:\s*(\d{3})/i.exec(rest);
	if (status) return `HTTP ${status[1]!}`;
	return rest === '' ? 'a failure' : `"${rest}"`;
}

function readEvent(event: V2PodEvent): Reading | null {
	const {reason, message} = event;
	if (reason === 'FailedScheduling') {
		const missing = missingResources(message);
		return {category: 'resources', reason, what: missing.length === 0 ? 'the pod could not be scheduled' : `no node has enough ${missing.join(', ')}`};
	}
	const pull = PULL.exec(reason) ?? PULL.exec(message);
	if (pull || /\bfailed to pull image\b/i.test(message)) return {category: 'image_pull', reason: pull?.[1] ?? reason, what: 'the image could not be pulled'};
	const probe = PROBE.exec(message);
	if (reason === 'Unhealthy' && probe) return {category: 'health_check', reason, what: `the ${probe[1]!.toLowerCase()} probe got ${probeResult(probe[2]!.trim())}`};
	const crash = CRASH.exec(reason) ?? CRASH.exec(message);
	if (crash) return {category: 'startup', reason: crash[1]!, what: crash[1] === 'OOMKilled' ? 'the container ran out of memory' : 'the container keeps crashing'};
	if (reason === 'BackOff' && /restart/i.test(message)) return {category: 'startup', reason, what: 'the container keeps restarting', generic: true};
	if (reason === 'FailedMount' || reason === 'FailedAttachVolume') return {category: 'storage', reason, what: 'a volume could not be mounted'};
	// Anything else only counts when it carries a ModelArts code: the table reads that.
	return codesIn(message.toLowerCase()).length > 0 ? {reason, what: 'ModelArts reports'} : null;
}

/** The pod the message names, else the only pod. */
function podOf(message: string, pods: readonly V2Pod[]): V2Pod | null {
	return pods.find((pod) => pod.pod_name !== '' && message.includes(pod.pod_name)) ?? (pods.length === 1 ? pods[0]! : null);
}

/** The Normal reason after which a pod's trouble of this kind is over: it was scheduled, its image pulled. */
const RECOVERED_BY: Partial<Readonly<Record<FailureCategory, string>>> = {resources: 'Scheduled', image_pull: 'Pulled'};

/** A problem the pod got past counts no more, like a phase that recovered (a FailedScheduling before Scheduled). */
function recovered(event: V2PodEvent, reading: Reading, report: PodsReport): boolean {
	const by = reading.category === undefined ? undefined : RECOVERED_BY[reading.category];
	if (by === undefined || event.last_at === null) return false;
	const pod = podOf(event.message, report.pods);
	const after = event.last_at;
	return report.events.some((other) => other.type.toLowerCase() === 'normal' && other.reason === by && (other.last_at ?? 0) >= after && podOf(other.message, report.pods) === pod);
}

function textOf(event: V2PodEvent, reading: Reading, report: PodsReport): string {
	const pod = podOf(event.message, report.pods);
	const where = pod === null ? 'a pod' : `pod ${pod.pod_name}${pod.node === null ? '' : ` on ${pod.node}`}`;
	const deployment = report.deployments.length === 1 ? ` of deployment ${report.deployments[0]!.name}` : '';
	const count = event.count > 1 ? ` ×${event.count}` : '';
	const message = event.message.length > MAX_MESSAGE ? `${event.message.slice(0, MAX_MESSAGE - 1)}…` : event.message;
	return sanitizeForTerminal(`${where}${deployment}: ${reading.reason}${count}, ${reading.what}: ${message}`);
}

/**
 * The evidence items of the latest pods read: one per distinct Warning event that names a
 * cause (a Kubernetes reason, or a ModelArts code in its message) its pod has not got past,
 * latest first.
 */
export function podEvidence(report: PodsReport | null): ExtraEvidence[] {
	if (report === null) return [];
	const warnings = report.events
		.map((event, index) => ({event, index}))
		.filter(({event}) => event.type.toLowerCase() === 'warning')
		.sort((a, b) => (b.event.last_at ?? 0) - (a.event.last_at ?? 0) || b.index - a.index);
	const readings = warnings.flatMap(({event}) => {
		const reading = readEvent(event);
		return reading === null || recovered(event, reading, report) ? [] : [{event, reading}];
	});
	// A sort is stable: the specific reasons first, each kind latest first.
	readings.sort((a, b) => Number(a.reading.generic ?? false) - Number(b.reading.generic ?? false));
	const items: ExtraEvidence[] = [];
	const seen = new Set<string>();
	for (const {event, reading} of readings) {
		const key = `${event.reason}\n${event.message}`;
		if (seen.has(key)) continue;
		seen.add(key);
		const [code] = codesIn(event.message.toLowerCase());
		const at = event.first_at ?? event.last_at;
		items.push({
			source: 'pods',
			text: textOf(event, reading, report),
			...(reading.category === undefined ? {} : {category: reading.category}),
			...(code === undefined ? {} : {code}),
			...(at === null ? {} : {at}),
		});
		if (items.length >= MAX_ITEMS) break;
	}

	return items;
}
