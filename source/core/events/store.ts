// The whole event history of one service, kept sorted by occur_time (arrival order breaks
// ties) with per-type indexes, so paging and type filters never scan the history.
//
// Value-like API: addEvents returns a new EventStore object whenever content changes (and
// the same object when nothing was added), so `===` tells React that something changed.
// Internally versions share append-only arrays (see store-column.ts): the common case,
// events arriving in time order, costs O(batch); an event older than the newest one is
// merged into place at O(n). Every version stays valid and exact.
import type {ApiEvent, EventUpdate, WatchEvent} from '../types.js';
import {toWatchEvent, withRepeat} from './normalise.js';
import {appendToColumn, columnItems, columnOf, emptyColumn, lowerBound} from './store-column.js';
import type {Column} from './store-column.js';

export interface EventStore {
	/** Grows by one with every change; handy as a memo key. */
	readonly version: number;
	/** The seq the next arriving event gets. */
	readonly nextSeq: number;
	/** @internal Every event, ascending by (occurTime, seq). */
	readonly all: Column<WatchEvent>;
	/** @internal The same events split by type, in the same order. */
	readonly normal: Column<WatchEvent>;
	/** @internal */
	readonly abnormal: Column<WatchEvent>;
	/** @internal */
	readonly warning: Column<WatchEvent>;
}

/** What adding a batch did: the store after it, and the events that were really new. */
export interface Added {
	readonly store: EventStore;
	/** The batch as the store keeps it, ascending by (occur_time, arrival); empty when nothing was added. */
	readonly added: readonly WatchEvent[];
	/** How many of them repeat an event held already or earlier in the batch (same time, type and text). */
	readonly repeats: number;
}

export function emptyStore(): EventStore {
	return {
		version: 0,
		nextSeq: 0,
		all: emptyColumn(),
		normal: emptyColumn(),
		abnormal: emptyColumn(),
		warning: emptyColumn(),
	};
}

const byTime = (event: WatchEvent): number => event.occurTime;
const bySeqInTime = (a: WatchEvent, b: WatchEvent): number => a.occurTime - b.occurTime || a.seq - b.seq;

/** How many exact repeats of `api` the store already holds (they share its millisecond). */
function repeatsInStore(all: Column<WatchEvent>, api: ApiEvent): number {
	let count = 0;
	for (let i = lowerBound(all, api.occur_time, byTime); i < all.length; i++) {
		const event = all.items[i]!;
		if (event.occurTime !== api.occur_time) break;
		if (event.rawType === api.event_type && event.info === api.event_info) count++;
	}
	return count;
}

/** Batch positions in (occur_time, arrival) order, or null when the batch is in that order already (the usual case). */
function timeOrder(events: readonly ApiEvent[]): number[] | null {
	const ascending = events.every((event, index) => index === 0 || events[index - 1]!.occur_time <= event.occur_time);
	if (ascending) return null;
	return events.map((_, index) => index).sort((a, b) => events[a]!.occur_time - events[b]!.occur_time || a - b);
}

/**
 * The batch as WatchEvents, sorted, each exact repeat with its own ordinal. A sorted batch
 * (a first load of 100k events) is read in place: no second copy of it is made.
 */
function prepareBatch(store: EventStore, events: readonly ApiEvent[], futureAfter: number): {readonly batch: WatchEvent[]; readonly repeats: number} {
	const order = timeOrder(events);
	const batch: WatchEvent[] = [];
	let repeats = 0;
	for (let rank = 0; rank < events.length; rank++) {
		const index = order === null ? rank : order[rank]!;
		const api = events[index]!;
		let ordinal = repeatsInStore(store.all, api);
		for (let j = rank - 1; j >= 0 && batch[j]!.occurTime === api.occur_time; j--) {
			if (batch[j]!.rawType === api.event_type && batch[j]!.info === api.event_info) ordinal++;
		}
		if (ordinal > 0) repeats++;
		batch.push(toWatchEvent(api, store.nextSeq + index, ordinal, api.occur_time > futureAfter));
	}
	return {batch, repeats};
}

/** Both inputs sorted by (occurTime, seq); a linear merge. */
function merge(held: Column<WatchEvent>, batch: readonly WatchEvent[]): WatchEvent[] {
	const merged: WatchEvent[] = [];
	let i = 0;
	let j = 0;
	while (i < held.length || j < batch.length) {
		const takeHeld = j >= batch.length || (i < held.length && bySeqInTime(held.items[i]!, batch[j]!) <= 0);
		merged.push(takeHeld ? held.items[i++]! : batch[j++]!);
	}
	return merged;
}

/** Merge a sorted batch into place: O(n), for events older than the newest one held. */
function rebuild(store: EventStore, batch: readonly WatchEvent[]): Columns {
	return columnsOf(merge(store.all, batch));
}

type Columns = Pick<EventStore, 'all' | 'normal' | 'abnormal' | 'warning'>;

function columnsOf(events: WatchEvent[]): Columns {
	return {
		all: columnOf(events),
		normal: columnOf(events.filter((event) => event.type === 'normal')),
		abnormal: columnOf(events.filter((event) => event.type === 'abnormal')),
		warning: columnOf(events.filter((event) => event.type === 'warning')),
	};
}

/**
 * Add the events a sync delivered (each exactly once, in server order). Events keep arrival
 * order within a millisecond; exact repeats get distinct keys. Events dated after
 * `futureAfter` (futureCutoff) are marked future-dated. The store is `store` itself when
 * `events` is empty.
 */
export function addEvents(store: EventStore, events: readonly ApiEvent[], futureAfter = Number.POSITIVE_INFINITY): Added {
	if (events.length === 0) return {store, added: [], repeats: 0};
	const {batch, repeats} = prepareBatch(store, events, futureAfter);
	const newest = store.all.length > 0 ? store.all.items[store.all.length - 1]!.occurTime : -Infinity;
	const inOrder = batch[0]!.occurTime >= newest;
	const columns = inOrder
		? {
				all: appendToColumn(store.all, batch),
				normal: appendToColumn(store.normal, batch.filter((event) => event.type === 'normal')),
				abnormal: appendToColumn(store.abnormal, batch.filter((event) => event.type === 'abnormal')),
				warning: appendToColumn(store.warning, batch.filter((event) => event.type === 'warning')),
			}
		: rebuild(store, batch);
	return {store: {...columns, version: store.version + 1, nextSeq: store.nextSeq + events.length}, added: batch, repeats};
}

/** What applying repeats did: the store after it, and the events whose count rose. */
export interface Repeated {
	readonly store: EventStore;
	readonly updated: readonly WatchEvent[];
}

/**
 * v2 repeats: each event of a known id whose count rose gets the new count and last time, in
 * place (an O(n) rebuild; v2 histories are aggregated, so short). A count that did not rise
 * (the same, or lower from an inconsistent server) changes nothing.
 */
export function applyRepeats(store: EventStore, updates: readonly EventUpdate[]): Repeated {
	const byId = new Map(updates.map((update) => [update.id, update]));
	const updated: WatchEvent[] = [];
	const events = columnItems(store.all).map((event) => {
		const update = event.id === null ? undefined : byId.get(event.id);
		if (update === undefined || update.count <= event.count) return event;
		const repeated = withRepeat(event, update.count, Math.max(update.last_at, event.lastAt));
		updated.push(repeated);
		return repeated;
	});
	if (updated.length === 0) return {store, updated};
	return {store: {...store, ...columnsOf(events), version: store.version + 1}, updated};
}

/** Every event, ascending by occur_time. Read it right away: it may be the store's own array. */
export function storeEvents(store: EventStore): readonly WatchEvent[] {
	return columnItems(store.all);
}

/** How many events of each type the store holds. */
export function countByType(store: EventStore): {readonly all: number; readonly normal: number; readonly abnormal: number; readonly warning: number} {
	return {all: store.all.length, normal: store.normal.length, abnormal: store.abnormal.length, warning: store.warning.length};
}

/** Abnormal events at or after `fromMs` (all of them for null): a binary search, never a scan. */
export function abnormalSince(store: EventStore, fromMs: number | null): number {
	if (fromMs === null) return store.abnormal.length;
	return store.abnormal.length - lowerBound(store.abnormal, fromMs, (event) => event.occurTime);
}
