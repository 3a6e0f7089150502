// When a phase counts as slow, and the deployment timeout. The documentation gives only the
// timeout (20 minutes by default, 3–120 configurable); the per-phase thresholds are our
// judgement of "far longer than usual": builds and pulls of large models legitimately take
// minutes, scheduling and environment preparation normally take seconds.
import type {PhaseId} from '../types.js';

const MINUTE = 60_000;

/** Per phase: how long it may run before it counts as slow, in ms. */
export type SlowThresholds = Readonly<Record<PhaseId, number>>;

export const DEFAULT_SLOW_THRESHOLDS: SlowThresholds = {
	image_building: 15 * MINUTE,
	environment_preparation: 5 * MINUTE,
	resource_scheduling: 5 * MINUTE,
	image_pulling: 10 * MINUTE,
	model_startup: 10 * MINUTE,
};

/** ModelArts ends a deployment after this long unless the service sets another timeout. */
export const DEFAULT_DEPLOY_TIMEOUT_MS = 20 * MINUTE;
/** The deployment timeouts ModelArts accepts. */
export const DEPLOY_TIMEOUT_RANGE_MS = {min: 3 * MINUTE, max: 120 * MINUTE} as const;
/** Within this of the deployment timeout, the slow hint says so. */
export const NEAR_TIMEOUT_MS = 3 * MINUTE;

/** The short names a threshold override uses, as the timeline legend names the phases. */
export const PHASE_KEYS: Readonly<Record<PhaseId, string>> = {
	image_building: 'build',
	environment_preparation: 'env',
	resource_scheduling: 'schedule',
	image_pulling: 'pull',
	model_startup: 'start',
};

/** Names accepted for each phase: the short key, a longer word, and the phase id. */
const ALIASES: Readonly<Record<string, PhaseId>> = {
	building: 'image_building',
	environment: 'environment_preparation',
	scheduling: 'resource_scheduling',
	pulling: 'image_pulling',
	startup: 'model_startup',
};

/** The phase a key names (`pull`, `pulling`, `image_pulling`, any case), or null. */
export function phaseOfKey(key: string): PhaseId | null {
	const wanted = key.trim().toLowerCase();
	for (const [phase, short] of Object.entries(PHASE_KEYS) as [PhaseId, string][]) {
		if (wanted === short || wanted === phase) return phase;
	}
	return ALIASES[wanted] ?? null;
}
