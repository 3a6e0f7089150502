// The shape of a diagnosis: why a deployment failed, or why it is taking long, and what to
// do. Categories and their definitions: ../shared/troubleshooting.md.
import type {PhaseId} from '../types.js';

/** Why a deployment failed, one word each, as the JSON summary names them. */
export const FAILURE_CATEGORIES = ['resources', 'quota', 'permission', 'config', 'image_build', 'image_pull', 'storage', 'health_check', 'startup', 'timeout', 'unknown'] as const;

export type FailureCategory = (typeof FAILURE_CATEGORIES)[number];

/** A failure category, or `slow`: still in progress, but a phase has run far longer than usual. */
export type DiagnosisCategory = FailureCategory | 'slow';

/**
 * The category in words, for the "Why" block and the plain `cause:` line. Beside the union
 * (what to do about each is in categories.ts): the view's own words name the category, and
 * the painted first frame loads those without the rest of the diagnosis.
 */
export const CATEGORY_TITLES: Readonly<Record<DiagnosisCategory, string>> = {
	resources: 'Not enough resources to place the instances',
	quota: 'A quota is used up',
	permission: 'An authorization is missing',
	config: 'The deployment or model configuration is invalid',
	image_build: 'The model image could not be built',
	image_pull: 'The image could not be pulled onto the node',
	storage: 'Model storage could not be read or mounted',
	health_check: 'The health check never succeeded',
	startup: 'The model container does not start',
	timeout: 'The deployment ran out of time',
	unknown: 'The deployment failed for a reason not recognised',
	slow: 'Slower than usual',
};

/**
 * What decided the category, strongest first: an error code of the official table,
 * words of a specific cause or a fact read about the model or its pool, the phase the text
 * belongs to, a general time-out, nothing.
 */
export type DiagnosisBasis = 'code' | 'words' | 'facts' | 'phase' | 'general' | 'none' | 'duration';

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

/** Where a piece of evidence comes from: the service's events (and error_msg), an error code, or a read made to explain a slow or failed phase. */
export const EVIDENCE_SOURCES = ['events', 'model', 'pool', 'pods', 'code'] as const;

export type EvidenceSource = (typeof EVIDENCE_SOURCES)[number];

/** One fact the diagnosis rests on, as the user reads it: concrete names and numbers, server text as sent. */
export interface EvidenceItem {
	readonly source: EvidenceSource;
	readonly text: string;
}

/**
 * A fact found outside the events (a model's probe, a pool's free GPUs, a pod event, an API
 * error), handed to the diagnosis as data. `category` says what it points to when it points
 * anywhere; `code` and `http` let an API error's code decide through the official table.
 */
export interface ExtraEvidence extends EvidenceItem {
	readonly category?: FailureCategory;
	readonly code?: string;
	readonly http?: number;
	/** Server time it was seen at, when known: earlier facts explain later ones. */
	readonly at?: number;
}

/** A documentation page: its title as link text, and the address on the endpoint's cloud. */
export interface DocLink {
	readonly title: string;
	readonly url: string;
}

export interface Diagnosis {
	readonly category: DiagnosisCategory;
	/** Where it happened; null when no phase is known. */
	readonly phase: PhaseId | null;
	readonly model: string | null;
	/** The event or error text that decided it, exactly as the server sent it (see presentDiagnosis). */
	readonly cause: string | null;
	/** The appendix code the deciding text names ("ModelArts.3976"), whether or not it decided, else null. */
	readonly code: string | null;
	readonly basis: DiagnosisBasis;
	/** 1–3 short lines, plain ASCII, in our own words. */
	readonly advice: readonly string[];
	/** The facts it rests on, the deciding one first. */
	readonly evidence: readonly EvidenceItem[];
	/** The documentation pages to read, on the cloud the endpoint belongs to. */
	readonly docs: readonly DocLink[];
	readonly slow: SlowNote | null;
	readonly deadline: DeadlineNote | null;
}
