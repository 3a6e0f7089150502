// Tolerant validation of v2 answers, as validate.ts does for v1: unusable records are
// dropped and counted, optional fields that cannot be read are left out, and every problem
// is described so the client can say it once. Nothing here throws.
import {bump, describeDrops, isObject, readCount, readString, readTime} from './coerce.js';
import type {JsonObject} from './coerce.js';
import type {V2Deployment, V2Event, V2Instance, V2Page, V2Pod, V2PodEvent, V2ServiceDetails, V2ServiceSummary} from './v2-types.js';

/** A validated value with what was wrong with the answer; `value` null when it is not one at all. */
export interface Checked<T> {
	readonly value: T;
	readonly problems: string[];
}

const nullable = <T>(value: T | undefined): T | null => value ?? null;

/** The details, or null without a usable id or status. */
export function validateV2Service(json: unknown): Checked<V2ServiceDetails | null> {
	if (!isObject(json)) return {value: null, problems: ['response is not a JSON object']};
	const id = readString(json.id);
	const status = readString(json.status);
	if (id === undefined || status === undefined) return {value: null, problems: ['id or status missing']};
	const problems: string[] = [];
	const create_at = nullable(readTime(json.create_at));
	const update_at = nullable(readTime(json.update_at));
	if (create_at !== null && update_at !== null && update_at < create_at) problems.push('update_at is earlier than create_at');
	const timeout = readCount(json.deploy_timeout_minutes);
	if (json.deploy_timeout_minutes !== undefined && json.deploy_timeout_minutes !== null && timeout === undefined) problems.push('deploy_timeout_minutes is not a number of minutes');
	const reason = json.failure_reason;
	if (reason !== undefined && reason !== null && typeof reason !== 'string') problems.push('failure_reason is not text');
	return {
		value: {id, name: readString(json.name) ?? '', status, failure_reason: nullable(readString(reason)), deploy_timeout_minutes: nullable(timeout), create_at, update_at},
		problems,
	};
}

function readEvent(raw: unknown, problems: Set<string>): V2Event | string {
	if (!isObject(raw)) return 'event';
	const id = readString(raw.id) ?? (typeof raw.id === 'number' ? String(raw.id) : undefined);
	if (id === undefined) return 'id';
	const event_info = readString(raw.event_info) ?? readString(raw.event_info_cn);
	if (event_info === undefined) return 'event_info';
	const create_at = readTime(raw.create_at) ?? readTime(raw.update_at);
	if (create_at === undefined) return 'create_at';
	let update_at = readTime(raw.update_at) ?? create_at;
	if (update_at < create_at) {
		problems.add('an event has update_at earlier than create_at (its first time is used)');
		update_at = create_at;
	}
	const count = readCount(raw.event_count);
	if (count === undefined) problems.add('event_count missing or invalid (taken as 1)');
	return {id, event_type: readString(raw.event_type) ?? 'NORMAL', event_info, event_info_cn: nullable(readString(raw.event_info_cn)), event_count: Math.max(1, count ?? 1), create_at, update_at};
}

/** The records of a v2 page (`data`), read with `read`; dropped ones counted under `what`. */
function pageOf<T>(json: unknown, what: string, read: (raw: unknown, problems: Set<string>) => T | string): Checked<V2Page<T>> {
	if (!isObject(json)) return {value: {total: 0, items: []}, problems: ['response is not a JSON object']};
	const problems = new Set<string>();
	const raw = json.data ?? [];
	if (!Array.isArray(raw)) problems.add(`data is not a list of ${what}`);
	const items: T[] = [];
	const reasons = new Map<string, number>();
	for (const entry of Array.isArray(raw) ? raw : []) {
		const item = read(entry, problems);
		if (typeof item === 'string') bump(reasons, item);
		else items.push(item);
	}
	const total = readCount(json.total);
	if (total === undefined) problems.add('total missing or invalid');
	return {value: {total: total ?? items.length, items}, problems: [...problems, ...describeDrops(what, reasons)]};
}

export function validateV2Events(json: unknown): Checked<V2Page<V2Event>> {
	return pageOf(json, 'events', readEvent);
}

/** A count the watch shows (instances running/wanted): unknown when missing or not a count, and said. */
function countOrNull(raw: JsonObject, field: string, problems: Set<string>): number | null {
	const count = readCount(raw[field]);
	if (count === undefined) problems.add(`${field} missing or not a count (shown as unknown)`);
	return nullable(count);
}

export function validateV2Deployments(json: unknown): Checked<V2Page<V2Deployment>> {
	return pageOf(json, 'deployments', (raw, problems) => {
		if (!isObject(raw)) return 'deployment';
		const name = readString(raw.name);
		if (name === undefined) return 'name';
		return {id: readString(raw.id) ?? name, name, status: readString(raw.status) ?? '', count: countOrNull(raw, 'count', problems), running_count: countOrNull(raw, 'running_count', problems)};
	});
}

export function validateV2Instances(json: unknown): Checked<V2Page<V2Instance>> {
	return pageOf(json, 'instances', (raw, problems) => {
		if (!isObject(raw)) return 'instance';
		const instance_name = readString(raw.instance_name);
		if (instance_name === undefined) return 'instance_name';
		return {instance_name, status: readString(raw.status) ?? '', pod_count: countOrNull(raw, 'pod_count', problems), running_pod_count: countOrNull(raw, 'running_pod_count', problems)};
	});
}

export function validateV2Pods(json: unknown): Checked<V2Page<V2Pod>> {
	return pageOf(json, 'pods', (raw) => {
		if (!isObject(raw)) return 'pod';
		const pod_name = readString(raw.pod_name);
		if (pod_name === undefined) return 'pod_name';
		return {pod_name, status: readString(raw.status) ?? '', node: nullable(readString(raw.pod_node_name) ?? readString(raw.pod_node_ip))};
	});
}

function readPodEvent(raw: unknown): V2PodEvent | string {
	if (!isObject(raw)) return 'event';
	const reason = readString(raw.reason);
	if (reason === undefined) return 'reason';
	const first_at = nullable(readTime(raw.first_timestamp ?? raw.firstTimestamp));
	const last_at = nullable(readTime(raw.last_timestamp ?? raw.lastTimestamp)) ?? first_at;
	return {type: readString(raw.type) ?? 'Normal', reason, message: readString(raw.message) ?? '', count: Math.max(1, readCount(raw.count) ?? 1), first_at, last_at};
}

/** The list inside an object body: the SDK models a bare array, but a wrapped one must not be lost. */
function wrappedList(json: JsonObject): unknown[] | null {
	for (const key of ['body', 'events', 'data', 'items']) if (Array.isArray(json[key])) return json[key] as unknown[];
	return null;
}

/** Pod events: a top-level array (§13.8); an object holding one is read too, and said. */
export function validateV2PodEvents(json: unknown): Checked<V2PodEvent[]> {
	const problems: string[] = [];
	let raw: unknown[] | null = Array.isArray(json) ? json : null;
	if (raw === null) {
		raw = isObject(json) ? wrappedList(json) : null;
		problems.push(raw === null ? 'the answer is not a list of events (read as none)' : 'the answer is an object, not a list (its list is read)');
	}
	const events: V2PodEvent[] = [];
	const reasons = new Map<string, number>();
	for (const entry of raw ?? []) {
		const event = readPodEvent(entry);
		if (typeof event === 'string') bump(reasons, event);
		else events.push(event);
	}
	return {value: events, problems: [...problems, ...describeDrops('pod events', reasons)]};
}

export function validateV2Services(json: unknown): Checked<V2Page<V2ServiceSummary>> {
	return pageOf(json, 'services', (raw) => {
		if (!isObject(raw)) return 'service';
		const id = readString(raw.id);
		if (id === undefined) return 'id';
		return {id, name: readString(raw.name) ?? '', status: readString(raw.status) ?? '', create_at: nullable(readTime(raw.create_at))};
	});
}
