// The non-TTY outputs keep only what they print from: every event (oldest first), the
// latest service details and the deployment computed from both. The TTY has its own
// reducer with filters and paging; this is the small fold the plain and JSON logs need.
// Events live in the model's store, which appends a batch in place (no copy of the history
// per batch) and numbers exact repeats the same way the live view does.
import {computeDeployment} from '../model/deployment.js';
import {addEvents, emptyStore, storeEvents, type Added, type EventStore} from '../model/store.js';
import type {ApiEvent} from '../model/types.js';
import type {SyncState, WatchMessage} from '../model/watch-messages.js';
import type {WatchSnapshot} from './snapshot.js';

export interface StreamState {
	/** `events` is the store's own array: read it before the next message is folded in. */
	readonly snapshot: WatchSnapshot;
	readonly sync: SyncState | null;
	readonly store: EventStore;
	/** Why the details API cannot be used (e.g. `HTTP 403`), or null. */
	readonly detailsUnavailable: string | null;
}

export function initialStreamState(): StreamState {
	const store = emptyStore();
	return {snapshot: {events: storeEvents(store), details: null, deployment: computeDeployment([], null)}, sync: null, store, detailsUnavailable: null};
}

/** What one message did: the state after it, and the batch of events it added (null for none). */
export interface Applied {
	readonly state: StreamState;
	readonly batch: Added | null;
}

/** The watcher delivers each event once; late arrivals are sorted in by occur_time. */
function withEvents(state: StreamState, events: readonly ApiEvent[]): Applied {
	const batch = addEvents(state.store, events);
	if (batch.store === state.store) return {state, batch: null};
	const all = storeEvents(batch.store);
	const snapshot = {...state.snapshot, events: all, deployment: computeDeployment(all, state.snapshot.details)};
	return {state: {...state, snapshot, store: batch.store}, batch};
}

/** One watcher message folded in. */
export function applyMessage(state: StreamState, message: WatchMessage): Applied {
	switch (message.type) {
		case 'events':
			return withEvents(state, message.events);
		case 'details': {
			const {events} = state.snapshot;
			const snapshot = {events, details: message.details, deployment: computeDeployment(events, message.details)};
			return {state: {...state, snapshot, detailsUnavailable: null}, batch: null};
		}
		case 'details-unavailable':
			return {state: {...state, detailsUnavailable: message.reason}, batch: null};
		case 'sync':
			return {state: {...state, sync: message.state}, batch: null};
	}
}
