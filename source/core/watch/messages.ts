import type {EvidenceFacts} from '../evidence/types.js';
import type {ApiEvent, EventUpdate, ServiceDetails, ServiceMonitor, UpdateLogRecord} from '../types.js';
import type {PodsReport} from '../wire/v2-types.js';

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
 * What the watcher (source/api/poll/watcher.ts) reports. The TTY dispatches these into the
 * reducer; the plain and JSON renderers consume the same stream.
 */
export type WatchMessage =
	/**
	 * New events, each exactly once across the whole watch, in server order. `more`: a part of
	 * a long read handed over in parts as it is read, with more to come; what follows from the
	 * events (phases, outcome) is only whole after the last part.
	 */
	| {
			readonly type: 'events';
			readonly events: readonly ApiEvent[];
			readonly at: number;
			/** The server's own clock (its `Date` header) when it answered; null or absent when unknown. */
			readonly serverNow?: number | null;
			readonly more?: true;
	  }
	/** v2 events delivered before occurred again: their counts rose. Never new events. */
	| {readonly type: 'event-updates'; readonly updates: readonly EventUpdate[]; readonly at: number}
	| {readonly type: 'details'; readonly details: ServiceDetails; readonly at: number}
	/** The details API cannot be used (e.g. 403): progress comes from events alone. */
	| {readonly type: 'details-unavailable'; readonly reason: string; readonly at: number}
	/** A monitor answer (instances and resource use) that differs from the last one. */
	| {readonly type: 'monitor'; readonly monitor: ServiceMonitor; readonly at: number}
	/** The monitor API is not offered (403, 404, an edge service): no instance counts. */
	| {readonly type: 'monitor-unavailable'; readonly reason: string; readonly at: number}
	/** The service's update records, read because the consumer asked (Watcher.readUpdateLogs). */
	| {readonly type: 'update-logs'; readonly records: readonly UpdateLogRecord[]; readonly at: number}
	/** The update logs API is not offered: the watch carries on without the update line. */
	| {readonly type: 'update-logs-unavailable'; readonly reason: string; readonly at: number}
	/**
	 * What the loop read because a phase is slow or failed: everything read so far (each read
	 * replaces its model or pool), for evidenceFrom (core/evidence/items.ts). `notes` are new
	 * one-time remarks for --debug: an API refused, a model without probes, a bad quantity.
	 */
	| {readonly type: 'evidence'; readonly facts: EvidenceFacts; readonly notes: readonly string[]; readonly at: number}
	| {readonly type: 'sync'; readonly state: SyncState; readonly at: number}
	/** v2 only: deployments, pods and their Kubernetes events, read while a deployment is not all running. */
	| {readonly type: 'pods'; readonly report: PodsReport; readonly at: number};

// Every message type, so that a reducer embedding the watch data can pass them all to the fold
// (core/watch/data.ts) without naming each: a new message fails to compile until it is listed here.
const WATCH_MESSAGE_TYPES: Readonly<Record<WatchMessage['type'], true>> = {
	events: true,
	'event-updates': true,
	details: true,
	'details-unavailable': true,
	monitor: true,
	'monitor-unavailable': true,
	'update-logs': true,
	'update-logs-unavailable': true,
	evidence: true,
	pods: true,
	sync: true,
};

/** Whether an action is one of the watcher's messages. */
export function isWatchMessage(action: {readonly type: string}): action is WatchMessage {
	return Object.hasOwn(WATCH_MESSAGE_TYPES, action.type);
}
