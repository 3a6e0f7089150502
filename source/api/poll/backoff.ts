// Pure timing rules of the poll loop. Kept apart from the loop so every rule is table-tested
// without timers: the loop only asks "how long until the next request?".
import type {ApiError} from '../errors.js';

/** Exponential back-off with full jitter between `minMs` and a cap. */
export interface BackoffPolicy {
	readonly baseMs: number;
	readonly capMs: number;
	/** Never ask again sooner than this: keeps the tool under ~2 requests per second. */
	readonly minMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = {baseMs: 1000, capMs: 60_000, minMs: 500};

/**
 * Delay before retry number `attempt` (1 for the first retry). Full jitter spreads clients
 * that failed together (a gateway restart) instead of making them return in lock-step.
 */
export function backoffDelay(attempt: number, random: () => number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
	const exponent = Math.min(Math.max(attempt - 1, 0), 30);
	const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
	return Math.max(policy.minMs, Math.floor(random() * ceiling));
}

/** Delay before retrying after `error`; a server's Retry-After is a floor, never shortened. */
export function retryDelay(
	error: ApiError,
	attempt: number,
	random: () => number,
	policy: BackoffPolicy = DEFAULT_BACKOFF,
): number {
	const jittered = backoffDelay(attempt, random, policy);
	const retryAfterMs = 'retryAfterMs' in error && typeof error.retryAfterMs === 'number' ? error.retryAfterMs : null;
	return retryAfterMs === null ? jittered : Math.max(retryAfterMs, jittered);
}

/**
 * Retry-After as milliseconds: either delta-seconds ("3", "2.5") or an HTTP-date.
 * Null when absent or unreadable; never negative.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | null {
	const text = value?.trim();
	if (!text) {
		return null;
	}

	if (/^\d+(\.\d+)?$/.test(text)) {
		return Math.round(Number(text) * 1000);
	}

	// An HTTP-date always names a day or month; Date.parse alone would read "-1" as a year.
	const date = /[a-z]/i.test(text) ? Date.parse(text) : Number.NaN;
	return Number.isNaN(date) ? null : Math.max(0, date - nowMs);
}

/** Ceiling of the quiet cadence: 5× the interval, but not beyond 30 s unless the interval is. */
function quietCeiling(intervalMs: number): number {
	return Math.min(intervalMs * 5, Math.max(intervalMs, 30_000));
}

/**
 * Poll delay after `quietCycles` consecutive polls that changed nothing on a settled
 * (running or stopped) service: grows by half the interval each quiet cycle up to the
 * ceiling, so a long-lived watch costs little while a change is still noticed soon.
 */
export function quietDelay(intervalMs: number, quietCycles: number): number {
	const grown = intervalMs * (1 + Math.max(quietCycles, 0) * 0.5);
	return Math.max(intervalMs, Math.min(grown, quietCeiling(intervalMs)));
}
