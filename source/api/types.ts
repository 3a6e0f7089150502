import type {ApiEvent, ServiceDetails, ServiceSummary} from '../model/types.js';

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

/** The ModelArts API as the rest of the tool sees it. Every method throws an ApiError subclass. */
export interface ModelArtsClient {
	listEvents(serviceId: string, query: EventsQuery, signal?: AbortSignal): Promise<EventsPage>;
	getService(serviceId: string, signal?: AbortSignal): Promise<ServiceDetails>;
	listServices(query: ServicesQuery, signal?: AbortSignal): Promise<ServicesPage>;
}
