// NDJSON for scripts: one object per line on stdout and nothing else. Events exactly once,
// oldest first; a status object whenever status, progress or error_msg change; the summary
// last. The record shapes live in the model (summary.ts) so every consumer agrees on them.
import {buildSummary, eventRecord} from '../model/summary.js';
import type {WatchEvent} from '../model/types.js';
import {statusChanged, statusFields, type StatusFields, type WatchSnapshot} from './snapshot.js';

/** `{"kind":"status",…}`: what the details API said about the service. */
export interface StatusRecord {
	readonly kind: 'status';
	readonly status: string | null;
	readonly progress: number | null;
	readonly error_msg: string | null;
}

function statusRecord(fields: StatusFields): StatusRecord {
	return {kind: 'status', status: fields.status, progress: fields.progress, error_msg: fields.errorMsg};
}

/**
 * Lines for what changed between two snapshots. Unlike the plain log, progress changes are
 * reported too: a script drawing its own progress bar needs them, and there are at most 101.
 * Lines are made as they are read, so a first load of 100k events is never held as 100k strings.
 */
export function* jsonUpdateLines(previous: WatchSnapshot, next: WatchSnapshot, newEvents: readonly WatchEvent[]): Generator<string> {
	for (const event of newEvents) yield JSON.stringify(eventRecord(event));
	const before = statusFields(previous.details);
	const after = statusFields(next.details);
	if (statusChanged(before, after, true)) yield JSON.stringify(statusRecord(after));
}

/** The closing `{"kind":"summary",…}` line: outcome, every phase of the current deployment. */
export function jsonSummaryLine(snapshot: WatchSnapshot, serviceId: string): string {
	const serviceName = snapshot.details?.service_name ?? null;
	return JSON.stringify(buildSummary(serviceId, serviceName, snapshot.deployment, snapshot.events.length));
}
