// The per-model phase state machine. It works on mutable scratch state that
// computeDeployment builds afresh on every call, so the public API stays pure.
// Invariant: within a lifecycle a done phase never returns to pending (or active).
import {PHASE_IDS} from '../types.js';
import type {ModelTrack, PhaseId, PhaseProgress, PhaseState, Problem, WatchEvent} from '../types.js';

export interface WorkingPhase {
	readonly phase: PhaseId;
	state: PhaseState;
	startedAt: number | null;
	endedAt: number | null;
	/** Abnormal events seen on this phase; warnings while it retries, then recovered or its cause. */
	failures: number;
	/** The latest abnormal text placed on this phase. */
	lastWarning: string | null;
	cause: string | null;
	readonly problems: Problem[];
}

export interface WorkingTrack {
	/** Null only for the placeholder track, until the first model named adopts it. */
	model: string | null;
	readonly phases: WorkingPhase[];
	lastEvent: WatchEvent | null;
}

export const PHASE_COUNT = PHASE_IDS.length;

/** Per phase, the first few problems (the root cause is usually early) and the latest few. */
const KEEP_FIRST = 3;
const KEEP_LATEST = 3;

/** Appends to a list that keeps its first KEEP_FIRST and its latest KEEP_LATEST entries. */
export function keepBounded<T>(list: T[], item: T): void {
	if (list.length >= KEEP_FIRST + KEEP_LATEST) list.splice(KEEP_FIRST, 1);
	list.push(item);
}

export function newTrack(model: string | null): WorkingTrack {
	const phases = PHASE_IDS.map(
		(phase): WorkingPhase => ({
			phase,
			state: 'pending',
			startedAt: null,
			endedAt: null,
			failures: 0,
			lastWarning: null,
			cause: null,
			problems: [],
		}),
	);
	return {model, phases, lastEvent: null};
}

export function phaseIndex(phase: PhaseId): number {
	return PHASE_IDS.indexOf(phase);
}

/** Active or failed: the phase has shown that it ran and has not finished. */
export function isOpen(phase: WorkingPhase): boolean {
	return phase.state === 'active' || phase.state === 'failed';
}

/** The furthest phase before `index` that matches, or null. */
export function lastBefore(track: WorkingTrack, index: number, test: (phase: WorkingPhase) => boolean): WorkingPhase | null {
	for (let i = index - 1; i >= 0; i--) if (test(track.phases[i]!)) return track.phases[i]!;
	return null;
}

/** Done: a later phase started, its success arrived, or the service is running; it ended then. */
function finish(phase: WorkingPhase, at: number | null): void {
	if (phase.state === 'active' || phase.state === 'pending') phase.endedAt = at;
	phase.state = 'done';
	phase.cause = null;
}

/** Every phase before `index` is over: active and skipped ones end at `at` (tiling gives the skipped their start). */
export function finishBefore(track: WorkingTrack, index: number, at: number | null): void {
	for (const phase of track.phases.slice(0, index)) if (phase.state !== 'done') finish(phase, at);
}

export function beginPhase(phase: WorkingPhase, at: number): void {
	// A skipped phase whose own start arrives late still learns when it began.
	if (phase.state === 'pending' || phase.startedAt === null) phase.startedAt = at;
	if (phase.state === 'failed') phase.endedAt = null; // a retry: the phase runs again
	if (phase.state !== 'done') {
		phase.state = 'active';
		phase.cause = null;
	}
}

export function succeedPhase(phase: WorkingPhase, at: number): void {
	phase.startedAt ??= at;
	if (phase.state !== 'done') phase.endedAt = at;
	phase.endedAt ??= at;
	phase.state = 'done';
	phase.cause = null;
}

/**
 * An abnormal event on a phase that has not finished. While the service deploys it only
 * warns (ModelArts retries by itself); the phase fails when the deployment ends badly.
 * `keepWarning`: the event is only attached here, so an earlier text of the phase's own stays.
 */
export function noteProblem(phase: WorkingPhase, problem: Problem, keepWarning = false): void {
	phase.startedAt ??= problem.at;
	if (phase.state === 'pending') phase.state = 'active';
	phase.failures++;
	if (!keepWarning || phase.lastWarning === null) phase.lastWarning = problem.text;
	keepBounded(phase.problems, problem);
}

export function failPhase(phase: WorkingPhase, at: number | null, cause: string | null): void {
	phase.startedAt ??= at;
	phase.endedAt = at;
	phase.state = 'failed';
	phase.cause = cause;
}

/** A phase's own abnormal text, when it has one, explains its failure better than a general `cause`. */
export function ownCauseOr(phase: WorkingPhase, cause: string | null): string | null {
	return phase.failures > 0 && phase.lastWarning !== null ? phase.lastWarning : cause;
}

/**
 * Where a problem without a phase belongs: the active (or failed) phase furthest along,
 * else the phase after the last done one, else the last phase.
 */
export function currentPhase(track: WorkingTrack): WorkingPhase {
	const phases = track.phases;
	const open = lastBefore(track, phases.length, isOpen);
	if (open !== null) return open;
	for (let i = phases.length - 1; i >= 0; i--) {
		if (phases[i]!.state === 'done') return phases[Math.min(i + 1, phases.length - 1)]!;
	}
	return phases[0]!;
}

function freezePhase(phase: WorkingPhase): PhaseProgress {
	const failed = phase.state === 'failed';
	return {
		phase: phase.phase,
		state: phase.state,
		startedAt: phase.startedAt,
		endedAt: phase.endedAt,
		// A failed phase has not recovered from anything: its problems are its cause, not warnings.
		warnings: failed ? 0 : phase.failures,
		retrying: phase.state === 'active' && phase.failures > 0,
		lastWarning: failed ? null : phase.lastWarning,
		cause: failed ? phase.cause : null,
	};
}

export function freezeTrack(track: WorkingTrack, modelStatus: string | null): ModelTrack {
	const news = track.lastEvent === null ? null : {at: track.lastEvent.occurTime, info: track.lastEvent.info};
	return {model: track.model, modelStatus, phases: track.phases.map(freezePhase), lastEvent: news};
}
