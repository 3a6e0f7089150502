// The selected event of the table (↑/↓, Enter for its details). A selection is remembered
// by the event's identity, not by its row, so it stays on the same event while new events
// push rows down; the page follows the event. Finding the page asks the store for a few
// pages (a binary search over pages), so the cost is O(page size · log pages), never a scan.
import type {WatchEvent} from '../types.js';
import type {EventStore} from '../events/store.js';
import {queryPage, type EventPage, type PageQuery} from '../events/store-query.js';

/** Which event is selected: its key plus its place in the store's order (time, then arrival). */
export interface EventRef {
	readonly key: string;
	readonly occurTime: number;
	readonly seq: number;
}

/** The reference to `event`, for the selection. */
export function refOf(event: WatchEvent): EventRef {
	return {key: event.key, occurTime: event.occurTime, seq: event.seq};
}

/** Negative when `a` comes before `b` in the store's ascending order. */
function compareRef(a: EventRef, b: EventRef): number {
	return a.occurTime - b.occurTime || a.seq - b.seq;
}

/**
 * The page (0-based) that holds the event `target` under `query`, or null when the event
 * does not match the query (another type, or the search excludes it).
 */
export function locateEvent(store: EventStore, query: Omit<PageQuery, 'page'>, target: EventRef): number | null {
	let low = 0;
	let high = queryPage(store, {...query, page: 0}).pageCount - 1;
	// Pages run ascending with `asc`, descending with `desc`: flip comparisons for the latter.
	const direction = query.order === 'asc' ? 1 : -1;
	while (low <= high) {
		const middle = (low + high) >>> 1;
		const {rows} = queryPage(store, {...query, page: middle});
		const first = rows[0];
		const last = rows.at(-1);
		if (first === undefined || last === undefined) return null;
		if (direction * compareRef(target, first) < 0) {
			high = middle - 1;
		} else if (direction * compareRef(target, last) > 0) {
			low = middle + 1;
		} else {
			return rows.some(row => row.key === target.key) ? middle : null;
		}
	}

	return null;
}

/** The row `step` rows away from the selection (crossing into neighbouring pages), or null at either end. */
export function neighbourRow(
	store: EventStore,
	query: Omit<PageQuery, 'page'>,
	current: EventPage,
	selected: EventRef | null,
	step: 1 | -1,
): {readonly event: WatchEvent; readonly page: number} | null {
	const index = selected === null ? -1 : current.rows.findIndex(row => row.key === selected.key);
	if (index === -1) {
		// Nothing selected on this page yet: start at its first row (↓) or last row (↑).
		const row = step === 1 ? current.rows[0] : current.rows.at(-1);
		return row === undefined ? null : {event: row, page: current.page};
	}

	const next = current.rows[index + step];
	if (next !== undefined) return {event: next, page: current.page};
	const page = current.page + step;
	if (page < 0 || page >= current.pageCount) return null;
	const {rows} = queryPage(store, {...query, page});
	const row = step === 1 ? rows[0] : rows.at(-1);
	return row === undefined ? null : {event: row, page};
}
