// The ModelArts paths the simulator serves, and which endpoint a path names.

/** An endpoint of one service. */
export type ServiceEndpoint = 'details' | 'events' | 'monitor' | 'logs';

/** A path of the API: the services list, or one endpoint of one service. */
export type ApiRoute =
	| {readonly projectId: string; readonly endpoint: 'list'}
	| {readonly projectId: string; readonly endpoint: ServiceEndpoint; readonly serviceId: string};

/** /v1/{project_id}/services[/{service_id}[/events|/monitor|/logs]] with an optional trailing slash. */
const API_PATH = /^\/v1\/([^/]+)\/services(?:\/([^/]+)(?:\/(events|monitor|logs))?)?\/?$/;

/** The route of a path, or null when the API has no such path. */
export function matchRoute(pathname: string): ApiRoute | null {
	const match = API_PATH.exec(pathname);
	if (!match) return null;
	const [, projectId = '', serviceId, sub] = match;
	if (serviceId === undefined) return {projectId, endpoint: 'list'};
	return {projectId, serviceId: decodeURIComponent(serviceId), endpoint: (sub as ServiceEndpoint | undefined) ?? 'details'};
}
