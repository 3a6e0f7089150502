// The JSON (NDJSON) output contract: one `event` record per event, one `summary` record.
// Field names are snake_case because they are an external, documented format.
import type {DeploymentProgress, Outcome, PhaseId, PhaseState, WatchEvent} from './types.js';
import {diagnose} from './diagnosis/diagnose.js';
import {diagnoseFailure} from './diagnosis/failure.js';
import {diagnosisRecord} from './diagnosis/present.js';
import type {DiagnosisRecord} from './diagnosis/present.js';
import type {SlowContext} from './diagnosis/slow.js';

/** One line of `--json` output for an event. */
export interface EventRecord {
	readonly kind: 'event';
	readonly occur_time: number;
	/** ISO 8601 UTC, e.g. `2019-07-08T14:47:31.764Z`. */
	readonly time: string;
	readonly event_type: 'normal' | 'abnormal';
	readonly event_info: string;
	readonly phase: PhaseId | null;
	readonly model: string | null;
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

/** The closing line of `--json` output. */
export interface SummaryRecord {
	readonly kind: 'summary';
	readonly service_id: string;
	readonly service_name: string | null;
	readonly outcome: Outcome;
	readonly status: string | null;
	readonly error_msg: string | null;
	/** Why it failed, or (in progress) why it is slow; null when neither applies. */
	readonly diagnosis: DiagnosisRecord | null;
	readonly phases: readonly SummaryPhase[];
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
	};
}

/**
 * The summary of the current deployment. Phases are listed model by model, in phase order;
 * `duration_ms` is known only for phases with both a start and an end time. `clock` (now,
 * thresholds, deployment timeout) lets an in-progress summary carry a `slow` diagnosis;
 * without it only a failure is diagnosed.
 */
export function buildSummary(
	serviceId: string,
	serviceName: string | null,
	deployment: DeploymentProgress,
	eventsTotal: number,
	clock: SlowContext | null = null,
): SummaryRecord {
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
		status: deployment.status,
		error_msg: deployment.errorMsg,
		diagnosis: diagnosis === null ? null : diagnosisRecord(diagnosis),
		phases,
		events_total: eventsTotal,
	};
}
