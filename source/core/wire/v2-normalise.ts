// v2 answers in the v1 words the rest of the watch speaks, so the live view, the overview,
// plain and NDJSON need no second path: upper-case statuses lower-cased (outcome.ts knows the
// v2 ones), failure_reason as error_msg, the service's own deploy time-out carried along, and
// each event in the chosen language with its id, count and last time.
import {outcomeOfStatus} from '../deployment/outcome.js';
import type {ApiEvent, ServiceDetails, ServiceMonitor} from '../types.js';
import type {V2Deployment, V2Event, V2ServiceDetails} from './v2-types.js';

/** Which text of a v2 event to show. */
export type V2Language = 'en' | 'zh';

/** The v2 status in the v1 vocabulary, and whether the watch knows what it means. */
export function v1Status(status: string): {readonly status: string; readonly known: boolean} {
	const lower = status.trim().toLowerCase();
	return {status: lower, known: outcomeOfStatus(lower) !== null};
}

/** v2 details as v1 details. */
export function detailsOfV2(details: V2ServiceDetails): ServiceDetails {
	return {
		service_id: details.id,
		service_name: details.name,
		status: v1Status(details.status).status,
		error_msg: details.failure_reason,
		...(details.create_at === null ? {} : {publish_at: details.create_at}),
		...(details.update_at === null ? {} : {transition_at: details.update_at}),
		...(details.deploy_timeout_minutes === null ? {} : {deploy_timeout_minutes: details.deploy_timeout_minutes}),
	};
}

/** A v2 event as the watch keeps events: first occurrence as its time, the id as its identity. */
export function eventOfV2(event: V2Event, language: V2Language): ApiEvent {
	const info = language === 'zh' ? (event.event_info_cn ?? event.event_info) : event.event_info;
	return {event_type: event.event_type.trim().toLowerCase(), event_info: info, occur_time: event.create_at, id: event.id, count: event.event_count, last_at: event.update_at};
}

/** Running and wanted instances over every deployment, as the monitor's counts; null counts stay unknown. */
export function monitorOfDeployments(deployments: readonly V2Deployment[]): ServiceMonitor {
	const sum = (pick: (deployment: V2Deployment) => number | null): number | undefined => {
		const values = deployments.map(pick);
		return values.length === 0 || values.includes(null) ? undefined : values.reduce<number>((total, value) => total + (value ?? 0), 0);
	};
	const running = sum((deployment) => deployment.running_count);
	const total = sum((deployment) => deployment.count);
	return {
		...(running === undefined ? {} : {service_running_instance_count: running}),
		...(total === undefined ? {} : {service_instance_count: total}),
		monitors: [],
	};
}
