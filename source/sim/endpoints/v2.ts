// The v2 inference endpoints (modelarts-api-evidence.md §13): services list, details, events,
// deployments, instances, pods and pod events. Lists answer `{current, pages, size, total,
// data}`; pod events answer a top-level array, as the SDK models them.
import type {SimResponse} from './http-util.js';
import {apiError, invalidParameter, json} from './http-util.js';
import {enumParam, integerParam, QueryError} from './query.js';
import type {ServiceEndpoint, V2Names} from './routes.js';
import type {V2PodRecord, V2ServiceState} from '../v2-service-state.js';
import type {SimV2Event} from '../v2-shapes.js';

/** The v2 maximum and default of `limit` (§13.4). */
export const V2_MAX_LIMIT = 500;
const V2_DEFAULT_LIMIT = 10;
/** Characters `event_info_key` may not contain (§13.4). */
const FORBIDDEN_KEY = /['";%_*!@#$&\\]/;

/** A v2 page of `items`; `offset` counts records, and must be a multiple of `limit` where `aligned`. */
function page<T>(items: readonly T[], params: URLSearchParams, aligned: boolean): SimResponse {
	const limit = integerParam(params, 'limit', V2_DEFAULT_LIMIT, 1, V2_MAX_LIMIT);
	const offset = integerParam(params, 'offset', 0, 0);
	if (aligned && offset % limit !== 0) throw new QueryError(invalidParameter('offset', String(offset), `a multiple of limit (${limit})`));
	const start = aligned ? offset : offset * limit;
	const data = items.slice(start, start + limit);
	return json(200, {current: Math.floor(start / limit), pages: Math.ceil(items.length / limit), size: data.length, total: items.length, data});
}

type SortDir = 'ASC' | 'DESC';

/** Sorted by the comma-separated `sort_key` (create_at or update_at; update_at by default). */
function sortEvents(events: readonly SimV2Event[], params: URLSearchParams): SimV2Event[] {
	const keys = (params.get('sort_key') ?? 'update_at').split(',');
	for (const key of keys) if (key !== 'create_at' && key !== 'update_at') throw new QueryError(invalidParameter('sort_key', key, 'create_at or update_at'));
	const dir = enumParam<SortDir, SortDir>(params, 'sort_dir', ['ASC', 'DESC'], 'DESC');
	const sign = dir === 'ASC' ? 1 : -1;
	const fields = keys as ('create_at' | 'update_at')[];
	// Stable, and ties in first-seen order reversed for DESC, so DESC is the exact reverse of ASC.
	const ordered = events.map((event, index) => ({event, index}));
	ordered.sort((a, b) => {
		for (const field of fields) if (a.event[field] !== b.event[field]) return sign * (a.event[field] - b.event[field]);
		return sign * (a.index - b.index);
	});
	return ordered.map(({event}) => event);
}

export function v2EventsResponse(service: V2ServiceState, params: URLSearchParams): SimResponse {
	const type = enumParam(params, 'event_type', ['NORMAL', 'ABNORMAL', 'WARNING'], undefined);
	const start = integerParam(params, 'start_time', 0, 0);
	const end = integerParam(params, 'end_time', Number.MAX_SAFE_INTEGER, 0);
	const key = params.get('event_info_key') ?? undefined;
	if (key !== undefined && FORBIDDEN_KEY.test(key)) throw new QueryError(invalidParameter('event_info_key', key, 'text without special characters'));
	const lower = key?.toLowerCase();
	const matching = service.events.filter(
		(event) =>
			(type === undefined || event.event_type === type) &&
			event.update_at >= start &&
			event.update_at <= end &&
			(lower === undefined || event.event_info.toLowerCase().includes(lower) || event.event_info_cn.includes(key ?? '')),
	);
	return page(sortEvents(matching, params), params, true);
}

function listedService(service: V2ServiceState) {
	const {version: _version, ...rest} = service.details();
	return rest;
}

export function v2ListResponse(services: readonly V2ServiceState[], params: URLSearchParams): SimResponse {
	const name = params.get('name')?.toLowerCase();
	const status = params.get('status')?.split(',');
	const dir = enumParam<SortDir, SortDir>(params, 'sort_dir', ['ASC', 'DESC'], 'DESC');
	const matching = services
		.filter((service) => name === undefined || service.name.toLowerCase().includes(name))
		.filter((service) => status === undefined || status.includes(service.status))
		.sort((a, b) => a.createAt - b.createAt || a.name.localeCompare(b.name));
	if (dir === 'DESC') matching.reverse();
	return page(matching.map(listedService), params, true);
}

/** The pods a path names: `all` or one instance, then `all` or one pod. */
function podsNamed(service: V2ServiceState, names: V2Names): V2PodRecord[] | null {
	const deployment = service.deployment();
	if (names.deployment !== 'all' && names.deployment !== deployment.name) return null;
	const inInstance = service.pods.filter((record) => names.instance === undefined || names.instance === 'all' || names.instance === record.instanceName);
	if (names.instance !== undefined && names.instance !== 'all' && inInstance.length === 0) return null;
	const pods = inInstance.filter((record) => names.pod === undefined || names.pod === 'all' || names.pod === record.pod.pod_name);
	return names.pod !== undefined && names.pod !== 'all' && pods.length === 0 ? null : pods;
}

function podEvents(records: readonly V2PodRecord[], params: URLSearchParams): SimResponse {
	const start = params.get('start_time');
	const end = params.get('end_time');
	if ((start === null) !== (end === null)) throw new QueryError(invalidParameter(start === null ? 'end_time' : 'start_time', start ?? end ?? '', 'start_time and end_time together'));
	const from = integerParam(params, 'start_time', 0, 0);
	const to = integerParam(params, 'end_time', Number.MAX_SAFE_INTEGER, 0);
	const events = records.flatMap((record) => record.events).filter((event) => {
		const last = Date.parse(event.last_timestamp);
		return last >= from && last <= to;
	});
	return json(200, events);
}

/** The answer of a v2 endpoint of one service. */
export function v2ServiceResponse(endpoint: ServiceEndpoint, service: V2ServiceState, names: V2Names, params: URLSearchParams): SimResponse {
	const missing = (what: string) => apiError(404, 'ModelArts.3502', `${what} does not exist`);
	switch (endpoint) {
		case 'events':
			return v2EventsResponse(service, params);
		case 'deployments':
			return page([service.deployment()], params, true);
		case 'deployment': {
			const deployment = service.deployment();
			return names.deployment === deployment.id ? json(200, deployment) : missing(`Deployment ${names.deployment}`);
		}
		case 'instances': {
			const pods = podsNamed(service, {deployment: names.deployment});
			return pods ? page(service.instances(), params, false) : missing(`Deployment ${names.deployment}`);
		}
		case 'pods': {
			const pods = podsNamed(service, {deployment: names.deployment, instance: names.instance});
			return pods ? page(pods.map((record) => record.pod), params, false) : missing(`Instance ${names.instance}`);
		}
		case 'pod-events': {
			const pods = podsNamed(service, names);
			return pods ? podEvents(pods, params) : missing(`Pod ${names.pod}`);
		}
		case 'details':
			return json(200, service.details());
		default:
			return apiError(404, 'APIGW.0101', 'The API does not exist or has not been published in the environment.');
	}
}
