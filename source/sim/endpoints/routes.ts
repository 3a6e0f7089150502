// The ModelArts paths the simulator serves, and which endpoint a path names: the v1 service
// API (modelarts-api.md) and the v2 inference API (modelarts-api-evidence.md §13).

/** An endpoint of one service; the last five exist only in v2. */
export type ServiceEndpoint = 'details' | 'events' | 'monitor' | 'logs' | 'deployments' | 'deployment' | 'instances' | 'pods' | 'pod-events';

/** The deployment, instance and pod a v2 path names (each may be `all`). */
export interface V2Names {
	readonly deployment?: string;
	readonly instance?: string;
	readonly pod?: string;
}

/** The model and pool endpoints that explain a slow or failed phase (modelarts-api-evidence.md §10–12). */
export type EvidenceEndpoint = 'model' | 'pool' | 'pool-nodes' | 'pool-events';

/** A path of the API: the services list, one endpoint of one service, or an evidence endpoint. */
export type ApiRoute =
	| {readonly generation: 'v1' | 'v2'; readonly projectId: string; readonly endpoint: 'list'}
	| {readonly generation: 'v1' | 'v2'; readonly projectId: string; readonly endpoint: ServiceEndpoint; readonly serviceId: string; readonly names?: V2Names}
	| {readonly generation: null; readonly projectId: string; readonly endpoint: 'model'; readonly modelId: string}
	| {readonly generation: null; readonly projectId: string; readonly endpoint: 'pool' | 'pool-nodes'; readonly poolName: string}
	| {readonly generation: null; readonly projectId: string; readonly endpoint: 'pool-events'};

/** /v1/{project_id}/services[/{service_id}[/events|/monitor|/logs]] with an optional trailing slash. */
const V1_PATH = /^\/v1\/([^/]+)\/services(?:\/([^/]+)(?:\/(events|monitor|logs))?)?\/?$/;
const MODEL_PATH = /^\/v1\/([^/]+)\/models\/([^/]+)\/?$/;
const POOL_PATH = /^\/v2\/([^/]+)\/pools\/([^/]+)(\/nodes)?\/?$/;
const EVENTS_PATH = /^\/v1\/([^/]+)\/events\/?$/;

/** The model and pool paths (evidence reads); they belong to neither service API generation. */
function evidenceRoute(pathname: string): ApiRoute | null {
	const model = MODEL_PATH.exec(pathname);
	if (model) return {generation: null, projectId: model[1] ?? '', endpoint: 'model', modelId: decodeURIComponent(model[2] ?? '')};
	const pool = POOL_PATH.exec(pathname);
	if (pool) return {generation: null, projectId: pool[1] ?? '', endpoint: pool[3] ? 'pool-nodes' : 'pool', poolName: decodeURIComponent(pool[2] ?? '')};
	const events = EVENTS_PATH.exec(pathname);
	return events ? {generation: null, projectId: events[1] ?? '', endpoint: 'pool-events'} : null;
}

/** /v2/{project_id}/services[/{id}[/events|/deployments[/{d}[/instances[/{i}/pods[/{p}/events]]]]]] */
const V2_PATH = /^\/v2\/([^/]+)\/services(?:\/([^/]+)(?:\/(events)|\/deployments(?:\/([^/]+)(?:\/instances(?:\/([^/]+)\/pods(?:\/([^/]+)\/(events))?)?)?)?)?)?\/?$/;

function v2Endpoint(sub: string | undefined, names: V2Names, podEvents: boolean): ServiceEndpoint {
	if (sub === 'events') return 'events';
	if (podEvents) return 'pod-events';
	if (names.instance !== undefined) return 'pods';
	return names.deployment === undefined ? 'deployments' : 'deployment';
}

function matchV2(pathname: string): ApiRoute | null {
	const match = V2_PATH.exec(pathname);
	if (!match) return null;
	const [whole, projectId = '', serviceId, sub, deployment, instance, pod, podEvents] = match;
	if (serviceId === undefined) return {generation: 'v2', projectId, endpoint: 'list'};
	const decode = (part: string | undefined) => (part === undefined ? undefined : decodeURIComponent(part));
	const names: V2Names = {deployment: decode(deployment), instance: decode(instance), pod: decode(pod)};
	const instances = deployment !== undefined && instance === undefined && /\/instances\/?$/.test(whole);
	const endpoint = instances ? 'instances' : pathname.includes('/deployments') ? v2Endpoint(sub, names, podEvents !== undefined) : sub === 'events' ? 'events' : 'details';
	return {generation: 'v2', projectId, serviceId: decodeURIComponent(serviceId), endpoint, names};
}

/** The route of a path, or null when the API has no such path. */
export function matchRoute(pathname: string): ApiRoute | null {
	if (pathname.startsWith('/v2/')) return matchV2(pathname) ?? evidenceRoute(pathname);
	const match = V1_PATH.exec(pathname);
	if (!match) return evidenceRoute(pathname);
	const [, projectId = '', serviceId, sub] = match;
	if (serviceId === undefined) return {generation: 'v1', projectId, endpoint: 'list'};
	return {generation: 'v1', projectId, serviceId: decodeURIComponent(serviceId), endpoint: (sub as ServiceEndpoint | undefined) ?? 'details'};
}
