// The JSON (NDJSON) output contract: one `event` record per event, `instances` and `update`
// records, one `summary` record. Field names are snake_case because they are an external,
// documented format.
import type {ServiceInstances} from '../deployment/instances.js';
import type {DeploymentProgress, EventType, Outcome, PhaseId, PhaseState, WatchEvent} from '../types.js';
import type {UpdateDiff, UpdateField, UpdateValue} from '../deployment/update-log-diff.js';
import {diagnose} from '../diagnosis/diagnose.js';
import {diagnoseFailure} from '../diagnosis/failure.js';
import {diagnosisRecord} from '../diagnosis/present.js';
import type {DiagnosisRecord} from '../diagnosis/present.js';
import type {SlowContext} from '../diagnosis/slow.js';
import {isDegraded} from '../words/wording.js';

/** One line of `--json` output for an event. */
export interface EventRecord {
	readonly kind: 'event';
	readonly occur_time: number;
	/** ISO 8601 UTC, e.g. `2019-07-08T14:47:31.764Z`. */
	readonly time: string;
	readonly event_type: EventType;
	readonly event_info: string;
	readonly phase: PhaseId | null;
	readonly model: string | null;
	/** The server's event id (v2); null for v1 events. */
	readonly id: string | null;
	/** Occurrences when it was first written (v2 aggregates repeats); 1 for v1. */
	readonly count: number;
	/** Its latest occurrence then (ms). */
	readonly last_at: number;
}

/**
 * `{"kind":"event_update",…}`: a v2 event written before occurred again. It never counts as a
 * new event: a consumer that counts `kind:"event"` records sees each event once.
 */
export interface EventUpdateRecord {
	readonly kind: 'event_update';
	readonly id: string;
	readonly count: number;
	readonly last_at: number;
	/** ISO 8601 UTC of `last_at`. */
	readonly time: string;
}

/** One phase of one model in the summary. */
export interface SummaryPhase {
	readonly model: string | null;
	readonly phase: PhaseId;
	readonly state: PhaseState;
	readonly started_at: number | null;
	readonly ended_at: number | null;
	readonly duration_ms: number | null;
	/** Abnormal events on this phase that a later success recovered from (a retry that worked). */
	readonly warnings: number;
	/** Why the phase failed (the abnormal event or the service's error_msg); null otherwise. */
	readonly cause: string | null;
}

/** Instance counts of the service and of each model; null where the server did not say. */
export interface InstanceCountsRecord {
	readonly running: number | null;
	readonly total: number | null;
	readonly models: readonly {readonly model: string; readonly running: number | null; readonly total: number | null}[];
}

/** `{"kind":"instances",…}`, written whenever a count changes (see instanceCountsChanged). */
export interface InstancesRecord extends InstanceCountsRecord {
	readonly kind: 'instances';
	/** When the monitor answered, ms since the epoch. */
	readonly at: number;
}

/** One change of an update; for `envs`, `from`/`to` list names and the name lists say what moved. */
export interface UpdateChangeRecord {
	readonly model: string | null;
	readonly field: UpdateField;
	readonly from: UpdateValue;
	readonly to: UpdateValue;
	readonly added?: readonly string[];
	readonly removed?: readonly string[];
	readonly changed?: readonly string[];
}

/** `{"kind":"update",…}`: what the newest update record changes. */
export interface UpdateRecord {
	readonly kind: 'update';
	readonly update_time: number;
	readonly result: string | null;
	readonly changes: readonly UpdateChangeRecord[];
}

/** The closing line of `--json` output. */
export interface SummaryRecord {
	readonly kind: 'summary';
	readonly service_id: string;
	readonly service_name: string | null;
	readonly outcome: Outcome;
	/** It succeeded, but the service now runs short of instances or says `concerning`. */
	readonly degraded: boolean;
	readonly status: string | null;
	readonly error_msg: string | null;
	/** Why it failed, or (in progress) why it is slow; null when neither applies. */
	readonly diagnosis: DiagnosisRecord | null;
	readonly phases: readonly SummaryPhase[];
	/** The last counts the monitor gave; null without a monitor answer. */
	readonly instances: InstanceCountsRecord | null;
	readonly events_total: number;
}

/** ISO time of an occur_time; the validators guarantee it is within the Date range. */
function isoTime(ms: number): string {
	const date = new Date(ms);
	return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

export function eventRecord(event: WatchEvent): EventRecord {
	return {
		kind: 'event',
		occur_time: event.occurTime,
		time: isoTime(event.occurTime),
		event_type: event.type,
		event_info: event.info,
		phase: event.phase,
		model: event.model,
		id: event.id,
		count: event.count,
		last_at: event.lastAt,
	};
}

/** The record of a repeat of a v2 event (`event.id` is set for every event a repeat can reach). */
export function eventUpdateRecord(event: WatchEvent): EventUpdateRecord {
	return {kind: 'event_update', id: event.id ?? event.key, count: event.count, last_at: event.lastAt, time: isoTime(event.lastAt)};
}

function instanceCounts(instances: ServiceInstances): InstanceCountsRecord {
	return {
		running: instances.running,
		total: instances.total,
		models: instances.models.map(({model, running, total}) => ({model, running, total})),
	};
}

export function instancesRecord(instances: ServiceInstances, at: number): InstancesRecord {
	return {kind: 'instances', at, ...instanceCounts(instances)};
}

/** Environment variables by name only: the record never holds a value. */
export function updateRecord(diff: UpdateDiff): UpdateRecord {
	const changes = diff.changes.map(({model, field, from, to, envs}): UpdateChangeRecord => ({model, field, from, to, ...envs}));
	return {kind: 'update', update_time: diff.updateTime, result: diff.result, changes};
}

/**
 * The summary of the current deployment. Phases are listed model by model, in phase order;
 * `duration_ms` is known only for phases with both a start and an end time. `clock` (now,
 * thresholds, deployment timeout) lets an in-progress summary carry a `slow` diagnosis;
 * without it only a failure is diagnosed.
 */
/** What the summary adds when known: the last instance counts, and the clock a slow diagnosis needs. */
export interface SummaryExtras {
	readonly instances?: ServiceInstances | null;
	/** Without it, only a failed deployment gets a diagnosis (an in-progress one cannot be called slow). */
	readonly clock?: SlowContext | null;
}

export function buildSummary(
	serviceId: string,
	serviceName: string | null,
	deployment: DeploymentProgress,
	eventsTotal: number,
	extras: SummaryExtras = {},
): SummaryRecord {
	const {instances = null, clock = null} = extras;
	const diagnosis = clock === null ? diagnoseFailure(deployment) : diagnose({deployment, ...clock});
	const phases = deployment.tracks.flatMap((track) =>
		track.phases.map(
			(phase): SummaryPhase => ({
				model: track.model,
				phase: phase.phase,
				state: phase.state,
				started_at: phase.startedAt,
				ended_at: phase.endedAt,
				duration_ms:
					phase.startedAt !== null && phase.endedAt !== null ? Math.max(0, phase.endedAt - phase.startedAt) : null,
				warnings: phase.warnings,
				cause: phase.cause,
			}),
		),
	);
	return {
		kind: 'summary',
		service_id: serviceId,
		service_name: serviceName,
		outcome: deployment.outcome,
		degraded: isDegraded(deployment, instances),
		status: deployment.status,
		error_msg: deployment.errorMsg,
		diagnosis: diagnosis === null ? null : diagnosisRecord(diagnosis),
		phases,
		instances: instances === null ? null : instanceCounts(instances),
		events_total: eventsTotal,
	};
}
