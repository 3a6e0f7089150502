// Offset paging, used only where paging by time cannot move on: a whole page shares one
// millisecond, or the server ignores `order`. `offset` is a page number on some ModelArts
// servers and a record offset on others (modelarts-api.md §6), so the reading is detected.
import type {ApiEvent} from '../../core/types.js';
import {TransientError} from '../errors.js';
import type {EventsQuery, ModelArtsClient} from '../types.js';

export type OffsetMode = 'page' | 'record';

/** The query and page already fetched at offset 0, which offset paging continues. */
export interface OffsetScanStart {
	readonly client: ModelArtsClient;
	readonly serviceId: string;
	/** The query of the first page, without offset and limit. */
	readonly query: EventsQuery;
	/** The events of the page at offset 0, as received. */
	readonly firstPage: readonly ApiEvent[];
	readonly totalCount: number;
	readonly mode: OffsetMode;
}

/** One list request at (offset, limit): how many records came back, and the total it reports. */
export type OffsetProbe = (offset: number, limit: number) => Promise<{readonly count: number; readonly totalCount: number}>;

/**
 * Which reading of `offset` the server uses, from one tiny request. With `total` ≥ 2 records
 * and limit 2, offset `total - 1` is the last record under the record reading, but page
 * `total - 1` starts at record 2·(total − 1) ≥ total under the page reading: empty.
 * Content is never compared, so pages of identical events cannot fool it. The answer counts
 * only if the list did not grow meanwhile; otherwise it asks again with the new total.
 */
export async function detectOffsetMode(
	probe: OffsetProbe,
	total: number,
	what = 'events',
): Promise<OffsetMode> {
	let expected = total;
	for (let attempt = 0; attempt < 3; attempt += 1) {
		const answer = await probe(Math.max(expected - 1, 1), 2);
		if (answer.totalCount === expected) {
			return answer.count > 0 ? 'record' : 'page';
		}

		expected = answer.totalCount;
	}

	throw new TransientError(`${what} kept changing while paging`);
}

/**
 * The following pages of the query, handed to `take` one by one until it answers false,
 * a page comes back empty, or `total_count` records have been read. Resolves with the
 * last `total_count` seen, so a caller can tell whether the list changed while paging.
 */
async function continueByOffset(
	start: OffsetScanStart,
	take: (events: readonly ApiEvent[]) => boolean,
	signal?: AbortSignal,
): Promise<number> {
	const limit = start.firstPage.length;
	let read = limit;
	let total = start.totalCount;
	for (let page = 1; read < total; page += 1) {
		const offset = start.mode === 'page' ? page : read;
		const response = await start.client.listEvents(start.serviceId, {...start.query, offset, limit}, signal);
		total = response.total_count;
		if (response.events.length === 0 || !take(response.events)) {
			break;
		}

		read += response.events.length;
	}

	return total;
}

/**
 * Every record of the query, in the order the server sent them. A list that changed while
 * it was read (records shift between offsets) is read again, a few times at most.
 */
export async function readAllByOffset(start: OffsetScanStart, pageSize: number, signal?: AbortSignal): Promise<ApiEvent[]> {
	let current = start;
	for (let attempt = 1; ; attempt += 1) {
		const all = [...current.firstPage];
		const total = await continueByOffset(current, (events) => all.push(...events) > 0, signal);
		if (total === current.totalCount) {
			return all;
		}

		if (attempt >= 3) {
			throw new TransientError('events kept changing while paging');
		}

		const first = await start.client.listEvents(start.serviceId, {...start.query, offset: 0, limit: pageSize}, signal);
		current = {...start, firstPage: first.events, totalCount: first.total_count};
	}
}
