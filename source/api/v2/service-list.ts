// The services of both generations, for the picker, --service-name and --all: the v1 list as
// before, and beside it the v2 list (`GET /v2/{project_id}/services`), each v2 row marked.
// Where v2 is not offered (Open Telekom Cloud, an older gateway, a policy without v2
// rights) its list is simply empty: only the v1 list's errors are the watch's errors.
import type {ServiceSummary} from '../../core/types.js';
import {v1Status} from '../../core/wire/v2-normalise.js';
import {ApiError} from '../errors.js';
import {listAllServices} from '../service-list.js';
import type {ModelArtsClient, ServicesQuery} from '../types.js';
import {V2_PAGE_LIMIT, type V2Client} from './client.js';

/** Far more services than a project holds: a list that never ends is cut here. */
const MAX_PAGES = 100;

/** Every v2 service (named `name`, when given), as v1 rows marked `generation: 'v2'`. */
export async function listAllV2Services(v2: V2Client, name?: string, signal?: AbortSignal): Promise<ServiceSummary[]> {
	const byId = new Map<string, ServiceSummary>();
	for (let page = 0; page < MAX_PAGES; page++) {
		const answer = await v2.listServices({...(name === undefined ? {} : {name}), limit: V2_PAGE_LIMIT, offset: page * V2_PAGE_LIMIT}, signal);
		for (const row of answer.items) {
			const summary: ServiceSummary = {service_id: row.id, service_name: row.name, status: v1Status(row.status).status, generation: 'v2', ...(row.create_at === null ? {} : {publish_at: row.create_at})};
			if (!byId.has(row.id)) byId.set(row.id, summary);
		}
		if (answer.items.length < V2_PAGE_LIMIT || (page + 1) * V2_PAGE_LIMIT >= answer.total) break;
	}
	return [...byId.values()];
}

/** v1 services, then v2 ones (none when `v2` is null or its list cannot be read). */
export async function listServicesOfBoth(v1: ModelArtsClient | null, v2: V2Client | null, query: Pick<ServicesQuery, 'service_name'> = {}, signal?: AbortSignal): Promise<ServiceSummary[]> {
	const first = v1 === null ? [] : await listAllServices(v1, query, signal);
	if (v2 === null) return first;
	try {
		return [...first, ...(await listAllV2Services(v2, query.service_name, signal))];
	} catch (error) {
		// Only the v1 list is promised; an --api v2 run (no v1 list) must see its error.
		if (v1 === null || !(error instanceof ApiError) || signal?.aborted) throw error;
		return first;
	}
}
