// The ModelArts paths the simulator serves, and which endpoint a path names.

/** An endpoint of one service. */
export type ServiceEndpoint = 'details' | 'events' | 'monitor' | 'logs';

/** The model and pool endpoints that explain a slow or failed phase (modelarts-api-evidence.md §10–12). */
export type EvidenceEndpoint = 'model' | 'pool' | 'pool-nodes' | 'pool-events';

/** A path of the API: the services list, one endpoint of one service, or an evidence endpoint. */
export type ApiRoute =
	| {readonly projectId: string; readonly endpoint: 'list'}
	| {readonly projectId: string; readonly endpoint: ServiceEndpoint; readonly serviceId: string}
	| {readonly projectId: string; readonly endpoint: 'model'; readonly modelId: string}
	| {readonly projectId: string; readonly endpoint: 'pool' | 'pool-nodes'; readonly poolName: string}
	| {readonly projectId: string; readonly endpoint: 'pool-events'};

/** /v1/{project_id}/services[/{service_id}[/events|/monitor|/logs]] with an optional trailing slash. */
const API_PATH = /^\/v1\/([^/]+)\/services(?:\/([^/]+)(?:\/(events|monitor|logs))?)?\/?$/;
const MODEL_PATH = /^\/v1\/([^/]+)\/models\/([^/]+)\/?$/;
const POOL_PATH = /^\/v2\/([^/]+)\/pools\/([^/]+)(\/nodes)?\/?$/;
const EVENTS_PATH = /^\/v1\/([^/]+)\/events\/?$/;

function evidenceRoute(pathname: string): ApiRoute | null {
	const model = MODEL_PATH.exec(pathname);
	if (model) return {projectId: model[1] ?? '', endpoint: 'model', modelId: decodeURIComponent(model[2] ?? '')};
	const pool = POOL_PATH.exec(pathname);
	if (pool) return {projectId: pool[1] ?? '', endpoint: pool[3] ? 'pool-nodes' : 'pool', poolName: decodeURIComponent(pool[2] ?? '')};
	const events = EVENTS_PATH.exec(pathname);
	return events ? {projectId: events[1] ?? '', endpoint: 'pool-events'} : null;
}

/** The route of a path, or null when the API has no such path. */
export function matchRoute(pathname: string): ApiRoute | null {
	const match = API_PATH.exec(pathname);
	if (!match) return evidenceRoute(pathname);
	const [, projectId = '', serviceId, sub] = match;
	if (serviceId === undefined) return {projectId, endpoint: 'list'};
	return {projectId, serviceId: decodeURIComponent(serviceId), endpoint: (sub as ServiceEndpoint | undefined) ?? 'details'};
}
