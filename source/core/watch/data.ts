// What one watch knows from the server, and what follows from it: the watcher's messages and
// the one fold of them. The live view and the overview embed the data in their state; the
// plain and JSON logs fold the same messages with it (cli/stream-service.ts). A new kind of
// server fact is written here once: its message, its field and its fold.
//
// Like every reducer here, a message that changes nothing returns the very same object (React
// skips the render), and the event store appends a batch in place (no copy of the history).
// The fold is generic over what embeds it: the embedding state's other fields pass through.
import {computeDeployment} from '../deployment/progress.js';
import {estimateSkew} from '../deployment/elapsed.js';
import type {EvidenceFacts} from '../evidence/types.js';
import {newOddities, type Oddity} from '../events/data-oddities.js';
import {futureCutoff, newestDatedTime} from '../events/future-events.js';
import {addEvents, applyRepeats, emptyStore, type Added} from '../events/store.js';
import type {ApiEvent, EventUpdate, ServiceDetails, ServiceMonitor, UpdateLogRecord, WatchEvent} from '../types.js';
import type {PodsReport} from '../wire/v2-types.js';
import {only, type Step} from '../step.js';
import {NO_UPDATE_LOG_READS, withUpdateRecords} from '../deployment/update-log-reads.js';
import type {WatchFacts} from '../ending/watch-end.js';
import {derive, sameJson, withData, type DerivedData, type ReadUpdateLogs} from './derive.js';
import type {SyncState} from './sync-state.js';

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

/** Everything one watch learned from the server, and what follows from it (derive.ts). */
export interface WatchData extends DerivedData {
	/** Why the details API cannot be used (e.g. `HTTP 403`), or null. */
	readonly detailsUnavailable: string | null;
	/** When the last monitor answer came (client ms), null without one. */
	readonly monitorAt: number | null;
	/** Why the monitor API cannot be used, or null. */
	readonly monitorUnavailable: string | null;
	readonly sync: SyncState;
	/** Client time of the last successful poll, null before the first. */
	readonly lastSuccessAt: number | null;
	/** How far the server clock runs ahead of ours (see estimateSkew). */
	readonly skewMs: number;
	/** Odd server data seen so far, each kind once, oldest first: the status line names the latest. */
	readonly oddities: readonly Oddity[];
	/** What was read about the models and the pool while a phase was slow or failed (evidence-reads). */
	readonly evidence: EvidenceFacts;
	/** A long read is being handed over in parts (`more`): what follows from the events is not whole yet. */
	readonly readingParts: boolean;
	/** v2: the latest read of the deployments' pods and their events; null before one (or on v1). */
	readonly pods: PodsReport | null;
}

/** What the fold asks of the world, or tells its embedder. */
export type WatchDataEffect =
	/** The current deployment is an update that began or ended: read the update logs. */
	| ReadUpdateLogs
	/** Events new to the store (the logs print them); `added` is read before the next message. */
	| {readonly type: 'events-added'; readonly batch: Added}
	/** v2 events already held whose count rose, as they are now (the NDJSON log says so). */
	| {readonly type: 'events-repeated'; readonly events: readonly WatchEvent[]}
	/** Odd server data of a kind not seen before (the live view notes it again after exit). */
	| {readonly type: 'data-oddity'; readonly oddity: Oddity};

export function emptyWatchData(): WatchData {
	return {
		store: emptyStore(),
		details: null,
		detailsUnavailable: null,
		monitor: null,
		monitorAt: null,
		monitorUnavailable: null,
		updateReads: NO_UPDATE_LOG_READS,
		sync: {kind: 'loading'},
		lastSuccessAt: null,
		skewMs: 0,
		oddities: [],
		evidence: NO_EVIDENCE,
		pods: null,
		readingParts: false,
		deployment: computeDeployment([], null),
		instances: null,
		update: null,
	};
}

const NO_EVIDENCE: EvidenceFacts = {models: [], pools: []};

/** The facts of this watch that the watch-end rule reads (core/ending/watch-end.ts). */
export function watchFacts(data: WatchData): Pick<WatchFacts, 'outcome' | 'detailsUnavailable' | 'polled'> {
	// Mid-read, the outcome may be an old deployment's cut at a page boundary: nothing ends on it.
	const outcome = data.readingParts ? 'in_progress' : data.deployment.outcome;
	return {outcome, detailsUnavailable: data.detailsUnavailable !== null, polled: data.lastSuccessAt !== null};
}

/** How one kind of message changes the data: the same object when it changes nothing. */
type Fold<T extends WatchMessage['type']> = <D extends WatchData>(data: D, message: Extract<WatchMessage, {readonly type: T}>) => Step<D, WatchDataEffect>;

// One entry per message type: a message without its fold does not compile, and this table is
// also what tells a watcher message from the other actions of a reducer that embeds the data.
const FOLDS: {readonly [T in WatchMessage['type']]: Fold<T>} = {
	events(data, message) {
		// Events dated past the server's own clock are kept but set no time (future-events.ts).
		const batch = addEvents(data.store, message.events, futureCutoff(message));
		const readingParts = message.more === true;
		if (batch.store === data.store) return only(data.readingParts === readingParts ? data : {...data, readingParts});
		const newest = message.serverNow ?? newestDatedTime(batch.added);
		const skewMs = newest === null ? data.skewMs : estimateSkew(newest, message.at, data.skewMs);
		const fresh = newOddities(data.oddities, batch);
		const oddities = fresh.length === 0 ? data.oddities : [...data.oddities, ...fresh];
		const told = fresh.map((oddity): WatchDataEffect => ({type: 'data-oddity', oddity}));
		return withData(data, {...data, store: batch.store, skewMs, oddities, readingParts}, [{type: 'events-added', batch}, ...told]);
	},
	'event-updates'(data, message) {
		const {store, updated} = applyRepeats(data.store, message.updates);
		if (store === data.store) return only(data);
		return withData(data, {...data, store}, [{type: 'events-repeated', events: updated}]);
	},
	details(data, message) {
		if (sameJson(data.details, message.details) && data.detailsUnavailable === null) return only(data);
		return withData(data, {...data, details: message.details, detailsUnavailable: null});
	},
	'details-unavailable': (data, message) => only(data.detailsUnavailable === message.reason ? data : {...data, detailsUnavailable: message.reason}),
	monitor(data, message) {
		if (sameJson(data.monitor, message.monitor)) return only(data);
		return only(derive(data, {...data, monitor: message.monitor, monitorAt: message.at}));
	},
	'monitor-unavailable': (data, message) => only(data.monitorUnavailable === message.reason ? data : {...data, monitorUnavailable: message.reason}),
	'update-logs': (data, message) => only(derive(data, {...data, updateReads: withUpdateRecords(data.updateReads, message.records)})),
	// Said once in --debug by the run (cli/run.ts); the watch carries on without the update.
	'update-logs-unavailable': data => only(data),
	// Each message carries everything read so far; its notes went to --debug (cli/run.ts).
	evidence: (data, message) => only(data.evidence === message.facts ? data : {...data, evidence: message.facts}),
	pods: (data, message) => only(sameJson(data.pods, message.report) ? data : {...data, pods: message.report}),
	sync(data, {state}) {
		if (sameJson(data.sync, state)) return only(data);
		const lastSuccessAt = state.kind === 'ok' || state.kind === 'retrying' ? (state.lastSuccessAt ?? data.lastSuccessAt) : data.lastSuccessAt;
		return only({...data, sync: state, lastSuccessAt});
	},
};

/** Whether an action is one of the watcher's messages. */
export function isWatchMessage(action: {readonly type: string}): action is WatchMessage {
	return Object.hasOwn(FOLDS, action.type);
}

/** One watcher message folded in: the data after it (the same object when nothing changed) and its effects. */
export function foldWatch<D extends WatchData>(data: D, message: WatchMessage): Step<D, WatchDataEffect> {
	// The table pairs each type with its fold; TypeScript cannot follow that pairing through an index.
	const fold = FOLDS[message.type] as Fold<WatchMessage['type']>;
	return fold(data, message as never);
}
