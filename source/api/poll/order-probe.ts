// Paging by time needs a server that honours order=asc; some ignore it and answer newest
// first. One tiny request tells them apart, without reading event texts.
import type {ApiEvent} from '../../core/types.js';
import type {EventsPage, EventsQuery, ModelArtsClient} from '../types.js';

/** True when the server answers oldest first; false when it ignores it; null when one probe cannot tell. */
export async function probeAscending(
	client: ModelArtsClient,
	serviceId: string,
	query: EventsQuery,
	ascPage: EventsPage,
	signal?: AbortSignal,
): Promise<boolean | null> {
	const first = ascPage.events[0] as ApiEvent;
	const newest = await client.listEvents(serviceId, {...query, order: 'desc', offset: 0, limit: 1}, signal);
	const top = newest.events[0];
	// Events arriving between the two requests would make any comparison unsafe.
	if (!top || newest.total_count !== ascPage.total_count) {
		return null;
	}

	// An ascending first page starts before the newest event; a server ignoring order starts with it.
	if (first.occur_time < top.occur_time) {
		return true;
	}

	return first.occur_time > top.occur_time ? false : null;
}
