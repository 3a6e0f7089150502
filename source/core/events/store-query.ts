// Exact pages over the whole history. Type filters read the per-type columns directly;
// a text search scans once per (search, type) and then only the events added since.
import type {WatchEvent} from '../types.js';
import type {EventStore} from './store.js';
import type {Column} from './store-column.js';

export interface PageQuery {
	readonly type: 'all' | 'normal' | 'abnormal' | 'warning';
	readonly order: 'desc' | 'asc';
	/** Case-insensitive text to find in the event text; blank matches everything. */
	readonly search: string;
	/** 0-based; clamped into range. */
	readonly page: number;
	readonly pageSize: number;
}

export interface EventPage {
	readonly rows: readonly WatchEvent[];
	/** The page actually shown (0-based), after clamping. */
	readonly page: number;
	/** At least 1, even when nothing matches. */
	readonly pageCount: number;
	/** Events matching type and search. */
	readonly matching: number;
	/** Events in the store. */
	readonly total: number;
}

/** One search's matches in a column: positions of the first `scanned` items. */
interface SearchEntry {
	scanned: number;
	readonly positions: number[];
}

/** Searches remembered per column array; enough for typing and deleting a few characters. */
const MEMO_LIMIT = 8;

/**
 * The one cache of the pure model (design.md): search results keyed by the identity of the
 * column array they were computed on. Versions of a store share that array (they append in
 * place), so a new version extends the last scan instead of starting again; a rebuilt store
 * has a new array and starts fresh. Weakly held, so dropped stores take their memo with them.
 */
const memos = new WeakMap<readonly WatchEvent[], Map<string, SearchEntry>>();

function memoFor(items: readonly WatchEvent[]): Map<string, SearchEntry> {
	let memo = memos.get(items);
	if (memo === undefined) {
		memo = new Map();
		memos.set(items, memo);
	}
	return memo;
}

function columnFor(store: EventStore, type: PageQuery['type']): Column<WatchEvent> {
	if (type === 'all') return store.all;
	return store[type];
}

/** Positions in `column` whose text contains `needle`, extending the memo when the column grew. */
function matchPositions(column: Column<WatchEvent>, key: string, needle: string): readonly number[] {
	const memo = memoFor(column.items);
	let entry = memo.get(key);
	if (entry === undefined) {
		entry = {scanned: 0, positions: []};
		memo.set(key, entry);
		if (memo.size > MEMO_LIMIT) memo.delete(memo.keys().next().value!);
	}
	for (; entry.scanned < column.length; entry.scanned++) {
		if (column.items[entry.scanned]!.info.toLowerCase().includes(needle)) entry.positions.push(entry.scanned);
	}
	if (entry.scanned === column.length) return entry.positions;
	// An older version of the store (shorter view) asks: only the positions it can see.
	return entry.positions.filter((position) => position < column.length);
}

/** One page of events matching the query, exact over the whole history. */
export function queryPage(store: EventStore, query: PageQuery): EventPage {
	const column = columnFor(store, query.type);
	const needle = query.search.trim().toLowerCase();
	const positions = needle === '' ? null : matchPositions(column, `${query.type}\u0000${needle}`, needle);
	const matching = positions === null ? column.length : positions.length;
	const pageSize = Math.max(1, Math.floor(query.pageSize) || 1);
	const pageCount = Math.max(1, Math.ceil(matching / pageSize));
	const page = Math.min(pageCount - 1, Math.max(0, Math.floor(query.page) || 0));
	const rows: WatchEvent[] = [];
	const first = page * pageSize;
	for (let rank = first; rank < Math.min(matching, first + pageSize); rank++) {
		const index = query.order === 'desc' ? matching - 1 - rank : rank;
		rows.push(column.items[positions === null ? index : positions[index]!]!);
	}
	return {rows, page, pageCount, matching, total: store.all.length};
}
