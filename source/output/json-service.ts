// What the NDJSON log adds for services: every record names its service (also with one
// service, so a script reads one shape), and a watch of several closes with `summary-all`.
// The records themselves are built by json.ts and core/watch/summary.ts; this wraps them.
import type {Outcome} from '../core/types.js';

const KIND_START = '{"kind":"';

/**
 * `{"kind":"event",…}` → `{"kind":"event","service_id":"…",…}`. Every record starts with its
 * kind, one of our own identifiers (no quote in it), so the id goes right after it.
 */
export function withServiceId(line: string, serviceId: string): string {
	if (!line.startsWith(KIND_START)) throw new Error(`a record must start with its kind: ${line.slice(0, 40)}`);
	const kindEnd = line.indexOf('"', KIND_START.length) + 1;
	return `${line.slice(0, kindEnd)},"service_id":${JSON.stringify(serviceId)}${line.slice(kindEnd)}`;
}

/** One service in the closing `summary-all` record. */
export interface ServiceOutcomeRecord {
	readonly service_id: string;
	readonly service_name: string | null;
	readonly outcome: Outcome;
	/** Why the service could not be watched (a permanent error such as 404), or null. */
	readonly error: string | null;
}

/** `{"kind":"summary-all",…}`: the last line of a watch of several, after each service's summary. */
export interface SummaryAllRecord {
	readonly kind: 'summary-all';
	readonly outcome: Outcome;
	readonly services: readonly ServiceOutcomeRecord[];
}

export function summaryAllLine(outcome: Outcome, services: readonly ServiceOutcomeRecord[]): string {
	const record: SummaryAllRecord = {kind: 'summary-all', outcome, services};
	return JSON.stringify(record);
}
