// The v2 event sync. v2 aggregates events: a repeat raises an event's count and moves its
// update_at instead of adding a record, so identity is the event id and "new" means a new id
// or a higher count. Each poll reads newest-updated first (sort_key=update_at, DESC), pages
// with offsets that are multiples of the limit, and stops once a page reaches events not
// updated since a little before the last poll. Nothing is delivered until a poll has read
// all it needs: a failed poll loses nothing, and the next one picks up the same work.
import type {EventUpdate, ApiEvent} from '../../core/types.js';
import {eventOfV2, type V2Language} from '../../core/wire/v2-normalise.js';
import type {V2Event} from '../../core/wire/v2-types.js';
import {TransientError} from '../errors.js';
import type {ProblemReporter} from '../payloads.js';
import type {EventSync} from '../poll/sync.js';
import {V2_PAGE_LIMIT, type V2Client} from './client.js';

export interface V2EventSyncOptions {
	readonly client: V2Client;
	readonly serviceId: string;
	/** Bounds on the time an event occurred, ms; null for none. */
	readonly since?: number | null;
	readonly until?: number | null;
	readonly language: V2Language;
	readonly onProblem?: ProblemReporter;
	/** Records per request, at most 500; 500 by default. */
	readonly pageLimit?: number;
}

/** An event sync that also hands over the repeats it saw (Watcher emits them as `event-updates`). */
export interface V2EventSync extends EventSync {
	/** The repeats found since the last call, each once. */
	takeUpdates(): EventUpdate[];
}

/** How far before the newest update_at of the last poll a poll reads again: late writes. */
const OVERLAP_MS = 60_000;
/** Far beyond any aggregated history: a server whose pages never end is an error, not a hang. */
const MAX_PAGES = 1000;

export function createV2EventSync(options: V2EventSyncOptions): V2EventSync {
	const limit = Math.min(V2_PAGE_LIMIT, Math.max(1, options.pageLimit ?? V2_PAGE_LIMIT));
	const known = new Map<string, number>();
	let watermark: number | null = null;
	let pending: EventUpdate[] = [];
	let progress = 0;

	const inWindow = (event: V2Event) => (options.since == null || event.update_at >= options.since) && (options.until == null || event.create_at <= options.until);

	async function readChanged(signal?: AbortSignal): Promise<Map<string, V2Event>> {
		const read = new Map<string, V2Event>();
		for (let page = 0; page < MAX_PAGES; page++) {
			const answer = await options.client.listEvents(options.serviceId, {limit, offset: page * limit, sort_key: 'update_at', sort_dir: 'DESC'}, signal);
			progress += 1;
			for (const event of answer.items) {
				const held = read.get(event.id);
				if (held === undefined || event.event_count > held.event_count) read.set(event.id, event);
			}
			const oldest = answer.items.at(-1)?.update_at;
			const caughtUp = watermark !== null && oldest !== undefined && oldest < watermark - OVERLAP_MS;
			if (answer.items.length < limit || (page + 1) * limit >= answer.total || caughtUp) return read;
		}
		throw new TransientError(`the v2 events of ${options.serviceId} did not end after ${MAX_PAGES} pages`);
	}

	return {
		offsetMode: null,
		get progress() {
			return progress;
		},
		takeUpdates() {
			const updates = pending;
			pending = [];
			return updates;
		},
		async poll(signal) {
			const read = await readChanged(signal);
			const fresh: V2Event[] = [];
			for (const event of read.values()) {
				watermark = Math.max(watermark ?? event.update_at, event.update_at);
				if (!inWindow(event)) continue;
				const count = known.get(event.id);
				if (count === undefined) fresh.push(event);
				else if (event.event_count > count) pending.push({id: event.id, count: event.event_count, last_at: event.update_at});
				else if (event.event_count < count) options.onProblem?.('v2 events: an event count went down (the higher count is kept)');
				known.set(event.id, Math.max(count ?? 0, event.event_count));
			}
			fresh.sort((a, b) => a.create_at - b.create_at || a.update_at - b.update_at);
			return fresh.map((event): ApiEvent => eventOfV2(event, options.language));
		},
	};
}
