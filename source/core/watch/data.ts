// What one watch knows from the server, and what follows from it: the one fold of the
// watcher's messages (core/watch/messages.ts). The live view and the overview embed it in their
// state; the plain and JSON logs fold the same messages with it (cli/stream-service.ts). A
// new kind of server message is folded in here, and nowhere else.
//
// Like every reducer here, a message that changes nothing returns the very same object (React
// skips the render), and the event store appends a batch in place (no copy of the history).
// The fold is generic over what embeds it: the embedding state's other fields pass through.
import {computeDeployment} from '../deployment/progress.js';
import {estimateSkew} from '../deployment/elapsed.js';
import type {EvidenceFacts} from '../evidence/types.js';
import {serviceInstances, type ServiceInstances} from '../deployment/instances.js';
import {newOddities, type Oddity} from '../events/data-oddities.js';
import {futureCutoff, newestDatedTime} from '../events/future-events.js';
import {addEvents, applyRepeats, emptyStore, storeEvents, type Added, type EventStore} from '../events/store.js';
import type {DeploymentProgress, ServiceDetails, ServiceMonitor, WatchEvent} from '../types.js';
import type {PodsReport} from '../wire/v2-types.js';
import {only, type Step} from '../step.js';
import type {UpdateDiff} from '../deployment/update-log-diff.js';
import {currentUpdate, nextUpdateLogRead, NO_UPDATE_LOG_READS, withUpdateRecords, type UpdateLogReads} from '../deployment/update-log-reads.js';
import type {WatchFacts} from '../ending/watch-end.js';
import type {SyncState, WatchMessage} from './messages.js';

/** Everything one watch learned from the server, and what follows from it. */
export interface WatchData {
	/** Every event received, sorted by occur_time. */
	readonly store: EventStore;
	readonly details: ServiceDetails | null;
	/** Why the details API cannot be used (e.g. `HTTP 403`), or null. */
	readonly detailsUnavailable: string | null;
	/** The last monitor answer (instances and resource use), or null. */
	readonly monitor: ServiceMonitor | null;
	/** When that answer came (client ms), null without one. */
	readonly monitorAt: number | null;
	/** Why the monitor API cannot be used, or null. */
	readonly monitorUnavailable: string | null;
	/** When to read the update logs, and the records read (update-log-reads.ts). */
	readonly updateReads: UpdateLogReads;
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
	// Derived, recomputed only when what they follow from changes (at most once per poll).
	/** Progress of the current deployment from every event and the details. */
	readonly deployment: DeploymentProgress;
	/** The monitor answer attributed to the deployment's models; null without one. */
	readonly instances: ServiceInstances | null;
	/** What the current deployment's update changes, once its update logs were read. */
	readonly update: UpdateDiff | null;
}

/** What the fold asks of the world, or tells its embedder. */
export type WatchDataEffect =
	/** The current deployment is an update that began or ended: read the update logs. */
	| {readonly type: 'read-update-logs'}
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

function sameJson(a: unknown, b: unknown): boolean {
	return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** The derived parts for new inputs, each reused when what it follows from did not change. */
function derive<D extends WatchData>(before: WatchData, next: D): D {
	const deployment =
		before.store === next.store && before.details === next.details ? before.deployment : computeDeployment(storeEvents(next.store), next.details, before.deployment);
	const sameModels = deployment === before.deployment && next.details === before.details;
	const instances =
		sameModels && next.monitor === before.monitor
			? before.instances
			: next.monitor === null
				? null
				: serviceInstances(next.monitor, deployment.tracks.map(track => track.model), next.details?.config ?? []);
	const update = sameModels && next.updateReads === before.updateReads ? before.update : currentUpdate(next.updateReads, deployment, next.details);
	return {...next, deployment, instances, update};
}

/** New events or details: the derived parts again, and a read of the update logs when the rule says so. */
function withData<D extends WatchData>(before: D, next: D, effects: readonly WatchDataEffect[] = []): Step<D, WatchDataEffect> {
	const derived = derive(before, next);
	const {reads, read} = nextUpdateLogRead(derived.updateReads, storeEvents(derived.store), derived.deployment, derived.details);
	const settled = reads === derived.updateReads ? derived : derive(derived, {...derived, updateReads: reads});
	return [settled, read ? [...effects, {type: 'read-update-logs'}] : effects];
}

function withSync<D extends WatchData>(data: D, sync: SyncState): D {
	if (sameJson(data.sync, sync)) return data;
	const lastSuccessAt = sync.kind === 'ok' || sync.kind === 'retrying' ? (sync.lastSuccessAt ?? data.lastSuccessAt) : data.lastSuccessAt;
	return {...data, sync, lastSuccessAt};
}

/** One watcher message folded in: the data after it (the same object when nothing changed) and its effects. */
export function foldWatch<D extends WatchData>(data: D, message: WatchMessage): Step<D, WatchDataEffect> {
	switch (message.type) {
		case 'events': {
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
		}

		case 'event-updates': {
			const {store, updated} = applyRepeats(data.store, message.updates);
			if (store === data.store) return only(data);
			return withData(data, {...data, store}, [{type: 'events-repeated', events: updated}]);
		}

		case 'details': {
			if (sameJson(data.details, message.details) && data.detailsUnavailable === null) return only(data);
			return withData(data, {...data, details: message.details, detailsUnavailable: null});
		}

		case 'details-unavailable': {
			return only(data.detailsUnavailable === message.reason ? data : {...data, detailsUnavailable: message.reason});
		}

		case 'monitor': {
			if (sameJson(data.monitor, message.monitor)) return only(data);
			return only(derive(data, {...data, monitor: message.monitor, monitorAt: message.at}));
		}

		case 'monitor-unavailable': {
			return only(data.monitorUnavailable === message.reason ? data : {...data, monitorUnavailable: message.reason});
		}

		case 'update-logs': {
			return only(derive(data, {...data, updateReads: withUpdateRecords(data.updateReads, message.records)}));
		}

		case 'update-logs-unavailable': {
			// Said once in --debug by the run (cli/run.ts); the watch carries on without the update.
			return only(data);
		}

		case 'evidence': {
			// Each message carries everything read so far; its notes went to --debug (cli/run.ts).
			return only(data.evidence === message.facts ? data : {...data, evidence: message.facts});
		}

		case 'pods': {
			return only(sameJson(data.pods, message.report) ? data : {...data, pods: message.report});
		}

		case 'sync': {
			return only(withSync(data, message.state));
		}
	}
}
