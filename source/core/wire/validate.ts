// Shape validation of ModelArts responses, tolerant by design: a watch that stops on one
// malformed event is worse than one that skips it and says so. The api layer calls these
// and passes `problems` on as diagnostics.
import type {ApiEvent, CustomSpec, ServiceDetails, ServiceModelConfig, ServiceSummary} from '../types.js';
import {bump, describeDrops, isObject, pickOptional, readAmount, readCount, readNumber, readString, readTime} from './coerce.js';
import type {JsonObject} from './coerce.js';
import {counted} from '../words/plural.js';

/** A validated events page. `total_count` is null when the server did not send a usable one. */
export interface EventsPayload {
	readonly events: ApiEvent[];
	readonly total_count: number | null;
	readonly service_id: string | null;
	readonly service_name: string | null;
	/** Human-readable notes about what was dropped or missing; empty when all was well. */
	readonly problems: string[];
}

export interface ServiceDetailsPayload {
	/** Null when the response is not a service (no usable service_id or status). */
	readonly details: ServiceDetails | null;
	readonly problems: string[];
}

export interface ServicesPayload {
	readonly services: ServiceSummary[];
	readonly total_count: number | null;
	readonly problems: string[];
}

/** One event, or the name of the first field that made it unusable. */
function readEvent(raw: unknown): ApiEvent | string {
	if (!isObject(raw)) return 'event';
	const event_type = readString(raw.event_type);
	if (event_type === undefined) return 'event_type';
	const event_info = readString(raw.event_info);
	if (event_info === undefined) return 'event_info';
	const occur_time = readTime(raw.occur_time);
	if (occur_time === undefined) return 'occur_time';
	return {event_type, event_info, occur_time};
}

/** Validate `GET …/events`: `events: null` or absent reads as none; bad events are dropped and counted. */
export function validateEventsPayload(json: unknown): EventsPayload {
	if (!isObject(json)) {
		return {events: [], total_count: null, service_id: null, service_name: null, problems: ['response is not a JSON object']};
	}
	const problems: string[] = [];
	const rawEvents = json.events ?? [];
	if (!Array.isArray(rawEvents)) problems.push('events is not an array');
	const events: ApiEvent[] = [];
	const reasons = new Map<string, number>();
	for (const raw of Array.isArray(rawEvents) ? rawEvents : []) {
		const event = readEvent(raw);
		if (typeof event === 'string') bump(reasons, event);
		else events.push(event);
	}
	problems.push(...describeDrops('event', reasons));
	const total_count = readCount(json.total_count) ?? null;
	if (total_count === null) problems.push('total_count missing or invalid');
	return {
		events,
		total_count,
		service_id: readString(json.service_id) ?? null,
		service_name: readString(json.service_name) ?? null,
		problems,
	};
}

const readNullableNumber = (value: unknown): number | null | undefined => (value === null ? null : readNumber(value));
const readNullableString = (value: unknown): string | null | undefined => (value === null ? null : readString(value));

/** `custom_spec` of a model (details or update log); undefined when none of it is usable. */
export function readCustomSpec(value: unknown): CustomSpec | undefined {
	if (!isObject(value)) return undefined;
	const spec = pickOptional<CustomSpec>(value, {cpu: readAmount, memory: readAmount, gpu_p4: readAmount});
	return Object.keys(spec).length > 0 ? spec : undefined;
}

function readModelConfig(raw: unknown): ServiceModelConfig | null {
	if (!isObject(raw)) return null;
	return pickOptional<ServiceModelConfig>(raw, {
		model_id: readString,
		model_name: readString,
		model_version: readString,
		status: readString,
		weight: readNumber,
		instance_count: readNumber,
		specification: readString,
		custom_spec: readCustomSpec,
		pool_name: readString,
	});
}

const SUMMARY_TIMES = {publish_at: readTime, transition_at: readTime, update_time: readTime} as const;

function readSummary(raw: JsonObject): ServiceSummary | null {
	const service_id = readString(raw.service_id);
	const status = readString(raw.status);
	if (service_id === undefined || status === undefined) return null;
	const service_name = readString(raw.service_name) ?? '';
	return {service_id, service_name, status, ...pickOptional<ServiceSummary>(raw, {...SUMMARY_TIMES, infer_type: readString})};
}

/** `config` as sent, or parsed when it arrives as a JSON string (python-otcextensions does the same). */
function configList(raw: unknown): unknown {
	if (typeof raw !== 'string') return raw;
	try {
		return JSON.parse(raw) as unknown;
	} catch {
		return raw;
	}
}

/** Validate `GET /services/{id}`: service_id and status are required, the rest is optional. */
export function validateServiceDetails(json: unknown): ServiceDetailsPayload {
	if (!isObject(json)) return {details: null, problems: ['response is not a JSON object']};
	const summary = readSummary(json);
	if (summary === null) return {details: null, problems: ['service_id or status missing']};
	const problems: string[] = [];
	const rawConfig = configList(json.config);
	let config: ServiceModelConfig[] | undefined;
	if (Array.isArray(rawConfig)) {
		config = rawConfig.map(readModelConfig).filter((entry): entry is ServiceModelConfig => entry !== null);
		if (config.length < rawConfig.length) problems.push(`${rawConfig.length - config.length} config entries dropped`);
	} else if (rawConfig !== undefined && rawConfig !== null) {
		problems.push('config is not an array');
	}
	const extra = pickOptional<ServiceDetails>(json, {progress: readNullableNumber, error_msg: readNullableString, due_time: readTime, pool_name: readString});
	return {details: {...summary, ...extra, ...(config ? {config} : {})}, problems};
}

/** Validate `GET /services`: rows without service_id or status are dropped and counted. */
export function validateServicesPage(json: unknown): ServicesPayload {
	if (!isObject(json)) return {services: [], total_count: null, problems: ['response is not a JSON object']};
	const problems: string[] = [];
	const rawServices = json.services ?? [];
	if (!Array.isArray(rawServices)) problems.push('services is not an array');
	const services: ServiceSummary[] = [];
	let dropped = 0;
	for (const raw of Array.isArray(rawServices) ? rawServices : []) {
		const summary = isObject(raw) ? readSummary(raw) : null;
		if (summary === null) dropped++;
		else services.push(summary);
	}
	if (dropped > 0) problems.push(`${counted(dropped, 'service')} dropped (no service_id or status)`);
	const total_count = readCount(json.total_count) ?? null;
	if (total_count === null) problems.push('total_count missing or invalid');
	return {services, total_count, problems};
}
