// The one place that speaks HTTP to ModelArts. Everything above it sees typed results or
// typed errors (errors.ts) and never a status code, a socket error or a credential.
import http from 'node:http';
import https from 'node:https';
import nodeFetch from 'node-fetch';
import type {Authenticator} from './http/authenticator.js';
import {CredentialError} from '../config/errors.js';
import {DEFAULT_MAX_RESPONSE_BYTES} from '../config/values.js';
import {ApiError, AuthError} from './errors.js';
import {exchange, type FetchLike, type RequestLog} from './http/http-exchange.js';
import type {AgentSelector} from './http/network.js';
import {eventsPageFrom, monitorFrom, servicesPageFrom, serviceDetailsFrom, updateLogsFrom, type ProblemReporter} from './payloads.js';
import {directRoute} from './http/route.js';
import type {ModelArtsClient, ServicesQuery} from './types.js';
import type {ProjectGet} from './evidence/client.js';

export type {FetchInit, FetchLike, FetchResponse, RequestLog} from './http/http-exchange.js';

/** How to reach ModelArts. */
export interface ClientOptions {
	/** e.g. https://modelarts.eu-de.otc.t-systems.com */
	readonly endpoint: string;
	/** The project id, or a function that finds it (asked once, then remembered). */
	readonly projectId: string | (() => Promise<string>);
	readonly auth: Authenticator;
	readonly fetch?: FetchLike;
	/** Proxy or CA agent (createAgent's selector also tells the route); a keep-alive agent by default. */
	readonly agent?: http.Agent | ((url: URL) => http.Agent) | AgentSelector;
	/** Per request, body included; 15 s by default. */
	readonly timeoutMs?: number;
	/** Largest answer body read (--max-response-size); 32 MiB by default. */
	readonly maxResponseBytes?: number;
	readonly userAgent?: string;
	readonly onRequest?: (log: RequestLog) => void;
	/** What the tolerant validators dropped or found missing in an answer (malformed events, no total_count…). */
	readonly onProblem?: ProblemReporter;
}

const DEFAULT_TIMEOUT_MS = 15_000;

/** Builds the ModelArts client. Every method rejects with an ApiError, or the caller's abort reason. */
export function createClient(options: ClientOptions): ModelArtsClient & {readonly projectGet: ProjectGet} {
	const endpoint = new URL(options.endpoint.replace(/\/+$/, '') + '/');
	// ModelArts never takes credentials in the URL; fetch refuses such URLs, and logs must not show them.
	endpoint.username = '';
	endpoint.password = '';
	const resolveProject = projectResolver(options.projectId);
	const exchangeJson = requester(options);
	const get = async (url: URL, serviceId: string | null, signal?: AbortSignal): Promise<unknown> => (await exchangeJson(url, serviceId, signal)).json;

	const serviceUrl = async (serviceId: string, suffix: string, signal?: AbortSignal): Promise<URL> =>
		new URL(`v1/${encodeURIComponent(await resolveProject(signal))}/services/${encodeURIComponent(serviceId)}${suffix}`, endpoint);

	const projectGet = async (version: 'v1' | 'v2', path: string, query: Readonly<Record<string, string>>, signal?: AbortSignal): Promise<unknown> => {
		const url = new URL(`${version}/${encodeURIComponent(await resolveProject(signal))}/${path}`, endpoint);
		for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
		return get(url, null, signal);
	};

	return {
		projectGet,
		async listEvents(serviceId, query, signal) {
			const url = await serviceUrl(serviceId, '/events', signal);
			setQuery(url, query);
			const answer = await exchangeJson(url, serviceId, signal);
			return {...eventsPageFrom(answer.json, options.onProblem), serverDate: answer.serverDate};
		},
		async getService(serviceId, signal) {
			return serviceDetailsFrom(await get(await serviceUrl(serviceId, '', signal), serviceId, signal), options.onProblem);
		},
		async getMonitor(serviceId, signal) {
			return monitorFrom(await get(await serviceUrl(serviceId, '/monitor', signal), serviceId, signal), options.onProblem);
		},
		async getUpdateLogs(serviceId, query, signal) {
			const url = await serviceUrl(serviceId, '/logs', signal);
			setQuery(url, query);
			return updateLogsFrom(await get(url, serviceId, signal), options.onProblem);
		},
		async listServices(query: ServicesQuery, signal) {
			const url = new URL(`v1/${encodeURIComponent(await resolveProject(signal))}/services`, endpoint);
			setQuery(url, query);
			return servicesPageFrom(await get(url, null, signal), options.onProblem);
		},
	};
}

/** Sets every defined query value on `url`. */
export function setQuery(url: URL, query: object): void {
	for (const [key, value] of Object.entries(query)) {
		if (value !== undefined && value !== null) {
			url.searchParams.set(key, String(value));
		}
	}
}

export function projectResolver(projectId: ClientOptions['projectId']): (signal?: AbortSignal) => Promise<string> {
	if (typeof projectId === 'string') {
		return async () => projectId;
	}

	let known: string | null = null;
	return async () => {
		known ??= await projectId();
		return known;
	};
}

function defaultAgent(): (url: URL) => http.Agent {
	const plain = new http.Agent({keepAlive: true});
	const secure = new https.Agent({keepAlive: true});
	return (url) => (url.protocol === 'http:' ? plain : secure);
}

/** A GET that resolves with the parsed JSON body of a 2xx answer (and the server's Date), refreshing the credential once on 401. */
export function requester(
	options: ClientOptions & {readonly signedHeaders?: Readonly<Record<string, string>>},
): (url: URL, serviceId: string | null, signal?: AbortSignal) => Promise<{readonly json: unknown; readonly serverDate: number | null}> {
	const fetch = options.fetch ?? (nodeFetch as unknown as FetchLike);
	const agent = options.agent ?? defaultAgent();
	const route = isSelector(agent) ? agent.route : directRoute;
	const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
	const resolved = {...options, fetch, agent, route, timeoutMs, maxResponseBytes};

	return async (url, serviceId, signal) => {
		let refreshed = false;
		for (;;) {
			const result = await exchange(resolved, url, serviceId, signal);
			if (result.ok) {
				return result;
			}

			// A rejected credential is refreshed at most once: retrying blindly can lock an AK.
			if (result.error.kind === 'auth' && !refreshed && (await refresh(options.auth, signal))) {
				refreshed = true;
				continue;
			}

			throw result.error;
		}
	};
}

function isSelector(agent: ClientOptions['agent']): agent is AgentSelector {
	return typeof agent === 'function' && 'route' in agent;
}

async function refresh(auth: Authenticator, signal?: AbortSignal): Promise<boolean> {
	try {
		return await auth.refresh(signal);
	} catch (error) {
		if (error instanceof ApiError) {
			throw error;
		}

		// A re-login that IAM refused (wrong password, disabled user) is final, and its message
		// says why; as an AuthError the watcher stops instead of retrying the login.
		if (error instanceof CredentialError) {
			throw new AuthError(error.message, 401);
		}

		return false;
	}
}
