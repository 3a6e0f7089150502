// What a poll loop is to the run modes that drive it: its options, its clock, its end and the
// factory a run mode is given. The loop itself is watcher.ts; these types are apart so that the
// request gate and the watch set can use the clock without importing the loop.
import type {SlowThresholds} from '../../core/diagnosis/thresholds.js';
import type {EventUpdate} from '../../core/types.js';
import type {WatchMessage} from '../../core/watch/data.js';
import type {BackoffPolicy} from './backoff.js';
import type {ApiError} from '../errors.js';
import type {ProjectGet} from '../evidence/client.js';
import type {MonitorCadence} from './extra-reads.js';
import type {EventSync} from './sync.js';
import type {ModelArtsClient} from '../types.js';
import type {WatcherClock} from './watch-clock.js';

export interface WatcherOptions {
	readonly client: ModelArtsClient;
	readonly serviceId: string;
	/** The event sync; built from since/until/pageSize when absent. A v2 sync also hands over repeats. */
	readonly sync?: EventSync & {takeUpdates?(): EventUpdate[]};
	readonly since?: number | null;
	readonly until?: number | null;
	readonly pageSize?: number;
	/** Poll interval while a deployment is in progress. */
	readonly intervalMs: number;
	readonly clock?: WatcherClock;
	/** Jitter source, [0, 1). */
	readonly random?: () => number;
	readonly onMessage: (message: WatchMessage) => void;
	/**
	 * Stop polling once the service reaches a terminal status, after one more events fetch so
	 * that events written just before the status changed are not lost. Whether that ends the
	 * watch is not the poll loop's call (core/ending/watch-end.ts).
	 */
	readonly stopAfterTerminal?: boolean;
	readonly backoff?: BackoffPolicy;
	/** Least time between the starts of two cycles (each is ≥ 2 requests); 1 s by default. */
	readonly minGapMs?: number;
	/**
	 * Failed attempts in a row, before ModelArts ever answered (data, or an error in its JSON
	 * shape), after which the watch gives up (5 by default, about half a minute). A server never reached is far likelier a
	 * wrong endpoint or a missing proxy than a passing fault, and CI should not wait forever.
	 */
	readonly attemptsBeforeFirstSuccess?: number;
	/** How rarely the monitor is read (MONITOR_CADENCE by default). */
	readonly monitorCadence?: MonitorCadence;
	/**
	 * GETs below the project (api/client.ts), for the reads beyond the service's own API: the
	 * models and the pool, read when a phase is slow or failed. Without it none are made.
	 */
	readonly projectGet?: ProjectGet;
	readonly slowThresholds?: SlowThresholds;
	/** Resolves when the consumer can take more (stdout has drained): awaited before each cycle; given, a long read is handed over in parts, awaited between them. */
	readonly readyForMore?: () => Promise<void>;
}

/** Why polling ended: the final fetch after a terminal status, stop(), or a permanent error. */
export interface WatchResult {
	readonly reason: 'terminal' | 'stopped' | 'permanent-error';
	readonly error?: ApiError;
}

/** The poll loop of one service, as every run mode drives it. */
export interface Watcher {
	start(): void;
	/** Poll now (the `r` key) and return to the normal cadence. */
	refreshNow(): void;
	/**
	 * Read the update logs in the cycle under way (or the next one): the consumer saw an
	 * update begin or end. Asks no extra cycle; ignored once the logs are known absent.
	 */
	readUpdateLogs(): void;
	stop(): void;
	readonly done: Promise<WatchResult>;
}

/** Builds the poll loop of one service, reporting to `onMessage`; the run mode owns its life. */
export type WatcherFactory = (onMessage: (message: WatchMessage) => void) => Watcher;
