// The v2 inference API (modelarts-api-evidence.md §13) over the same HTTP exchange as v1:
// same time-outs, credential refresh and typed errors. Requests are signed as the SDK signs
// them (host, content-type, x-project-id, x-sdk-date), and every answer goes through the
// tolerant validators of core/wire/validate-v2.ts, whose complaints reach `onProblem`.
import type {Checked} from '../../core/wire/validate-v2.js';
import {validateV2Deployments, validateV2Events, validateV2Instances, validateV2PodEvents, validateV2Pods, validateV2Service, validateV2Services} from '../../core/wire/validate-v2.js';
import type {V2Deployment, V2Event, V2Instance, V2Page, V2Pod, V2PodEvent, V2ServiceDetails, V2ServiceSummary} from '../../core/wire/v2-types.js';
import type {ClientOptions} from '../client.js';
import {projectResolver, requester, setQuery} from '../client.js';
import {TransientError} from '../errors.js';

/** Query of `GET /v2/{project_id}/services/{service_id}/events`. */
export interface V2EventsQuery {
	readonly event_type?: 'NORMAL' | 'ABNORMAL' | 'WARNING';
	/** 1–500; the server's default is 10. */
	readonly limit: number;
	/** A multiple of `limit`. */
	readonly offset: number;
	readonly sort_key?: 'create_at' | 'update_at';
	readonly sort_dir?: 'ASC' | 'DESC';
}

/** Query of `GET /v2/{project_id}/services`. */
export interface V2ServicesQuery {
	readonly name?: string;
	readonly limit: number;
	readonly offset: number;
}

/** The v2 API as the watch sees it. Every method rejects with an ApiError, or the caller's abort reason. */
export interface V2Client {
	getService(serviceId: string, signal?: AbortSignal): Promise<V2ServiceDetails>;
	listEvents(serviceId: string, query: V2EventsQuery, signal?: AbortSignal): Promise<V2Page<V2Event>>;
	listDeployments(serviceId: string, signal?: AbortSignal): Promise<V2Page<V2Deployment>>;
	/** `deployment` is a deployment name or `all`. */
	listInstances(serviceId: string, deployment: string, signal?: AbortSignal): Promise<V2Page<V2Instance>>;
	listPods(serviceId: string, deployment: string, instance: string, signal?: AbortSignal): Promise<V2Page<V2Pod>>;
	/** The Kubernetes events of a pod (or `all` pods) of an instance (or `all`). */
	listPodEvents(serviceId: string, deployment: string, instance: string, pod: string, signal?: AbortSignal): Promise<V2PodEvent[]>;
	listServices(query: V2ServicesQuery, signal?: AbortSignal): Promise<V2Page<V2ServiceSummary>>;
}

/** The most records a v2 list returns per request. */
export const V2_PAGE_LIMIT = 500;

/** The SDK sends it even on GET, and signs it. */
const SDK_SIGNED = {'content-type': 'application/json'};

export function createV2Client(options: ClientOptions): V2Client {
	const endpoint = new URL(options.endpoint.replace(/\/+$/, '') + '/');
	endpoint.username = '';
	endpoint.password = '';
	const resolveProject = projectResolver(options.projectId);
	const request = requester({...options, signedHeaders: SDK_SIGNED});
	const get = async (address: URL, serviceId: string | null, signal?: AbortSignal): Promise<unknown> => (await request(address, serviceId, signal)).json;
	const url = async (path: readonly string[], signal?: AbortSignal): Promise<URL> =>
		new URL(['v2', await resolveProject(signal), 'services', ...path].map(encodeURIComponent).join('/'), endpoint);
	const read = <T>(where: string, checked: Checked<T>): T => {
		for (const problem of checked.problems) options.onProblem?.(`v2 ${where}: ${problem}`);
		return checked.value;
	};
	const pods = (id: string, deployment: string, instance: string) => [id, 'deployments', deployment, 'instances', instance, 'pods'];

	return {
		async getService(serviceId, signal) {
			const checked = validateV2Service(await get(await url([serviceId], signal), serviceId, signal));
			if (checked.value === null) throw new TransientError(`unexpected v2 service details (${checked.problems.join('; ')})`);
			return read('service details', {...checked, value: checked.value});
		},
		async listEvents(serviceId, query, signal) {
			const address = await url([serviceId, 'events'], signal);
			setQuery(address, query);
			return read('events', validateV2Events(await get(address, serviceId, signal)));
		},
		async listDeployments(serviceId, signal) {
			const address = await url([serviceId, 'deployments'], signal);
			setQuery(address, {limit: V2_PAGE_LIMIT, offset: 0});
			return read('deployments', validateV2Deployments(await get(address, serviceId, signal)));
		},
		async listInstances(serviceId, deployment, signal) {
			const address = await url([serviceId, 'deployments', deployment, 'instances'], signal);
			setQuery(address, {limit: V2_PAGE_LIMIT});
			return read('instances', validateV2Instances(await get(address, serviceId, signal)));
		},
		async listPods(serviceId, deployment, instance, signal) {
			const address = await url(pods(serviceId, deployment, instance), signal);
			setQuery(address, {limit: V2_PAGE_LIMIT});
			return read('pods', validateV2Pods(await get(address, serviceId, signal)));
		},
		async listPodEvents(serviceId, deployment, instance, pod, signal) {
			const address = await url([...pods(serviceId, deployment, instance), pod, 'events'], signal);
			return read('pod events', validateV2PodEvents(await get(address, serviceId, signal)));
		},
		async listServices(query, signal) {
			const address = await url([], signal);
			setQuery(address, query);
			return read('services', validateV2Services(await get(address, null, signal)));
		},
	};
}
