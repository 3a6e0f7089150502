import type {ApiEvent, ServiceDetails} from './types.js';

/** Where the poll loop stands; shown in the status line. Times are ms since the epoch. */
export type SyncState =
	| {readonly kind: 'loading'}
	| {readonly kind: 'ok'; readonly lastSuccessAt: number; readonly nextPollAt: number | null}
	| {
			readonly kind: 'retrying';
			readonly attempt: number;
			/** Short and human: "HTTP 503", "timed out", "connection reset", "HTTP 429 APIGW.0308". */
			readonly reason: string;
			readonly retryAt: number;
			readonly lastSuccessAt: number | null;
	  }
	/** A permanent error: polling stopped. `message` says what to do. */
	| {readonly kind: 'stopped'; readonly message: string; readonly errorKind: string};

/**
 * What the watcher (source/api/watcher.ts) reports. The TTY dispatches these into the
 * reducer; the plain and JSON renderers consume the same stream.
 */
export type WatchMessage =
	/** New events, each exactly once across the whole watch, in server order. */
	| {readonly type: 'events'; readonly events: readonly ApiEvent[]; readonly at: number}
	| {readonly type: 'details'; readonly details: ServiceDetails; readonly at: number}
	/** The details API cannot be used (e.g. 403): progress comes from events alone. */
	| {readonly type: 'details-unavailable'; readonly reason: string; readonly at: number}
	| {readonly type: 'sync'; readonly state: SyncState; readonly at: number};
