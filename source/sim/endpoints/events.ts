// GET /v1/{project_id}/services/{service_id}/events (modelarts-api.md §1).
import type {ApiEvent} from '../../core/types.js';
import type {SimResponse} from './http-util.js';
import {invalidParameter, json} from './http-util.js';
import {enumParam, integerParam, MAX_LIMIT, pageOf, QueryError} from './query.js';
import type {ServiceState} from '../service-state.js';

/** Characters the Huawei edition refuses in `event_info`. */
const FORBIDDEN_INFO = /[`(){}';,[\]<>/?]/;

interface EventsFilter {
	readonly eventType: string | undefined;
	readonly startTime: number;
	readonly endTime: number;
	/** Lower-cased text filter (Huawei edition), or undefined. */
	readonly info: string | undefined;
	readonly offset: number;
	readonly limit: number;
	readonly order: 'asc' | 'desc';
}

function parseFilter(params: URLSearchParams): EventsFilter {
	enumParam(params, 'sort_by', ['occur_time'], 'occur_time');
	const info = params.get('event_info') ?? undefined;
	if (info !== undefined && FORBIDDEN_INFO.test(info)) {
		throw new QueryError(invalidParameter('event_info', info, 'text without special characters'));
	}
	return {
		eventType: enumParam(params, 'event_type', ['normal', 'abnormal'], undefined),
		startTime: integerParam(params, 'start_time', 0, 0),
		endTime: integerParam(params, 'end_time', Number.MAX_SAFE_INTEGER, 0),
		info: info?.toLowerCase(),
		offset: integerParam(params, 'offset', 0, 0),
		limit: integerParam(params, 'limit', MAX_LIMIT, 1, MAX_LIMIT),
		order: enumParam(params, 'order', ['asc', 'desc'], 'desc'),
	};
}

function matches(event: ApiEvent, filter: EventsFilter): boolean {
	if (filter.eventType !== undefined && event.event_type !== filter.eventType) return false;
	if (event.occur_time < filter.startTime || event.occur_time > filter.endTime) return false;
	return filter.info === undefined || event.event_info.toLowerCase().includes(filter.info);
}

/** One page of a service's events; desc is the exact reverse of asc, so same-ms order is stable. */
export function eventsResponse(service: ServiceState, params: URLSearchParams, offsetMode: 'page' | 'record'): SimResponse {
	const filter = parseFilter(params);
	const ascending = service.events.filter((event) => matches(event, filter));
	const ordered = filter.order === 'asc' ? ascending : ascending.reverse();
	const events = pageOf(ordered, filter.offset, filter.limit, offsetMode);
	return json(200, {
		service_name: service.details.service_name,
		service_id: service.details.service_id,
		total_count: ordered.length,
		count: events.length,
		events,
	});
}
