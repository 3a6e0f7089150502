import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {addEvents as addBatch, countByType, emptyStore, storeEvents, type EventStore} from '../../../source/core/events/store.js';
import {queryPage, type PageQuery} from '../../../source/core/events/store-query.js';
import type {ApiEvent} from '../../../source/core/types.js';
import {T0} from '../fixtures.js';

const addEvents = (store: EventStore, events: readonly ApiEvent[]): EventStore => addBatch(store, events).store;

const ev = (second: number, info: string, type = 'normal'): ApiEvent => ({
	event_type: type,
	event_info: info,
	occur_time: T0 + second * 1000,
});

const query = (extra: Partial<PageQuery> = {}): PageQuery => ({type: 'all', order: 'asc', search: '', page: 0, pageSize: 10, ...extra});
const texts = (rows: readonly {info: string}[]): string[] => rows.map((row) => row.info);

describe('addEvents', () => {
	it('keeps events ascending by time, with arrival order breaking ties', () => {
		// Given a server that delivers newest first within a batch, and a late event in a later one
		let store = addEvents(emptyStore(), [ev(3, 'c'), ev(1, 'a'), ev(1, 'a2')]);
		store = addEvents(store, [ev(2, 'late'), ev(4, 'd')]);
		// Then the store holds them in time order; same-millisecond ones in arrival order
		expect(texts(storeEvents(store))).toEqual(['a', 'a2', 'late', 'c', 'd']);
	});

	it('gives exact repeats distinct keys, across batches too', () => {
		let store = addEvents(emptyStore(), [ev(1, 'same'), ev(1, 'same')]);
		store = addEvents(store, [ev(1, 'same')]);
		const keys = storeEvents(store).map((event) => event.key);
		expect(new Set(keys).size).toBe(3);
	});

	it.each([
		['in time order', [ev(1, 'same'), ev(1, 'same'), ev(2, 'b')], [0, 1, 2]],
		['newest first', [ev(2, 'b'), ev(1, 'same'), ev(1, 'same')], [1, 2, 0]],
	] as const)('numbers a batch %s by arrival and keeps its exact repeats apart', (_order, batch, expectedSeqs) => {
		// Given a store that already holds one event
		const before = addEvents(emptyStore(), [ev(0, 'first')]);
		// When a batch with two exact repeats arrives
		const events = storeEvents(addEvents(before, batch)).slice(1);
		// Then each event keeps its arrival number (after the one held), in time order
		expect(events.map((event) => event.seq)).toEqual(expectedSeqs.map((seq) => seq + 1));
		expect(texts(events)).toEqual(['same', 'same', 'b']);
		expect(new Set(events.map((event) => event.key)).size).toBe(3);
	});

	it('returns the same store for an empty batch and a new one otherwise', () => {
		const store = addEvents(emptyStore(), [ev(1, 'a')]);
		expect(addEvents(store, [])).toBe(store);
		const next = addEvents(store, [ev(2, 'b')]);
		expect(next).not.toBe(store);
		expect(next.version).toBeGreaterThan(store.version);
	});

	it('says what a batch really added, oldest first, and how many repeat an event already held', () => {
		// Given a store holding two events, one of them "same" at 5 ms
		const held = addEvents(emptyStore(), [ev(5, 'same'), ev(9, 'newest')]);

		// When a batch brings a late event, an exact repeat of the held one, and a new one (out of order)
		const {store, added, repeats} = addBatch(held, [ev(10, 'new'), ev(5, 'same'), ev(2, 'late')]);

		// Then `added` is exactly that batch, sorted by time, and the repeat is counted once
		expect(texts(added)).toEqual(['late', 'same', 'new']);
		expect(repeats).toBe(1);
		expect(texts(storeEvents(store))).toEqual(['late', 'same', 'same', 'newest', 'new']);
		// And an empty batch adds nothing
		expect(addBatch(store, [])).toEqual({store, added: [], repeats: 0});
	});

	it('leaves older versions exact, even when they are added to twice (StrictMode)', () => {
		const base = addEvents(emptyStore(), [ev(1, 'a')]);
		const first = addEvents(base, [ev(2, 'b')]);
		const second = addEvents(base, [ev(2, 'c')]);
		expect(texts(storeEvents(base))).toEqual(['a']);
		expect(texts(storeEvents(first))).toEqual(['a', 'b']);
		expect(texts(storeEvents(second))).toEqual(['a', 'c']);
		expect(queryPage(base, query()).total).toBe(1);
		expect(texts(queryPage(first, query({search: 'b'})).rows)).toEqual(['b']);
		expect(queryPage(base, query({search: 'b'})).matching).toBe(0);
	});

	it('counts by type, mapping unknown types', () => {
		const store = addEvents(emptyStore(), [ev(1, 'a'), ev(2, 'b', 'abnormal'), ev(3, 'c', 'warning'), ev(4, 'd', 'info')]);
		expect(countByType(store)).toEqual({all: 4, normal: 2, abnormal: 2, warning: 0});
		const v2 = addEvents(emptyStore(), [{...ev(1, 'w', 'WARNING'), id: 'e1'}]);
		expect(countByType(v2)).toEqual({all: 1, normal: 0, abnormal: 0, warning: 1});
	});
});

describe('queryPage', () => {
	const store = addEvents(
		emptyStore(),
		Array.from({length: 25}, (_, index) => ev(index, `event ${index}${index % 5 === 0 ? ' Pull failed' : ''}`, index % 5 === 0 ? 'abnormal' : 'normal')),
	);

	it.each([
		['first page ascending', query(), ['event 0 Pull failed', 'event 1'], 0, 3, 25],
		['newest first', query({order: 'desc'}), ['event 24', 'event 23'], 0, 3, 25],
		['last page, partial', query({page: 2}), ['event 20 Pull failed', 'event 21'], 2, 3, 25],
		['page past the end is clamped', query({page: 99, order: 'desc'}), ['event 4', 'event 3'], 2, 3, 25],
		['negative page is clamped', query({page: -3}), ['event 0 Pull failed', 'event 1'], 0, 3, 25],
		['abnormal only', query({type: 'abnormal', order: 'desc'}), ['event 20 Pull failed', 'event 15 Pull failed'], 0, 1, 5],
		['normal only', query({type: 'normal'}), ['event 1', 'event 2'], 0, 2, 20],
		['search is case-insensitive', query({search: 'pull FAILED'}), ['event 0 Pull failed', 'event 5 Pull failed'], 0, 1, 5],
		['search and type combine', query({search: 'event 2', type: 'normal'}), ['event 2', 'event 21'], 0, 1, 5],
		['nothing matches', query({search: 'zebra'}), [], 0, 1, 0],
	] as const)('%s', (_name, q, firstTwo, page, pageCount, matching) => {
		const result = queryPage(store, q);
		expect(texts(result.rows).slice(0, 2)).toEqual(firstTwo);
		expect({page: result.page, pageCount: result.pageCount, matching: result.matching, total: result.total}).toEqual({
			page,
			pageCount,
			matching,
			total: 25,
		});
	});

	it('a memoised search sees events added later', () => {
		const before = queryPage(store, query({search: 'pull'}));
		const grown = addEvents(store, [ev(100, 'Pull again')]);
		expect(queryPage(grown, query({search: 'pull'})).matching).toBe(before.matching + 1);
		expect(queryPage(store, query({search: 'pull'})).matching).toBe(before.matching);
	});
});

describe('store properties', () => {
	const batch = fc.array(
		fc.record({
			event_type: fc.constantFrom('normal', 'abnormal'),
			event_info: fc.constantFrom('a', 'b', 'pull', 'Pull'),
			occur_time: fc.integer({min: T0, max: T0 + 20}),
		}),
		{maxLength: 8},
	);

	it('matches a naive sort-and-filter for any batches', () => {
		fc.assert(
			fc.property(fc.array(batch, {maxLength: 6}), fc.constantFrom('all', 'normal', 'abnormal'), fc.constantFrom('', 'pull'), (batches, type, search) => {
				let store = emptyStore();
				const arrived: ApiEvent[] = [];
				for (const events of batches) {
					store = addEvents(store, events);
					arrived.push(...events);
				}
				const expected = arrived
					.map((event, seq) => ({event, seq}))
					.sort((a, b) => a.event.occur_time - b.event.occur_time || a.seq - b.seq)
					.map(({event}) => event)
					.filter((event) => type === 'all' || event.event_type === type)
					.filter((event) => event.event_info.toLowerCase().includes(search));
				const page = queryPage(store, {type, order: 'asc', search, page: 0, pageSize: 1000});
				expect(page.rows.map((row) => [row.occurTime, row.info])).toEqual(expected.map((e) => [e.occur_time, e.event_info]));
				expect(new Set(storeEvents(store).map((event) => event.key)).size).toBe(arrived.length);
			}),
			{numRuns: 200},
		);
	});
});

describe('a 100k-event history', () => {
	it('is exact over the whole history, fed in poll-sized batches', () => {
		let store = emptyStore();
		for (let start = 0; start < 100_000; start += 500) {
			const events = Array.from({length: 500}, (_, offset) => {
				const index = start + offset;
				return ev(index, index % 1000 === 0 ? `[TF 3.0.0] pull image failed #${index}` : `heartbeat ${index}`, index % 10 === 0 ? 'abnormal' : 'normal');
			});
			store = addEvents(store, events);
		}
		expect(countByType(store)).toEqual({all: 100_000, normal: 90_000, abnormal: 10_000, warning: 0});
		const newestAbnormal = queryPage(store, {type: 'abnormal', order: 'desc', search: '', page: 0, pageSize: 3});
		expect(texts(newestAbnormal.rows)).toEqual(['heartbeat 99990', 'heartbeat 99980', 'heartbeat 99970']);
		const oldest = queryPage(store, {type: 'all', order: 'desc', search: '', page: 1e9, pageSize: 30});
		expect(oldest.page).toBe(3333);
		expect(texts(oldest.rows).at(-1)).toBe('[TF 3.0.0] pull image failed #0');
		const found = queryPage(store, {type: 'all', order: 'asc', search: 'PULL IMAGE', page: 0, pageSize: 1000});
		expect(found.matching).toBe(100);
		// A late event lands in place, and the memoised search includes it
		store = addEvents(store, [ev(500.5, 'late pull image report')]);
		const again = queryPage(store, {type: 'all', order: 'asc', search: 'pull image', page: 0, pageSize: 1000});
		expect(again.matching).toBe(101);
		expect(again.rows[1]!.info).toBe('late pull image report');
	});
});
