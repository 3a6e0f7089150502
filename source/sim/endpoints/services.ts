// GET /v1/{project_id}/services/{service_id} and GET /v1/{project_id}/services (§2, §9).
import type {SimServiceDetails} from '../api-shapes.js';
import type {SimResponse} from './http-util.js';
import {json} from './http-util.js';
import {enumParam, integerParam, MAX_LIMIT, pageOf} from './query.js';
import type {ServiceState} from '../service-state.js';

export function detailsResponse(service: ServiceState, now: number): SimResponse {
	return json(200, service.detailsAt(now));
}

type SortKey = 'publish_at' | 'service_name' | 'transition_at';

function compareBy(key: SortKey): (a: SimServiceDetails, b: SimServiceDetails) => number {
	if (key === 'service_name') return (a, b) => a.service_name.localeCompare(b.service_name);
	return (a, b) => (a[key] ?? 0) - (b[key] ?? 0);
}

/** A list row: the details without the per-model config, as the list API returns them. */
function summary(details: SimServiceDetails): Omit<SimServiceDetails, 'config'> {
	const {config: _config, ...rest} = details;
	return rest;
}

export function listResponse(services: readonly ServiceState[], params: URLSearchParams, offsetMode: 'page' | 'record'): SimResponse {
	const name = params.get('service_name')?.toLowerCase();
	const status = params.get('status');
	const inferType = enumParam(params, 'infer_type', ['real-time', 'batch', 'edge'], undefined);
	const offset = integerParam(params, 'offset', 0, 0);
	const limit = integerParam(params, 'limit', MAX_LIMIT, 1, MAX_LIMIT);
	const sortBy = enumParam(params, 'sort_by', ['publish_at', 'service_name', 'transition_at'], 'publish_at');
	const order = enumParam(params, 'order', ['asc', 'desc'], 'desc');
	const matching = services
		.map((service) => service.details)
		.filter((d) => name === undefined || d.service_name.toLowerCase().includes(name))
		.filter((d) => status === null || d.status === status)
		.filter((d) => inferType === undefined || d.infer_type === inferType)
		.sort(compareBy(sortBy));
	if (order === 'desc') matching.reverse();
	const page = pageOf(matching, offset, limit, offsetMode).map(summary);
	return json(200, {total_count: matching.length, count: page.length, services: page});
}
