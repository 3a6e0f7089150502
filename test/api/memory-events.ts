// An in-memory events endpoint with the variations real servers show (modelarts-api.md §6):
// either reading of offset, inclusive or exclusive time bounds, a limit capped below what
// was asked, and `order` ignored. The simulator is faithful to one server; this covers the rest.
import type {ApiEvent} from '../../source/core/types.js';
import {NotFoundError, TransientError} from '../../source/api/errors.js';
import type {EventsPage, EventsQuery, ModelArtsClient} from '../../source/api/types.js';

export interface MemoryServerQuirks {
	readonly offsetMode: 'page' | 'record';
	readonly startInclusive: boolean;
	readonly endInclusive: boolean;
	/** The most records a page holds, whatever limit asked. */
	readonly limitCap: number;
	/** Always answers newest first. */
	readonly ignoresOrder: boolean;
}

export const FAITHFUL: MemoryServerQuirks = {offsetMode: 'page', startInclusive: true, endInclusive: true, limitCap: 1000, ignoresOrder: false};

/** The server's events, oldest first, and a client that reads them. */
export class MemoryEvents {
	readonly events: ApiEvent[] = [];
	readonly queries: EventsQuery[] = [];
	/** Called before each answer: a test may append events or throw a fault there. */
	beforeAnswer: (requestIndex: number) => void = () => undefined;

	constructor(private readonly quirks: MemoryServerQuirks = FAITHFUL) {}

	/** Inserts in time order; same-ms events keep insertion order, as ModelArts does. */
	add(events: readonly ApiEvent[]): void {
		for (const event of events) {
			let index = this.events.length;
			while (index > 0 && (this.events[index - 1] as ApiEvent).occur_time > event.occur_time) index -= 1;
			this.events.splice(index, 0, event);
		}
	}

	answer(query: EventsQuery): EventsPage {
		this.queries.push(query);
		this.beforeAnswer(this.queries.length - 1);
		const {startInclusive, endInclusive, limitCap, offsetMode, ignoresOrder} = this.quirks;
		const matching = this.events.filter((event) => {
			const t = event.occur_time;
			const afterStart = query.start_time === undefined || (startInclusive ? t >= query.start_time : t > query.start_time);
			const beforeEnd = query.end_time === undefined || (endInclusive ? t <= query.end_time : t < query.end_time);
			return afterStart && beforeEnd;
		});
		const ordered = ignoresOrder || query.order !== 'asc' ? [...matching].reverse() : matching;
		const limit = Math.min(query.limit ?? 1000, limitCap);
		const offset = query.offset ?? 0;
		const start = offsetMode === 'page' ? offset * limit : offset;
		return {service_id: 'svc', service_name: 'svc', total_count: ordered.length, events: ordered.slice(start, start + limit)};
	}

	client(): ModelArtsClient {
		return {
			listEvents: async (_serviceId, query) => this.answer(query),
			getService: async () => {
				throw new TransientError('not served');
			},
			listServices: async () => ({total_count: 0, services: []}),
			getMonitor: async () => {
				throw new NotFoundError('not served', 404);
			},
			getUpdateLogs: async () => {
				throw new NotFoundError('not served', 404);
			},
		};
	}
}
