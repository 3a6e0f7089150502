// NDJSON for scripts: one object per line on stdout and nothing else. Events exactly once,
// oldest first; a status object whenever status, progress, error_msg or due_time change; an
// instances object whenever a count changes; an update object whenever what the update
// changes (or its result) does; the summary last. The record shapes live in the core
// (core/watch/summary.ts) so every consumer agrees on them.
import type {SlowContext} from '../core/diagnosis/slow.js';
import {instanceCountsChanged} from '../core/deployment/instances.js';
import {buildSummary, eventRecord, eventUpdateRecord, instancesRecord, updateRecord} from '../core/watch/summary.js';
import type {WatchEvent} from '../core/types.js';
import {statusChanged, statusFields, type StatusFields, type WatchSnapshot} from './snapshot.js';

/** `{"kind":"status",…}`: what the details API said about the service. */
export interface StatusRecord {
	readonly kind: 'status';
	readonly status: string | null;
	readonly progress: number | null;
	readonly error_msg: string | null;
	/** When an auto-stopping service stops by itself (ms), or null. */
	readonly due_time: number | null;
}

function statusRecord(fields: StatusFields): StatusRecord {
	return {kind: 'status', status: fields.status, progress: fields.progress, error_msg: fields.errorMsg, due_time: fields.dueTime};
}

/** The update record a snapshot would write, as text to compare; null without an update. */
function updateText(snapshot: WatchSnapshot): string | null {
	return snapshot.update === null ? null : JSON.stringify(updateRecord(snapshot.update));
}

/**
 * Lines for what changed between two snapshots. Unlike the plain log, progress changes are
 * reported too: a script drawing its own progress bar needs them, and there are at most 101.
 * Lines are made as they are read, so a first load of 100k events is never held as 100k strings.
 */
export function* jsonUpdateLines(previous: WatchSnapshot, next: WatchSnapshot, newEvents: readonly WatchEvent[], repeated: readonly WatchEvent[] = []): Generator<string> {
	for (const event of newEvents) yield JSON.stringify(eventRecord(event));
	for (const event of repeated) yield JSON.stringify(eventUpdateRecord(event));
	const before = statusFields(previous.details);
	const after = statusFields(next.details);
	if (statusChanged(before, after, true)) yield JSON.stringify(statusRecord(after));
	if (next.instances !== null && next.instancesAt !== null && instanceCountsChanged(previous.instances, next.instances)) {
		yield JSON.stringify(instancesRecord(next.instances, next.instancesAt));
	}

	const update = updateText(next);
	if (update !== null && update !== updateText(previous)) yield update;
}

/**
 * The closing `{"kind":"summary",…}` line: outcome, every phase of the current deployment, the
 * diagnosis (a `slow` one too while in progress: `clock` says when "now" is) and the instances.
 */
export function jsonSummaryLine(snapshot: WatchSnapshot, serviceId: string, clock: SlowContext): string {
	const serviceName = snapshot.details?.service_name ?? null;
	return JSON.stringify(buildSummary(serviceId, serviceName, snapshot.deployment, snapshot.events.length, {instances: snapshot.instances, clock}));
}
