// How one event of the current lifecycle moves the phase tracks. The rules, right across
// models (issue 13):
// - An event routed to a model (its tag, its known name, its deployment slug, or any event
//   when there is only one model) moves only that model's track. A start or success closes
//   the phases before the one it names, and so does a failure with the model's own tag: a
//   phase is done only on its own evidence (its success, or a later phase of the model that
//   started). A failure without the tag proves nothing about earlier phases: an earlier phase
//   still running takes it (an anonymous pod failure after a failed pull may be that pull's
//   consequence; a quota rejection while the image is built is the build's), else the phase
//   it names does, leaving the phases before it as they were.
// - An event that names no model in a multi-model deployment is shared. It goes to the
//   models in the phase it names, else to those whose next phase it is; it never closes an
//   open phase, never fails a model that finished that phase, and a shared success counts
//   only when exactly one model can take it.
// - Abnormal events only warn while the service deploys; endings fail (deployment-endings).
import type {EventSignal, PhaseId, Problem, WatchEvent} from '../types.js';
import {beginPhase, finishBefore, isOpen, lastBefore, noteProblem, currentPhase, phaseIndex, succeedPhase} from './phase-machine.js';
import type {WorkingPhase, WorkingTrack} from './phase-machine.js';

/** An event with the model it is about, as attribution found it. */
export interface RoutedEvent {
	readonly event: WatchEvent;
	readonly phase: PhaseId | null;
	readonly signal: EventSignal;
	/** The track the event names, or null when it names none. */
	readonly track: WorkingTrack | null;
	/** The event carries the model's own `[name version]` tag (or its known name in brackets). */
	readonly tagged: boolean;
}

type PhaseSignal = 'start' | 'success' | 'failure';

function problemOf(routed: RoutedEvent, track: WorkingTrack, placed: WorkingPhase): Problem {
	const {event} = routed;
	return {text: event.info, at: event.occurTime, model: track.model, phase: placed.phase, namedPhase: routed.phase, source: 'event'};
}

/** A failure placed on another phase than the one it names: that phase's own text stays its warning. */
function attach(routed: RoutedEvent, track: WorkingTrack, phase: WorkingPhase): void {
	noteProblem(phase, problemOf(routed, track, phase), true);
}

/**
 * A failure of this model in phase `index`. With the model's own tag it proves the model got
 * that far. Without it, it is no evidence about the phases before: while one of them runs, the
 * failure is that phase's (a quota, OBS or API rejection worded like scheduling, arriving while
 * the image is built; an anonymous pod failure after a failed pull); else it lands on its phase.
 */
function applyOwnFailure(track: WorkingTrack, routed: RoutedEvent, index: number): void {
	const phase = track.phases[index]!;
	if (phase.state === 'done') return;
	const running = routed.tagged ? null : lastBefore(track, index, isOpen);
	if (running !== null) return attach(routed, track, running);
	if (routed.tagged) finishBefore(track, index, routed.event.occurTime);
	noteProblem(phase, problemOf(routed, track, phase));
}

/** An event of this model (or of the only model) in phase `index`. */
function applyOwn(track: WorkingTrack, routed: RoutedEvent, index: number, signal: PhaseSignal): void {
	if (signal === 'failure') return applyOwnFailure(track, routed, index);
	const at = routed.event.occurTime;
	const phase = track.phases[index]!;
	// Phases skipped without events end where this one's first evidence (a warning) began.
	finishBefore(track, index, Math.min(phase.startedAt ?? at, at));
	if (signal === 'start') beginPhase(phase, at);
	else succeedPhase(phase, at);
}

const allDone = (track: WorkingTrack, index: number) => lastBefore(track, index, (phase) => phase.state !== 'done') === null;

/** Tracks a shared event of phase `index` can belong to, most fitting first. */
function sharedTargets(tracks: readonly WorkingTrack[], index: number, signal: PhaseSignal): {readonly tracks: readonly WorkingTrack[]; readonly attachOnly: boolean} {
	const open = tracks.filter((track) => track.phases[index]!.state !== 'done');
	const inPhase = open.filter((track) => isOpen(track.phases[index]!));
	const next = open.filter((track) => track.phases[index]!.state === 'pending' && allDone(track, index));
	if (signal === 'start') return {tracks: [...inPhase, ...next], attachOnly: false};
	if (signal === 'success') {
		const candidates = [...inPhase, ...next];
		return {tracks: candidates.length === 1 ? candidates : [], attachOnly: false};
	}
	if (inPhase.length > 0) return {tracks: inPhase, attachOnly: false};
	if (next.length > 0) return {tracks: next, attachOnly: false};
	// Nobody is there yet: the models running an earlier phase get it as a warning where they are.
	return {tracks: open.filter((track) => lastBefore(track, index, isOpen) !== null), attachOnly: true};
}

function applyShared(tracks: readonly WorkingTrack[], routed: RoutedEvent, index: number, signal: PhaseSignal): void {
	const targets = sharedTargets(tracks, index, signal);
	for (const track of targets.tracks) {
		track.lastEvent = routed.event;
		if (targets.attachOnly) attach(routed, track, currentPhase(track));
		else applyOwn(track, routed, index, signal);
	}
}

/** A failure that names no phase belongs where the track is; a finished track ignores it. */
function applyPhaseless(track: WorkingTrack, routed: RoutedEvent, shared: boolean): void {
	const phase = currentPhase(track);
	if (phase.state === 'done') return;
	track.lastEvent = routed.event;
	if (shared) attach(routed, track, phase);
	else noteProblem(phase, problemOf(routed, track, phase));
}

/** A shared failure without a phase: the models with an open phase, else every unfinished one. */
function phaselessTargets(tracks: readonly WorkingTrack[]): readonly WorkingTrack[] {
	const open = tracks.filter((track) => track.phases.some(isOpen));
	return open.length > 0 ? open : tracks;
}

/** Applies a start, success or failure event to the tracks it concerns. */
export function applyPhaseEvent(tracks: readonly WorkingTrack[], routed: RoutedEvent): void {
	const signal = routed.signal as PhaseSignal;
	const own = routed.track ?? (tracks.length === 1 ? tracks[0]! : null);
	if (routed.phase === null) {
		for (const track of own ? [own] : phaselessTargets(tracks)) applyPhaseless(track, routed, own === null);
		return;
	}

	const index = phaseIndex(routed.phase);
	if (own === null) return applyShared(tracks, routed, index, signal);
	own.lastEvent = routed.event;
	applyOwn(own, routed, index, signal);
}
