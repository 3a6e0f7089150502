// The non-TTY outputs keep only what they print from: every event (oldest first), the
// latest service details and the deployment computed from both. The TTY has its own
// reducer with filters and paging; this is the small fold the plain and JSON logs need.
import {computeDeployment} from '../model/deployment.js';
import {toWatchEvent} from '../model/events.js';
import type {ApiEvent, WatchEvent} from '../model/types.js';
import type {SyncState, WatchMessage} from '../model/watch-messages.js';
import type {WatchSnapshot} from './snapshot.js';

export interface StreamState {
	readonly snapshot: WatchSnapshot;
	readonly sync: SyncState | null;
	/** Events received so far, for numbering exact repeats. */
	readonly received: number;
	readonly repeats: ReadonlyMap<string, number>;
}

export function initialStreamState(): StreamState {
	return {snapshot: {events: [], details: null, deployment: computeDeployment([], null)}, sync: null, received: 0, repeats: new Map()};
}

const repeatKey = (event: ApiEvent) => `${event.occur_time}\u0000${event.event_type}\u0000${event.event_info}`;

function byTime(a: WatchEvent, b: WatchEvent): number {
	return a.occurTime - b.occurTime || a.seq - b.seq;
}

/** The watcher delivers each event once; late arrivals are sorted in by occur_time. */
function withEvents(state: StreamState, events: readonly ApiEvent[]): {state: StreamState; added: WatchEvent[]} {
	const repeats = new Map(state.repeats);
	const added = events.map((api, index) => {
		const key = repeatKey(api);
		const ordinal = repeats.get(key) ?? 0;
		repeats.set(key, ordinal + 1);
		return toWatchEvent(api, state.received + index, ordinal);
	});
	const all = [...state.snapshot.events, ...added];
	const last = state.snapshot.events.at(-1);
	const sorted = last && added.some(event => byTime(event, last) < 0) ? all.sort(byTime) : all;
	const snapshot = {...state.snapshot, events: sorted, deployment: computeDeployment(sorted, state.snapshot.details)};
	return {state: {...state, snapshot, received: state.received + events.length, repeats}, added: [...added].sort(byTime)};
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
