// The shape of a diagnosis: why a deployment failed, or why it is taking long, and what to
// do. Categories and their definitions: ../shared/troubleshooting.md.
import type {PhaseId} from '../types.js';

/** Why a deployment failed, one word each, as the JSON summary names them. */
export const FAILURE_CATEGORIES = ['resources', 'quota', 'image_build', 'image_pull', 'storage', 'health_check', 'startup', 'timeout', 'unknown'] as const;

export type FailureCategory = (typeof FAILURE_CATEGORIES)[number];

/** A failure category, or `slow`: still in progress, but a phase has run far longer than usual. */
export type DiagnosisCategory = FailureCategory | 'slow';

/**
 * What decided the category, strongest first: an error code the troubleshooting table lists,
 * words of a specific cause, the phase the text belongs to, a general time-out, nothing.
 */
export type DiagnosisBasis = 'code' | 'words' | 'phase' | 'general' | 'none' | 'duration';

/** A phase running longer than its threshold. */
export interface SlowNote {
	readonly elapsedMs: number;
	readonly thresholdMs: number;
	/** Time since the model's latest event, when known. */
	readonly quietMs: number | null;
}

/** How close the deployment is to its timeout (only set within NEAR_TIMEOUT_MS of it, or past it). */
export interface DeadlineNote {
	readonly timeoutMs: number;
	/** Negative once the timeout has passed and ModelArts has not ended the deployment yet. */
	readonly remainingMs: number;
}

export interface Diagnosis {
	readonly category: DiagnosisCategory;
	/** Where it happened; null when no phase is known. */
	readonly phase: PhaseId | null;
	readonly model: string | null;
	/** The event or error text that decided it, exactly as the server sent it (see presentDiagnosis). */
	readonly cause: string | null;
	/** The listed code that decided it ("ModelArts.3976"), or the time-out code seen, else null. */
	readonly code: string | null;
	readonly basis: DiagnosisBasis;
	/** 1–3 short lines, plain ASCII, in our own words. */
	readonly advice: readonly string[];
	/** Titles of the documentation pages to read. */
	readonly docs: readonly string[];
	readonly slow: SlowNote | null;
	readonly deadline: DeadlineNote | null;
}
