// The non-TTY outputs keep only what they print from: every event (oldest first), the
// latest service details, monitor answer and update records, and what follows from them
// (the deployment, its instance counts, what its update changes). The TTY has its own
// reducer with filters and paging; this is the small fold the plain and JSON logs need.
// Events live in the model's store, which appends a batch in place (no copy of the history
// per batch) and numbers exact repeats the same way the live view does.
import {computeDeployment} from '../model/deployment.js';
import {serviceInstances} from '../model/instances.js';
import {addEvents, applyRepeats, emptyStore, storeEvents, type Added, type EventStore} from '../model/store.js';
import type {ApiEvent, ServiceDetails, ServiceMonitor, WatchEvent} from '../model/types.js';
import {currentUpdate, nextUpdateLogRead, NO_UPDATE_LOG_READS, withUpdateRecords, type UpdateLogReads} from '../model/update-log-reads.js';
import type {SyncState, WatchMessage} from '../model/watch-messages.js';
import type {WatchSnapshot} from './snapshot.js';

export interface StreamState {
	/** `events` is the store's own array: read it before the next message is folded in. */
	readonly snapshot: WatchSnapshot;
	readonly sync: SyncState | null;
	readonly store: EventStore;
	/** Why the details API cannot be used (e.g. `HTTP 403`), or null. */
	readonly detailsUnavailable: string | null;
	readonly monitor: ServiceMonitor | null;
	/** Why the monitor API cannot be used, or null. */
	readonly monitorUnavailable: string | null;
	readonly updateReads: UpdateLogReads;
}

export function initialStreamState(): StreamState {
	const store = emptyStore();
	const snapshot: WatchSnapshot = {events: storeEvents(store), details: null, deployment: computeDeployment([], null), instances: null, instancesAt: null, update: null};
	return {snapshot, sync: null, store, detailsUnavailable: null, monitor: null, monitorUnavailable: null, updateReads: NO_UPDATE_LOG_READS};
}

/** What one message did: the state after it, the events it added, and whether to read the update logs. */
export interface Applied {
	readonly state: StreamState;
	readonly batch: Added | null;
	/** The update-log rule asks for a read (Watcher.readUpdateLogs). */
	readonly readUpdateLogs: boolean;
	/** v2 events whose count rose, as they are now; absent when none did. */
	readonly repeated?: readonly WatchEvent[];
}

/** The parts of the snapshot that follow from the events, details, monitor and update records. */
function derived(state: StreamState, events: readonly WatchEvent[], details: ServiceDetails | null, instancesAt: number | null): WatchSnapshot {
	const deployment = computeDeployment(events, details);
	const {monitor} = state;
	const instances = monitor === null ? null : serviceInstances(monitor, deployment.tracks.map(track => track.model), details?.config ?? []);
	return {events, details, deployment, instances, instancesAt, update: currentUpdate(state.updateReads, deployment, details)};
}

/** New events or details: the snapshot again, and the update-log rule asked. */
function withData(state: StreamState, events: readonly WatchEvent[], details: ServiceDetails | null, batch: Added | null): Applied {
	const snapshot = derived(state, events, details, state.snapshot.instancesAt);
	const {reads, read} = nextUpdateLogRead(state.updateReads, events, snapshot.deployment, details);
	return {state: {...state, snapshot, updateReads: reads}, batch, readUpdateLogs: read};
}

/** The watcher delivers each event once; late arrivals are sorted in by occur_time. */
function withEvents(state: StreamState, events: readonly ApiEvent[]): Applied {
	const batch = addEvents(state.store, events);
	if (batch.store === state.store) return unchanged(state);
	return withData({...state, store: batch.store}, storeEvents(batch.store), state.snapshot.details, batch);
}

function unchanged(state: StreamState): Applied {
	return {state, batch: null, readUpdateLogs: false};
}

/** A state whose monitor or update records changed: the snapshot recomputed from them. */
function rederived(state: StreamState, instancesAt: number | null): Applied {
	const {events, details} = state.snapshot;
	return {...unchanged(state), state: {...state, snapshot: derived(state, events, details, instancesAt)}};
}

/** One watcher message folded in. */
export function applyMessage(state: StreamState, message: WatchMessage): Applied {
	switch (message.type) {
		case 'events':
			return withEvents(state, message.events);
		case 'event-updates': {
			const {store, updated} = applyRepeats(state.store, message.updates);
			if (store === state.store) return unchanged(state);
			return {...withData({...state, store}, storeEvents(store), state.snapshot.details, null), repeated: updated};
		}
		case 'details':
			return withData({...state, detailsUnavailable: null}, state.snapshot.events, message.details, null);
		case 'details-unavailable':
			return unchanged({...state, detailsUnavailable: message.reason});
		case 'monitor':
			return rederived({...state, monitor: message.monitor}, message.at);
		case 'monitor-unavailable':
			return unchanged({...state, monitorUnavailable: message.reason});
		case 'update-logs':
			return rederived({...state, updateReads: withUpdateRecords(state.updateReads, message.records)}, state.snapshot.instancesAt);
		case 'update-logs-unavailable':
		case 'pods':
			return unchanged(state);
		case 'sync':
			return unchanged({...state, sync: message.state});
	}
}
