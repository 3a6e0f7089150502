// The non-TTY outputs keep only what they print from: every event (oldest first), the
// latest service details and the deployment computed from both. The TTY has its own
// reducer with filters and paging; this is the small fold the plain and JSON logs need.
// Events live in the model's store, which appends a batch in place (no copy of the history
// per batch) and numbers exact repeats the same way the live view does.
import {computeDeployment} from '../model/deployment.js';
import {addEvents, emptyStore, storeEvents, type EventStore} from '../model/store.js';
import type {ApiEvent, WatchEvent} from '../model/types.js';
import type {SyncState, WatchMessage} from '../model/watch-messages.js';
import type {WatchSnapshot} from './snapshot.js';

export interface StreamState {
	/** `events` is the store's own array: read it before the next message is folded in. */
	readonly snapshot: WatchSnapshot;
	readonly sync: SyncState | null;
	readonly store: EventStore;
}

export function initialStreamState(): StreamState {
	const store = emptyStore();
	return {snapshot: {events: storeEvents(store), details: null, deployment: computeDeployment([], null)}, sync: null, store};
}

/**
 * The events of the last batch, oldest first. They are the store's tail unless one of them
 * sorted in before an event held already (then the seqs, given in arrival order, tell them).
 */
function addedEvents(all: readonly WatchEvent[], firstNewSeq: number, count: number): WatchEvent[] {
	const tail = all.slice(all.length - count);
	return tail.every(event => event.seq >= firstNewSeq) ? tail : all.filter(event => event.seq >= firstNewSeq);
}

/** The watcher delivers each event once; late arrivals are sorted in by occur_time. */
function withEvents(state: StreamState, events: readonly ApiEvent[]): {state: StreamState; added: WatchEvent[]} {
	const store = addEvents(state.store, events);
	if (store === state.store) return {state, added: []};
	const all = storeEvents(store);
	const snapshot = {...state.snapshot, events: all, deployment: computeDeployment(all, state.snapshot.details)};
	return {state: {...state, snapshot, store}, added: addedEvents(all, state.store.nextSeq, events.length)};
}

/** One watcher message folded in; `added` are the events that are new to the output. */
export function applyMessage(state: StreamState, message: WatchMessage): {state: StreamState; added: WatchEvent[]} {
	switch (message.type) {
		case 'events':
			return withEvents(state, message.events);
		case 'details': {
			const {events} = state.snapshot;
			const snapshot = {events, details: message.details, deployment: computeDeployment(events, message.details)};
			return {state: {...state, snapshot}, added: []};
		}
		case 'details-unavailable':
			return {state, added: []};
		case 'sync':
			return {state: {...state, sync: message.state}, added: []};
	}
}
