import type {ApiEvent, ServiceDetails, ServiceMonitor, ServiceSummary, UpdateLogRecord} from '../core/types.js';

/** Query parameters of `GET /v1/{project_id}/services/{service_id}/events`. */
export interface EventsQuery {
	readonly event_type?: 'normal' | 'abnormal';
	readonly start_time?: number;
	readonly end_time?: number;
	readonly offset?: number;
	readonly limit?: number;
	readonly sort_by?: 'occur_time';
	readonly order?: 'asc' | 'desc';
}

export interface EventsPage {
	readonly service_id: string | null;
	readonly service_name: string | null;
	/** Events matching the filters before paging. */
	readonly total_count: number;
	readonly events: readonly ApiEvent[];
	/** The server's clock when it answered (its `Date` header), ms; null or absent when unknown. */
	readonly serverDate?: number | null;
}

export interface ServicesQuery {
	readonly service_name?: string;
	readonly status?: string;
	readonly offset?: number;
	readonly limit?: number;
	readonly sort_by?: 'publish_at' | 'service_name' | 'transition_at';
	readonly order?: 'asc' | 'desc';
}

export interface ServicesPage {
	readonly total_count: number;
	readonly services: readonly ServiceSummary[];
}

/** Query parameters of `GET /v1/{project_id}/services/{service_id}/logs`. */
export interface UpdateLogsQuery {
	/** ms; only the record of that update. */
	readonly update_time?: number;
}

export interface UpdateLogs {
	/** In the order the server sent them (the API documents none). */
	readonly records: readonly UpdateLogRecord[];
}

/** The ModelArts API as the rest of the tool sees it. Every method throws an ApiError subclass. */
export interface ModelArtsClient {
	listEvents(serviceId: string, query: EventsQuery, signal?: AbortSignal): Promise<EventsPage>;
	getService(serviceId: string, signal?: AbortSignal): Promise<ServiceDetails>;
	listServices(query: ServicesQuery, signal?: AbortSignal): Promise<ServicesPage>;
	/** Instances and resource use (modelarts-api.md §7); 403/404 where the API is not offered. */
	getMonitor(serviceId: string, signal?: AbortSignal): Promise<ServiceMonitor>;
	/** The service's update records (modelarts-api.md §8); 403/404 where the API is not offered. */
	getUpdateLogs(serviceId: string, query: UpdateLogsQuery, signal?: AbortSignal): Promise<UpdateLogs>;
}
