// Progress of the current deployment, per model, from the events of the current lifecycle
// and (when available) the service details. The details status is the authority on the
// outcome: the API documents no success event (modelarts-api.md §1).
import type {DeploymentProgress, Outcome, Problem, ServiceDetails, WatchEvent} from '../types.js';
import {isConcerningStatus, outcomeOfStatus} from './outcome.js';
import {isFailureWording} from '../events/classify.js';
import {applyPhaseEvent} from './event-rules.js';
import type {RoutedEvent} from './event-rules.js';
import {applyDeployed, applyEnded, settleOutcome} from './finish.js';
import type {EventVerdict} from './finish.js';
import {TrackBoard} from './track-router.js';
import {freezeTrack} from './phase-machine.js';
import {modelLabel} from '../events/model-label.js';
import {tileTrack} from './phase-tiling.js';
import type {WorkingTrack} from './phase-machine.js';

/** Index of the latest lifecycle-start event (not a future-dated one), scanning backward; -1 when there is none. */
export function lifecycleStartIndex(events: readonly WatchEvent[]): number {
	for (let i = events.length - 1; i >= 0; i--) if (events[i]!.signal === 'lifecycle' && events[i]!.future !== true) return i;
	return -1;
}

/** The newest event of the lifecycle from `from` on that is not future-dated, or null. */
function lastEventTime(events: readonly WatchEvent[], from: number): number | null {
	for (let i = events.length - 1; i >= from; i--) if (events[i]!.future !== true) return events[i]!.occurTime;
	return null;
}

function configModel(entry: NonNullable<ServiceDetails['config']>[number]): string | null {
	return modelLabel(entry.model_name, entry.model_version);
}

function configModels(details: ServiceDetails | null): string[] {
	const models = new Set<string>();
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
 * The status, unless the details last changed before the current lifecycle began: then it
 * belongs to the one before (an update's first events can arrive while the last details read
 * still says running), and says nothing about this one. A status change moves transition_at,
 * an update moves update_time; without transition_at nothing tells, and the status is trusted.
 */
function currentStatus(details: ServiceDetails | null, startedAt: number | null): string | null {
	if (details === null || startedAt === null || details.transition_at === undefined) return details?.status ?? null;
	const changed = Math.max(details.transition_at, details.update_time ?? details.transition_at);
	return changed < startedAt ? null : details.status;
}

/**
 * When a deployment that succeeded ended. A service that ran and later turned `concerning`
 * (or back to `running`) moved its transition time to that change: the end seen before
 * (`previous`, the same lifecycle) stays the deploy's end.
 */
function succeededAt(endedAt: number | null, startedAt: number | null, previous: DeploymentProgress | null): number | null {
	const ranBefore = previous !== null && previous.outcome === 'succeeded' && previous.startedAt === startedAt && previous.endedAt !== null;
	return ranBefore ? Math.min(previous.endedAt!, endedAt ?? previous.endedAt!) : endedAt;
}

/** Applies one event; returns a verdict when the event decides the outcome (deployed, or ended). */
function applyEvent(tracks: readonly WorkingTrack[], routed: RoutedEvent, endings: Problem[]): EventVerdict | null {
	switch (routed.signal) {
		case 'start':
		case 'success':
			if (routed.phase !== null) applyPhaseEvent(tracks, routed);
			return null;
		case 'failure':
			applyPhaseEvent(tracks, routed);
			return null;
		case 'deployed':
			return applyDeployed(tracks, routed);
		case 'ended':
			// Only an ending needs its wording read again (failed, or merely stopped?).
			return applyEnded(tracks, routed, isFailureWording(routed.event.info, routed.event.type), endings);
		default:
			return null;
	}
}

function problemsOf(tracks: readonly WorkingTrack[], endings: readonly Problem[]): Problem[] {
	const all = [...endings];
	for (const track of tracks) {
		for (const phase of track.phases) {
			// A problem placed before its track's model was known (the placeholder track) is that model's.
			for (const problem of phase.problems) all.push(problem.model === track.model ? problem : {...problem, model: track.model});
		}
	}

	return all.sort((a, b) => a.at - b.at);
}

/**
 * The current deployment: the lifecycle begun by the latest deploy/start/update event (the
 * whole history when there is none). `events` must be in ascending occur_time order;
 * `previous` is the deployment computed before this one, if any (it remembers when a service
 * that is now `concerning` became running). Runs in O(events of the current lifecycle × models).
 */
export function computeDeployment(events: readonly WatchEvent[], details: ServiceDetails | null, previous: DeploymentProgress | null = null): DeploymentProgress {
	const start = lifecycleStartIndex(events);
	const from = start + 1;
	const startedAt = start >= 0 ? events[start]!.occurTime : null;
	const board = new TrackBoard(configModels(details));
	const {tracks} = board;
	const endings: Problem[] = [];

	let verdict: EventVerdict | null = null;
	for (let i = from; i < events.length; i++) {
		// A future-dated event is shown, but moves no phase, clock or warning (future-events.ts).
		if (events[i]!.future !== true) verdict = applyEvent(tracks, board.route(events[i]!, i), endings) ?? verdict;
	}

	const status = details?.status ?? null;
	const outcome: Outcome = outcomeOfStatus(currentStatus(details, startedAt)) ?? verdict?.outcome ?? 'in_progress';
	const decidedByEvent = verdict !== null && verdict.outcome === outcome;
	const ended = outcome === 'in_progress' ? null : decidedByEvent ? verdict!.at : detailsEndTime(details, startedAt);
	const endedAt = outcome === 'succeeded' ? succeededAt(ended, startedAt, previous) : ended;
	const cause = details?.error_msg || (status ? `The service status is ${status}.` : 'The deployment ended.');
	const errorTrack = board.named(details?.error_msg);
	settleOutcome(tracks, outcome, endedAt, decidedByEvent ? null : cause, errorTrack);
	// Without a time from the server, the last event is the latest the service can have become running.
	const runningAt = outcome !== 'succeeded' ? null : (endedAt ?? lastEventTime(events, from));

	return {
		startedAt,
		endedAt,
		tracks: board.ordered().map((track) => tileTrack(freezeTrack(track, modelStatusOf(track.model, details)), startedAt, runningAt, outcome === 'in_progress')),
		outcome,
		status,
		progress: details?.progress ?? null,
		errorMsg: details?.error_msg ?? null,
		concerning: isConcerningStatus(status),
		errorModel: errorTrack?.model ?? null,
		problems: problemsOf(tracks, endings),
		deployTimeoutMs: details?.deploy_timeout_minutes ? details.deploy_timeout_minutes * 60_000 : null,
	};
}
