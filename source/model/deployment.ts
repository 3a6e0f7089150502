// Progress of the current deployment, per model, from the events of the current lifecycle
// and (when available) the service details. The details status is the authority on the
// outcome: the API documents no success event (modelarts-api.md §1).
import type {DeploymentProgress, Outcome, ServiceDetails, WatchEvent} from './types.js';
import {isConcerningStatus, outcomeOfStatus} from './outcome.js';
import {isFailureWording} from './classify.js';
import {applyEvent, settleOutcome} from './deployment-events.js';
import type {EventVerdict} from './deployment-events.js';
import {freezeTrack, newTrack} from './phase-machine.js';
import {modelLabel} from './model-label.js';
import type {WorkingTrack} from './phase-machine.js';

/** Index of the latest lifecycle-start event, scanning backward; -1 when there is none. */
export function lifecycleStartIndex(events: readonly WatchEvent[]): number {
	for (let i = events.length - 1; i >= 0; i--) if (events[i]!.signal === 'lifecycle') return i;
	return -1;
}

function configModel(entry: NonNullable<ServiceDetails['config']>[number]): string | null {
	return modelLabel(entry.model_name, entry.model_version);
}

/** Models named by the lifecycle's events (in order of appearance), then by config[]. */
function modelsOf(events: readonly WatchEvent[], from: number, details: ServiceDetails | null): string[] {
	const models = new Set<string>();
	for (let i = from; i < events.length; i++) {
		const model = events[i]!.model;
		if (model !== null) models.add(model);
	}
	for (const entry of details?.config ?? []) {
		const model = configModel(entry);
		if (model !== null) models.add(model);
	}
	return [...models];
}

function modelStatusOf(model: string | null, details: ServiceDetails | null): string | null {
	const config = details?.config ?? [];
	const entry = model === null ? (config.length === 1 ? config[0] : undefined) : config.find((c) => configModel(c) === model);
	return entry?.status ?? null;
}

/** A details time only counts when it is not older than the lifecycle it would end. */
function detailsEndTime(details: ServiceDetails | null, startedAt: number | null): number | null {
	const time = details?.transition_at ?? details?.update_time ?? null;
	if (time === null || (startedAt !== null && time < startedAt)) return null;
	return time;
}

/**
 * The current deployment: the lifecycle begun by the latest deploy/start/update event (the
 * whole history when there is none). `events` must be in ascending occur_time order.
 * Runs in O(events of the current lifecycle × models).
 */
export function computeDeployment(events: readonly WatchEvent[], details: ServiceDetails | null): DeploymentProgress {
	const start = lifecycleStartIndex(events);
	const from = start + 1;
	const startedAt = start >= 0 ? events[start]!.occurTime : null;
	const models = modelsOf(events, from, details);
	const tracks: WorkingTrack[] = models.length > 0 ? models.map(newTrack) : [newTrack(null)];

	let verdict: EventVerdict | null = null;
	for (let i = from; i < events.length; i++) {
		const event = events[i]!;
		// Only an ending needs its wording read again (failed, or merely stopped?).
		const failed = event.signal === 'ended' && isFailureWording(event.info, event.type);
		verdict = applyEvent(tracks, event, failed) ?? verdict;
	}

	const status = details?.status ?? null;
	const outcome: Outcome = outcomeOfStatus(status) ?? verdict?.outcome ?? 'in_progress';
	const decidedByEvent = verdict !== null && verdict.outcome === outcome;
	const endedAt = outcome === 'in_progress' ? null : decidedByEvent ? verdict!.at : detailsEndTime(details, startedAt);
	const cause = details?.error_msg || (status ? `The service status is ${status}.` : 'The deployment ended.');
	settleOutcome(tracks, outcome, endedAt, decidedByEvent ? null : cause);

	return {
		startedAt,
		endedAt,
		tracks: tracks.map((track) => freezeTrack(track, modelStatusOf(track.model, details))),
		outcome,
		status,
		progress: details?.progress ?? null,
		errorMsg: details?.error_msg ?? null,
		concerning: isConcerningStatus(status),
	};
}
