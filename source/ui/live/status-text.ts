// The words of the status line: how fresh the data is and what the poll loop does next.
import type {SyncState} from '../../core/watch/sync-state.js';
import {retryText} from '../../core/words/wording.js';
import type {Glyphs} from '../kit/glyphs.js';

function secondsSince(then: number, now: number): number {
	return Math.max(0, Math.floor((now - then) / 1000));
}

function secondsUntil(then: number, now: number): number {
	return Math.max(0, Math.ceil((then - now) / 1000));
}

/** A status line and how alarming it is. */
export interface StatusText {
	readonly text: string;
	readonly tone: 'normal' | 'warning' | 'error';
}

/**
 * `updated 3s ago · next in 2s`, `retrying in 8s (HTTP 503, attempt 3)`, or why polling
 * stopped. `now` is the client clock of the latest tick.
 */
export function syncStatusText(sync: SyncState, now: number, glyphs: Glyphs): StatusText {
	const separator = glyphs.separator;
	switch (sync.kind) {
		case 'loading': {
			return {text: `connecting${glyphs.ellipsis}`, tone: 'normal'};
		}

		case 'ok': {
			const updated = `updated ${secondsSince(sync.lastSuccessAt, now)}s ago`;
			const next = sync.nextPollAt === null ? '' : ` ${separator} next in ${secondsUntil(sync.nextPollAt, now)}s`;
			return {text: updated + next, tone: 'normal'};
		}

		case 'retrying': {
			const retry = retryText(sync, now);
			const last = sync.lastSuccessAt === null ? '' : ` ${separator} updated ${secondsSince(sync.lastSuccessAt, now)}s ago`;
			return {text: retry + last, tone: 'warning'};
		}

		case 'stopped': {
			return {text: `stopped: ${sync.message}`, tone: 'error'};
		}
	}
}
