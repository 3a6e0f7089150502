// Every service of the project, for the service picker and --service-name. A project has a
// handful of services, so one page usually holds them all; when it does not, `offset` is
// read the way the server reads it (a page number or a record offset, modelarts-api.md §6),
// detected with offset-paging.ts's probe, and the number of requests is bounded.
import type {ServiceSummary} from '../core/types.js';
import {detectOffsetMode} from './poll/offset-paging.js';
import type {ModelArtsClient, ServicesQuery} from './types.js';

/** Records asked for per page (the API's default and usual maximum). */
const DEFAULT_PAGE_SIZE = 1000;

/**
 * All services matching `query` (offset and limit are set here), each once. Stops at
 * `total_count`, at an empty page, or after the pages `total_count` implies plus one:
 * a server that keeps answering never makes it loop.
 */
export async function listAllServices(
	client: ModelArtsClient,
	query: Omit<ServicesQuery, 'offset' | 'limit'> = {},
	signal?: AbortSignal,
	pageSize = DEFAULT_PAGE_SIZE,
): Promise<ServiceSummary[]> {
	const first = await client.listServices({...query, offset: 0, limit: pageSize}, signal);
	const byId = new Map<string, ServiceSummary>();
	const keep = (services: readonly ServiceSummary[]) => {
		for (const service of services) if (!byId.has(service.service_id)) byId.set(service.service_id, service);
	};

	keep(first.services);
	// The server may cap the page below what was asked: its page size is what came back.
	const limit = first.services.length;
	if (limit === 0 || limit >= first.total_count) return [...byId.values()];
	const mode = await detectOffsetMode(async (offset, probeLimit) => {
		const probe = await client.listServices({...query, offset, limit: probeLimit}, signal);
		return {count: probe.services.length, totalCount: probe.total_count};
	}, first.total_count, 'the services list');
	const maxPages = Math.ceil(first.total_count / limit) + 1;
	let read = limit;
	for (let page = 1; page <= maxPages && read < first.total_count; page += 1) {
		const offset = mode === 'page' ? page : read;
		const response = await client.listServices({...query, offset, limit}, signal);
		if (response.services.length === 0) break;
		keep(response.services);
		read += response.services.length;
	}

	return [...byId.values()];
}
