// Incremental event sync (issue #4). Pages by time, not by offset: every request asks
// `order=asc&start_time=<lower bound>&offset=0`, so the reading of `offset` (page or record)
// does not matter on the common path, and a poll after the first load costs one small page.
// Same-millisecond events are told apart by counting: the sync remembers how many times it
// delivered each (time, type, text) in a short window before the newest event, and delivers
// only occurrences beyond those counts. The window is re-read every poll to catch late arrivals.
// Where time cannot page (a whole page in one millisecond, or a server that ignores `order`)
// it falls back to offset paging, with the server's reading of offset detected first.
import type {ApiEvent} from '../../core/types.js';
import {detectOffsetMode, readAllByOffset, type OffsetMode} from './offset-paging.js';
import {DeliveredWindow} from './delivered-window.js';
import {TransientError} from '../errors.js';
import {probeAscending} from './order-probe.js';
import type {EventsPage, EventsQuery, ModelArtsClient} from '../types.js';

/** What to sync and how. */
export interface EventSyncOptions {
	readonly client: ModelArtsClient;
	readonly serviceId: string;
	/** occur_time bounds, ms since the epoch, inclusive; null for no bound. */
	readonly since?: number | null;
	readonly until?: number | null;
	/** Records per request; 1000 (the API maximum) by default. */
	readonly pageSize?: number;
	/** How far before the newest event each poll looks again for late arrivals; 10 s by default. */
	readonly overlapMs?: number;
	/** …but never more than this many already-delivered events (keeps a poll small); 20 by default. */
	readonly overlapEvents?: number;
	/** The client's clock, which tells a future-dated event from a new one; Date.now by default. */
	readonly now?: () => number;
	/** How far ahead of `now` a server's clock may run before its events count as future-dated; 5 min by default. */
	readonly futureToleranceMs?: number;
	/** Events a read gathers before it hands them over as a part (poll's `onPage`); 5,000 by default. */
	readonly partEvents?: number;
}

/** Delivers every event of a service exactly once across polls. */
export interface EventSync {
	/**
	 * The first call returns the whole history within since/until; later calls return only
	 * new events. Oldest first; same-millisecond events in server order. A rejected poll
	 * delivers nothing and loses nothing: the next poll picks up the same work.
	 * With `onPage`, events known complete are handed over in parts as they are read (a long
	 * first load is never held whole) and the promise holds the rest; the next request waits
	 * for `onPage`, so a slow consumer slows the reading down.
	 */
	poll(signal?: AbortSignal, onPage?: (events: ApiEvent[]) => Promise<void>): Promise<ApiEvent[]>;
	/** The reading of `offset` the server was found to use; null until it mattered. */
	readonly offsetMode: OffsetMode | null;
	/** Requests answered so far: a failed poll that still moved on is progress, not a stall. */
	readonly progress: number;
	/** The server's own clock by the newest `Date` header of an events answer; null (or absent) without one. */
	readonly serverNow?: number | null;
}

/** A scan of every event from where a poll began; `collected` holds the complete part below `lo`. */
interface Scan {
	lo: number | null;
	readonly collected: ApiEvent[];
	done: boolean;
	steps: number;
}

/** Far beyond any real history (each step reads at least a page): a server that never lets a scan end is an error, not a hang. */
const MAX_STEPS = 20_000;

/**
 * Oldest first, stable: same-millisecond events keep the server's order. A newest-first
 * answer (a server that ignored order=asc) is reversed first, so its ties read oldest first too.
 */
function sortByTime(events: readonly ApiEvent[]): ApiEvent[] {
	const newestFirst = !isAscending(events) && isAscending([...events].reverse());
	return (newestFirst ? [...events].reverse() : events)
		.map((event, index) => ({event, index}))
		.sort((a, b) => a.event.occur_time - b.event.occur_time || a.index - b.index)
		.map(({event}) => event);
}

function isAscending(events: readonly ApiEvent[]): boolean {
	return events.every((event, index) => index === 0 || (events[index - 1] as ApiEvent).occur_time <= event.occur_time);
}

/**
 * How far ahead of the client's clock a server may date its events before they count as
 * future-dated: generous for clock skew, small next to the harm a forged date could do.
 */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;

export function createEventSync(options: EventSyncOptions): EventSync {
	return new TimeCursorSync(options);
}

class TimeCursorSync implements EventSync {
	offsetMode: OffsetMode | null = null;
	progress = 0;
	serverNow: number | null = null;
	private readonly options: EventSyncOptions;
	/** Whether the server honours order=asc; null until a probe could tell. */
	private honoursOrder: boolean | null = null;
	private readonly since: number | null;
	private readonly until: number | null;
	private readonly pageSize: number;
	/** What was delivered lately: the whole state of the sync besides learnt server traits. */
	private readonly delivered: DeliveredWindow;
	/** A scan that failed half-way: its complete part is kept so large loads still finish. */
	private pending: Scan | null = null;

	constructor(options: EventSyncOptions) {
		// Every events answer tells the server's clock, which decides what counts as future-dated.
		const {client} = options;
		const listEvents: ModelArtsClient['listEvents'] = async (serviceId, query, signal) => {
			const page = await client.listEvents(serviceId, query, signal);
			if (typeof page.serverDate === 'number') this.serverNow = Math.max(this.serverNow ?? page.serverDate, page.serverDate);
			return page;
		};
		this.options = {...options, client: {...client, listEvents}};
		this.since = options.since ?? null;
		this.until = options.until ?? null;
		this.pageSize = Math.max(1, Math.min(options.pageSize ?? 1000, 1000));
		this.delivered = new DeliveredWindow(this.since, options.overlapMs ?? 10_000, options.overlapEvents ?? 20, options.futureToleranceMs ?? FUTURE_TOLERANCE_MS);
	}

	async poll(signal?: AbortSignal, onPage?: (events: ApiEvent[]) => Promise<void>): Promise<ApiEvent[]> {
		const scan = this.pending ?? {lo: this.delivered.floor, collected: [], done: false, steps: 0};
		this.pending = null;
		try {
			while (!scan.done) {
				if (++scan.steps > MAX_STEPS) {
					scan.steps = 0;
					throw new TransientError('paging did not converge');
				}

				await this.step(scan, signal);
				this.progress++;
				// Parts of a few pages: small enough to hold, few enough that what the consumer derives per part stays small.
				if (onPage && !scan.done && scan.collected.length >= (this.options.partEvents ?? 5000)) await this.handOver(scan, onPage);
			}
		} catch (error) {
			this.pending = scan;
			throw error;
		}

		return this.delivered.admit(scan.collected, (this.options.now ?? Date.now)());
	}

	/** The complete part of an unfinished scan, delivered now: whole milliseconds below `lo`. */
	private async handOver(scan: Scan, onPage: (events: ApiEvent[]) => Promise<void>): Promise<void> {
		const fresh = this.delivered.admit(scan.collected.splice(0), (this.options.now ?? Date.now)(), 'leading part');
		if (fresh.length > 0) await onPage(fresh);
	}

	/** The filters every request shares. start_time is one ms early and end_time one ms late, so the answer is right whether the server's bounds are inclusive or exclusive. */
	private query(lo: number | null): EventsQuery {
		return {
			sort_by: 'occur_time',
			order: 'asc',
			...(lo === null ? {} : {start_time: Math.max(0, lo - 1)}),
			...(this.until === null ? {} : {end_time: this.until + 1}),
		};
	}

	private inRange(event: ApiEvent, lo: number | null): boolean {
		return (lo === null || event.occur_time >= lo) && (this.until === null || event.occur_time <= this.until);
	}

	/** One request: completes the scan, or moves `lo` up to the newest millisecond of a full page. */
	private async step(scan: Scan, signal?: AbortSignal): Promise<void> {
		const query = this.query(scan.lo);
		const page = await this.options.client.listEvents(this.options.serviceId, {...query, offset: 0, limit: this.pageSize}, signal);
		const received = page.events;
		const sorted = sortByTime(received).filter((event) => this.inRange(event, scan.lo));
		if (received.length === 0 || page.total_count <= received.length) {
			scan.collected.push(...sorted);
			scan.done = true;
			return;
		}

		if (!(await this.ascending(query, page, signal))) {
			// At least up to `lo`, so that every step moves on.
			await this.readRange(scan, query, Math.max(scan.lo ?? Number.NEGATIVE_INFINITY, ...received.map((event) => event.occur_time)), signal);
			return;
		}

		const newest = (received.at(-1) as ApiEvent).occur_time;
		if (scan.lo === null || newest > scan.lo) {
			// Events below the newest millisecond are complete; that millisecond may continue on the next page.
			scan.collected.push(...sorted.filter((event) => event.occur_time < newest));
			scan.lo = newest;
			return;
		}

		await this.readMillisecond(scan, query, signal);
	}

	/**
	 * Pages are not prefixes in time (order ignored, or not known to be honoured), so time
	 * cannot page: reads every record up to `newest` (the newest on the page) by offset, then
	 * goes on from there. The bound keeps events arriving meanwhile from shifting the offsets.
	 */
	private async readRange(scan: Scan, query: EventsQuery, newest: number, signal?: AbortSignal): Promise<void> {
		const all = await this.readAll({...query, end_time: Math.min(newest + 1, query.end_time ?? Number.POSITIVE_INFINITY)}, signal);
		scan.collected.push(...sortByTime(all).filter((event) => event.occur_time <= newest && this.inRange(event, scan.lo)));
		scan.lo = newest + 1;
	}

	/**
	 * A whole page at one millisecond: time cannot move on, so that millisecond is read by
	 * offset. The query is bounded to it, so newer events arriving meanwhile do not shift
	 * the offsets; if the list still changes, it is read again.
	 */
	private async readMillisecond(scan: Scan, query: EventsQuery, signal?: AbortSignal): Promise<void> {
		const lo = scan.lo as number;
		const all = await this.readAll({...query, end_time: Math.min(lo + 1, query.end_time ?? Number.POSITIVE_INFINITY)}, signal);
		scan.collected.push(...sortByTime(all).filter((event) => event.occur_time === lo && this.inRange(event, lo)));
		scan.lo = lo + 1;
	}

	/** Every record of a bounded query, by offset once more than a page. */
	private async readAll(query: EventsQuery, signal?: AbortSignal): Promise<readonly ApiEvent[]> {
		const {client, serviceId} = this.options;
		const first = await client.listEvents(serviceId, {...query, offset: 0, limit: this.pageSize}, signal);
		if (first.total_count <= first.events.length) {
			return first.events;
		}

		const mode = await this.mode(query, first.total_count, signal);
		return readAllByOffset({client, serviceId, query, firstPage: first.events, totalCount: first.total_count, mode}, this.pageSize, signal);
	}

	/** Whether pages come oldest first: learnt once, or unknown (then read by offset, which is always right). */
	private async ascending(query: EventsQuery, page: EventsPage, signal?: AbortSignal): Promise<boolean> {
		if (!isAscending(page.events)) {
			this.honoursOrder = false;
		}

		this.honoursOrder ??= await probeAscending(this.options.client, this.options.serviceId, query, page, signal);
		return this.honoursOrder === true;
	}

	private async mode(query: EventsQuery, total: number, signal?: AbortSignal): Promise<OffsetMode> {
		const {client, serviceId} = this.options;
		this.offsetMode ??= await detectOffsetMode(async (offset, limit) => {
			const page = await client.listEvents(serviceId, {...query, offset, limit}, signal);
			return {count: page.events.length, totalCount: page.total_count};
		}, total);
		return this.offsetMode;
	}
}
