// The per-model phase state machine. It works on mutable scratch state that
// computeDeployment builds afresh on every call, so the public API stays pure.
// Invariant: within a lifecycle a done phase never returns to pending (or active).
import {PHASE_IDS} from './types.js';
import type {ModelTrack, PhaseId, PhaseProgress, PhaseState} from './types.js';

export interface WorkingPhase {
	readonly phase: PhaseId;
	state: PhaseState;
	startedAt: number | null;
	endedAt: number | null;
	/** Abnormal events seen on this phase; they become warnings once it recovers. */
	failures: number;
	cause: string | null;
}

export interface WorkingTrack {
	readonly model: string | null;
	readonly phases: WorkingPhase[];
}

export const PHASE_COUNT = PHASE_IDS.length;

export function newTrack(model: string | null): WorkingTrack {
	const phases = PHASE_IDS.map(
		(phase): WorkingPhase => ({phase, state: 'pending', startedAt: null, endedAt: null, failures: 0, cause: null}),
	);
	return {model, phases};
}

export function phaseIndex(phase: PhaseId): number {
	return PHASE_IDS.indexOf(phase);
}

/** Done: a later phase started, its success arrived, or the service is running. */
function finish(phase: WorkingPhase, at: number | null): void {
	if (phase.state === 'active') phase.endedAt = at;
	phase.state = 'done';
	phase.cause = null;
}

/** Every phase before `index` is over: active ones end at `at`, skipped ones are done with unknown times. */
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

export function failPhase(phase: WorkingPhase, at: number | null, cause: string): void {
	phase.startedAt ??= at;
	phase.endedAt = at;
	phase.failures++;
	phase.state = 'failed';
	phase.cause = cause;
}

/**
 * Where a problem without a phase belongs: the active (or failed) phase furthest along,
 * else the phase after the last done one, else the last phase.
 */
export function currentPhase(track: WorkingTrack): WorkingPhase {
	const phases = track.phases;
	for (let i = phases.length - 1; i >= 0; i--) {
		const state = phases[i]!.state;
		if (state === 'active' || state === 'failed') return phases[i]!;
	}
	for (let i = phases.length - 1; i >= 0; i--) {
		if (phases[i]!.state === 'done') return phases[Math.min(i + 1, phases.length - 1)]!;
	}
	return phases[0]!;
}

function freezePhase(phase: WorkingPhase): PhaseProgress {
	// A failed phase has not recovered from anything yet: its problems are its cause, not warnings.
	const warnings = phase.state === 'failed' ? 0 : phase.failures;
	return {
		phase: phase.phase,
		state: phase.state,
		startedAt: phase.startedAt,
		endedAt: phase.endedAt,
		warnings,
		cause: phase.cause,
	};
}

export function freezeTrack(track: WorkingTrack, modelStatus: string | null): ModelTrack {
	return {model: track.model, modelStatus, phases: track.phases.map(freezePhase)};
}
