// GET /v1/{project_id}/services/{service_id}/logs (modelarts-api.md §8): one record per
// configuration the service was given, the first deployment's included, so an update always
// has a record before it to compare with. The API reference does not say in which order the
// records come; the simulator sends them oldest first (newest last), and clients should not
// rely on it. `update_time` picks the one record of that update ("filters out one update
// task"): an exact match, so an unknown time answers an empty list.
import type {SimResponse} from './http-util.js';
import {json} from './http-util.js';
import {integerParam} from './query.js';
import type {ServiceState} from '../service-state.js';

export function logsResponse(service: ServiceState, params: URLSearchParams): SimResponse {
	const updateTime = params.has('update_time') ? integerParam(params, 'update_time', 0, 0) : undefined;
	const logs = updateTime === undefined ? service.updateLog : service.updateLog.filter((record) => record.update_time === updateTime);
	return json(200, {service_name: service.details.service_name, service_id: service.details.service_id, logs});
}
