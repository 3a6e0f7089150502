// How one event of the current lifecycle moves the phase tracks, and how the final outcome
// settles the phases the events left open.
import type {Outcome, WatchEvent} from './types.js';
import {
	PHASE_COUNT,
	beginPhase,
	currentPhase,
	failPhase,
	finishBefore,
	phaseIndex,
	succeedPhase,
} from './phase-machine.js';
import type {WorkingTrack} from './phase-machine.js';

/** What the events alone say about the outcome, and when they said it. */
export interface EventVerdict {
	readonly outcome: Outcome;
	readonly at: number;
}

function tracksFor(tracks: readonly WorkingTrack[], model: string | null): readonly WorkingTrack[] {
	// Un-prefixed events ("preparing environment") apply to every model of the deployment.
	if (model === null) return tracks;
	return tracks.filter((track) => track.model === model);
}

function applyPhaseEvent(track: WorkingTrack, event: WatchEvent): void {
	const index = phaseIndex(event.phase!);
	const phase = track.phases[index]!;
	// A phase's first event means every earlier phase is over (or was skipped).
	finishBefore(track, index, event.occurTime);
	if (event.signal === 'start') beginPhase(phase, event.occurTime);
	else if (event.signal === 'success') succeedPhase(phase, event.occurTime);
	else failPhase(phase, event.occurTime, event.info);
}

/** The service ended badly: the phase it was in fails, unless it already failed with its own cause. */
function failCurrent(track: WorkingTrack, at: number | null, cause: string): void {
	const phase = currentPhase(track);
	if (phase.state === 'done') return;
	if (phase.state === 'failed') {
		phase.endedAt ??= at;
		return;
	}
	failPhase(phase, at, cause);
}

/** An abnormal event that names no phase belongs to the phase the track is in. */
function failUnattributed(track: WorkingTrack, at: number, cause: string): void {
	const phase = currentPhase(track);
	// After every phase is done (the service runs), a stray problem is not a deployment failure.
	if (phase.state !== 'done') failPhase(phase, at, cause);
}

/** The service stopped mid-way: the phases still running were interrupted. */
function interrupt(track: WorkingTrack, at: number | null, cause: string): void {
	for (const phase of track.phases) if (phase.state === 'active') failPhase(phase, at, cause);
}

/**
 * Apply one event of the current lifecycle to the tracks it concerns. Returns a verdict
 * when the event decides the outcome (deployed, or ended), else null.
 */
export function applyEvent(tracks: readonly WorkingTrack[], event: WatchEvent, failed: boolean): EventVerdict | null {
	const at = event.occurTime;
	const concerned = tracksFor(tracks, event.model);
	switch (event.signal) {
		case 'start':
		case 'success':
		case 'failure':
			for (const track of concerned) {
				if (event.phase !== null) applyPhaseEvent(track, event);
				else failUnattributed(track, at, event.info);
			}
			return null;
		case 'deployed':
			for (const track of concerned) finishBefore(track, PHASE_COUNT, at);
			return {outcome: 'succeeded', at};
		case 'ended':
			for (const track of concerned) {
				if (failed) failCurrent(track, at, event.info);
				else interrupt(track, at, event.info);
			}
			return {outcome: failed ? 'failed' : 'stopped', at};
		default:
			return null;
	}
}

/**
 * Close the phases according to the outcome. `cause` (the service's error_msg or status)
 * is used only when no event already explained the ending.
 */
export function settleOutcome(
	tracks: readonly WorkingTrack[],
	outcome: Outcome,
	endedAt: number | null,
	cause: string | null,
): void {
	for (const track of tracks) {
		if (outcome === 'succeeded') finishBefore(track, PHASE_COUNT, endedAt);
		else if (outcome === 'failed' && cause !== null) failCurrent(track, endedAt, cause);
		else if (outcome === 'stopped' && cause !== null) interrupt(track, endedAt, cause);
	}
}
