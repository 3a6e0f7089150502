// Shape validation of `GET /v1/{project_id}/models/{model_id}` (modelarts-api-evidence.md
// §10): the model's status and its health checks. Probes sit in the top-level `health` and
// inside the `config` JSON string (`health`, `readiness_health`, `startup_health`), their
// numbers as strings. A probe whose numbers cannot be read is left out and named in
// `problems`: a budget computed from a guess would blame the wrong thing.
import {isObject, readNumber, readString, type JsonObject} from './coerce.js';
import type {ModelFacts, Probe, ProbeKind} from '../evidence/types.js';

export interface ModelDetailsPayload {
	readonly facts: ModelFacts | null;
	readonly problems: readonly string[];
}

const PROBE_KINDS: readonly ProbeKind[] = ['startup_health', 'readiness_health', 'health'];

/** A non-negative number of seconds or checks. */
function readSeconds(value: unknown): number | undefined {
	const seconds = readNumber(value);
	return seconds !== undefined && seconds >= 0 ? seconds : undefined;
}

/** The console's defaults (§10.3) stand in for numbers that are absent, never for unreadable ones. */
const DEFAULTS = {initial_delay_seconds: 12, period_seconds: 5, failure_threshold: 12} as const;

function readProbe(kind: ProbeKind, raw: JsonObject, problems: string[]): Probe | null {
	const numbers: Record<keyof typeof DEFAULTS, number> = {...DEFAULTS};
	for (const field of Object.keys(DEFAULTS) as (keyof typeof DEFAULTS)[]) {
		if (raw[field] === undefined || raw[field] === null) continue;
		const value = readSeconds(raw[field]);
		if (value === undefined) {
			problems.push(`model ${kind}.${field} is not a number (${JSON.stringify(raw[field]).slice(0, 40)})`);
			return null;
		}
		numbers[field] = value;
	}
	const method = readString(raw.check_method) ?? null;
	return {
		kind,
		method,
		protocol: readString(raw.protocol) ?? null,
		target: (method?.toUpperCase() === 'EXEC' ? readString(raw.command) : readString(raw.url)) ?? readString(raw.url) ?? null,
		initialDelaySeconds: numbers.initial_delay_seconds,
		periodSeconds: numbers.period_seconds,
		failureThreshold: numbers.failure_threshold,
		timeoutSeconds: readSeconds(raw.timeout_seconds) ?? null,
	};
}

/** `config` is documented as a JSON string; an object is taken as it is. */
function configObject(value: unknown, problems: string[]): JsonObject | null {
	if (isObject(value)) return value;
	if (typeof value !== 'string' || value.trim() === '') return null;
	try {
		const parsed: unknown = JSON.parse(value);
		if (isObject(parsed)) return parsed;
	} catch {
		// Reported below, like a config that parses to something else.
	}
	problems.push('model config is not a JSON object');
	return null;
}

function probesOf(json: JsonObject, problems: string[]): Probe[] {
	const config = configObject(json.config, problems);
	const probes: Probe[] = [];
	for (const kind of PROBE_KINDS) {
		// The config string is the fuller source (§15.1); the top-level health only fills a gap.
		const raw = config?.[kind] ?? (kind === 'health' ? json.health : undefined);
		if (!isObject(raw)) continue;
		const probe = readProbe(kind, raw, problems);
		if (probe) probes.push(probe);
	}
	if (probes.length === 0 && problems.length === 0) problems.push('model has no health check');
	return probes;
}

/** Validate a model's details; model_id and model_name are required. */
export function validateModelDetails(json: unknown): ModelDetailsPayload {
	if (!isObject(json)) return {facts: null, problems: ['model details are not a JSON object']};
	const modelId = readString(json.model_id);
	const name = readString(json.model_name);
	if (modelId === undefined || name === undefined) return {facts: null, problems: ['model details without model_id or model_name']};
	const problems: string[] = [];
	const version = readString(json.model_version);
	const probes = probesOf(json, problems);
	return {
		facts: {modelId, model: version === undefined ? name : `${name} ${version}`, status: readString(json.model_status) ?? null, probes},
		problems,
	};
}
