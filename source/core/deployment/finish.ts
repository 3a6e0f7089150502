// How the deployment ends: events that end it as a whole (deployed, failed, stopped) and the
// final outcome from the service status. This is where warnings turn into failures: a phase
// with abnormal events stays active while the service deploys and fails only here.
import type {Outcome, Problem} from '../types.js';
import type {RoutedEvent} from './event-rules.js';
import {PHASE_COUNT, currentPhase, failPhase, finishBefore, keepBounded, ownCauseOr} from './phase-machine.js';
import type {WorkingTrack} from './phase-machine.js';

/** What the events alone say about the outcome, and when they said it. */
export interface EventVerdict {
	readonly outcome: Outcome;
	readonly at: number;
}

/** The deployment ended badly: the phase the track is in fails, explained by its own warning when it has one. */
function failCurrent(track: WorkingTrack, at: number | null, cause: string): void {
	const phase = currentPhase(track);
	if (phase.state === 'done') return;
	if (phase.state === 'failed') {
		phase.endedAt ??= at;
		return;
	}
	failPhase(phase, at, ownCauseOr(phase, cause));
}

/** The service stopped (or failed because of another model): the phases still running end failed. */
function interrupt(track: WorkingTrack, at: number | null, cause: string | null): void {
	for (const phase of track.phases) if (phase.state === 'active') failPhase(phase, at, cause ?? ownCauseOr(phase, null));
}

/**
 * The deployment failed. When the failure names a model that had not finished, that model's
 * phase carries the cause; the other models' running phases end failed with only their own
 * warnings (they were interrupted, not the reason). Otherwise every model fails where it is.
 */
function failTracks(tracks: readonly WorkingTrack[], named: WorkingTrack | null, at: number | null, cause: string): void {
	const culprit = named !== null && named.phases.some((phase) => phase.state !== 'done') ? named : null;
	for (const track of tracks) {
		if (culprit === null || track === culprit) failCurrent(track, at, cause);
		else interrupt(track, at, null);
	}
}

/** "Service my-service started.": the tracks it concerns are done; the service succeeded. */
export function applyDeployed(tracks: readonly WorkingTrack[], routed: RoutedEvent): EventVerdict {
	const at = routed.event.occurTime;
	for (const track of routed.track ? [routed.track] : tracks) {
		finishBefore(track, PHASE_COUNT, at);
		track.lastEvent = routed.event;
	}

	return {outcome: 'succeeded', at};
}

/**
 * An event that ends the deployment as a whole: failed ("timed out", "failed to deploy") when
 * `failed`, else stopped. A failed ending is kept in `endings` for the diagnosis.
 */
export function applyEnded(tracks: readonly WorkingTrack[], routed: RoutedEvent, failed: boolean, endings: Problem[]): EventVerdict {
	const {event} = routed;
	const at = event.occurTime;
	for (const track of routed.track ? [routed.track] : tracks) track.lastEvent = event;
	if (failed) {
		const model = routed.track?.model ?? null;
		keepBounded(endings, {text: event.info, at, model, phase: null, namedPhase: routed.phase, source: 'ending'});
		failTracks(tracks, routed.track, at, event.info);
	} else {
		for (const track of routed.track ? [routed.track] : tracks) interrupt(track, at, event.info);
	}

	return {outcome: failed ? 'failed' : 'stopped', at};
}

/**
 * Close the phases according to the outcome. `cause` (the service's error_msg or status)
 * is used only when no event already explained the ending; `named` is the track error_msg names.
 */
export function settleOutcome(
	tracks: readonly WorkingTrack[],
	outcome: Outcome,
	endedAt: number | null,
	cause: string | null,
	named: WorkingTrack | null,
): void {
	if (outcome === 'succeeded') for (const track of tracks) finishBefore(track, PHASE_COUNT, endedAt);
	else if (outcome === 'failed' && cause !== null) failTracks(tracks, named, endedAt, cause);
	else if (outcome === 'stopped' && cause !== null) for (const track of tracks) interrupt(track, endedAt, cause);
}
