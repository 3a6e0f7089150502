import type {SyncState} from '../core/watch/sync-state.js';
import {retryText} from '../core/words/wording.js';

/**
 * A short stderr line when the connection to the API changes: "retrying in 8s (HTTP 503,
 * attempt 3)" and "connected again". A permanent stop is reported by the runner, which
 * knows the error and the exit code.
 */
export function syncLine(previous: SyncState | null, next: SyncState, nowMs: number): string | null {
	if (next.kind === 'retrying') return retryText(next, nowMs);

	if (next.kind === 'ok' && previous?.kind === 'retrying') return 'connected again';
	return null;
}
