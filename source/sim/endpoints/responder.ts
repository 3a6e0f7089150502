// Request handling: extra routes, routing, authentication, project check, deny switches,
// faults, then the endpoint. Denials and faults are decided before the world is touched, so
// such an answer cannot start the clock or change what later requests see.
import type {IncomingMessage, Server, ServerResponse} from 'node:http';
import type {DenyPlan} from './deny.js';
import {deniedResponse} from './deny.js';
import {eventsResponse} from './events.js';
import type {FaultInjector, FaultKind} from './faults.js';
import {corruptBody, statusFault} from './faults.js';
import type {SimResponse} from './http-util.js';
import {apiError, countBodyBytes, flatHeaders, json, readBody, routeNotFound, send} from './http-util.js';
import {logsResponse} from './logs.js';
import {monitorResponse} from './monitor.js';
import {QueryError} from './query.js';
import type {ApiRoute, EvidenceEndpoint, ServiceEndpoint} from './routes.js';
import {modelResponse} from './models.js';
import {nodesResponse, poolEventsResponse, poolResponse} from './pools.js';
import {matchRoute} from './routes.js';
import type {ServiceState} from '../service-state.js';
import {detailsResponse, listResponse} from './services.js';
import {v2ListResponse, v2ServiceResponse} from './v2.js';
import type {World} from '../world.js';

/** Handles a request itself (e.g. IAM) and returns true, or returns false to pass it on. */
export type SimRoute = (req: IncomingMessage, res: ServerResponse, body: string) => boolean;

/** A replacement credential check; headers have lower-case names. */
export type SimAuth = {
	check(req: {method: string; url: URL; headers: Record<string, string>; body: string}): {ok: true} | {ok: false; status: number; body: object};
};

/** One answered request, for tests. `status` is null when no response was sent (reset, hang). */
export interface SimRequestLog {
	readonly method: string;
	readonly path: string;
	readonly query: Readonly<Record<string, string>>;
	/** When it arrived, on the simulator's clock (ms): to count a client's request rate. */
	readonly at: number;
	/** The API endpoint the path names, or null for other paths (extra routes, unknown ones). */
	readonly endpoint: ServiceEndpoint | EvidenceEndpoint | 'list' | null;
	/** Which API generation the path belongs to; null for other paths. */
	readonly generation: 'v1' | 'v2' | null;
	readonly status: number | null;
	readonly bytes: number;
	readonly fault: FaultKind | null;
}

type Arrival = Omit<SimRequestLog, 'status' | 'bytes' | 'fault'>;

interface ResponderOptions {
	readonly projectId: string;
	readonly offsetMode: 'page' | 'record';
	readonly auth: SimAuth;
	readonly faults: FaultInjector;
	readonly deny: DenyPlan;
	readonly routes: readonly SimRoute[];
	readonly world: () => World;
	readonly now: () => number;
}

function withRequestId(response: SimResponse, requestId: string): SimResponse {
	return {...response, headers: {...response.headers, 'X-Request-Id': requestId}};
}

/** A standalone simulator may run for days; keep the log to the recent past. */
const MAX_LOG = 10_000;

export class Responder {
	readonly log: SimRequestLog[] = [];
	private faults: FaultInjector;
	private readonly timers = new Set<ReturnType<typeof setTimeout>>();
	private requestCount = 0;

	constructor(private readonly options: ResponderOptions) {
		this.faults = options.faults;
	}

	private record(entry: SimRequestLog): void {
		if (this.log.length >= MAX_LOG) this.log.shift();
		this.log.push(entry);
	}

	setFaults(faults: FaultInjector): void {
		this.faults = faults;
	}

	async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', 'http://simulator.local');
		const route = matchRoute(url.pathname);
		const entry: Arrival = {
			method: req.method ?? 'GET',
			path: url.pathname,
			query: Object.fromEntries(url.searchParams),
			at: this.options.now(),
			endpoint: route?.endpoint ?? null,
			generation: route?.generation ?? null,
		};
		try {
			const body = await readBody(req);
			const sentBytes = countBodyBytes(res);
			if (this.options.routes.some((route) => route(req, res, body))) {
				res.once('finish', () => this.record({...entry, endpoint: null, generation: null, status: res.statusCode, bytes: sentBytes(), fault: null}));
				return;
			}
			this.respond(req, res, url, route, body, entry);
		} catch {
			// A bug here must not take the demo down: answer like a server error would.
			if (!res.headersSent) this.finish(res, apiError(500, 'ModelArts.0001', 'Internal server error.'), entry, null);
		}
	}

	private respond(req: IncomingMessage, res: ServerResponse, url: URL, route: ApiRoute | null, body: string, entry: Arrival): void {
		if (!route || req.method !== 'GET') return this.finish(res, routeNotFound(), entry, null);
		// Every API answer names itself, as ModelArts' gateway does, so support can find it.
		const requestId = `sim${(this.requestCount += 1).toString(16).padStart(29, '0')}`;
		const finish = (response: SimResponse, fault: FaultKind | null) => this.finish(res, withRequestId(response, requestId), entry, fault);
		const verdict = this.options.auth.check({method: req.method, url, headers: flatHeaders(req), body});
		if (!verdict.ok) return finish(json(verdict.status, verdict.body), null);
		if (route.projectId !== this.options.projectId) {
			return finish(apiError(403, 'ModelArts.0210', 'The project ID in the URL does not match the token.'), null);
		}
		if (route.endpoint === 'list') return finish(this.safely(() => this.list(route.generation, url.searchParams)), null);
		const denied = deniedResponse(this.options.deny, route.endpoint);
		if (denied) return finish(denied, null);
		// Faults are scripted for the service endpoints; the evidence reads answer as they are.
		if (!('serviceId' in route)) return finish(this.safely(() => this.evidence(route, url.searchParams)), null);
		const fault = this.faults.next(route.endpoint);
		if (fault === 'reset') return this.abandon(req, entry, fault, true);
		if (fault === 'hang') return this.abandon(req, entry, fault, false);
		const replaced = fault ? statusFault(fault, this.faults.plan, requestId) : null;
		if (replaced) return finish(replaced, fault);
		const response = withRequestId(this.safely(() => this.answer(route, url.searchParams)), requestId);
		if (fault === 'slow') return this.sendSlowly(res, response, entry);
		this.finish(res, fault && response.status === 200 ? corruptBody(fault, response) : response, entry, fault);
	}

	private evidence(route: Exclude<ApiRoute, {readonly serviceId: string} | {readonly endpoint: 'list'}>, params: URLSearchParams): SimResponse {
		const world = this.options.world();
		switch (route.endpoint) {
			case 'model':
				return modelResponse(route.modelId, world.model(route.modelId));
			case 'pool':
				return poolResponse(route.poolName, world.pool(route.poolName));
			case 'pool-nodes':
				return nodesResponse(route.poolName, world.pool(route.poolName), params);
			default:
				return poolEventsResponse(params, (name) => world.pool(name));
		}
	}

	private list(generation: 'v1' | 'v2', params: URLSearchParams): SimResponse {
		if (generation === 'v2') return v2ListResponse(this.options.world().allV2(), params);
		return listResponse(this.options.world().all(), params, this.options.offsetMode);
	}

	/** A service of one generation is unknown to the other's API: ModelArts.3502, as for no service at all. */
	private answer(route: Extract<ApiRoute, {serviceId: string}>, params: URLSearchParams): SimResponse {
		const world = this.options.world();
		const missing = apiError(404, 'ModelArts.3502', `Service ${route.serviceId} does not exist`);
		if (route.generation === 'v2') {
			const service = world.v2Service(route.serviceId);
			return service ? v2ServiceResponse(route.endpoint, service, route.names ?? {}, params) : missing;
		}
		const service = world.service(route.serviceId);
		return service ? this.serve(route.endpoint, service, params, world.now) : missing;
	}

	private serve(endpoint: ServiceEndpoint, service: ServiceState, params: URLSearchParams, now: number): SimResponse {
		switch (endpoint) {
			case 'events':
				return eventsResponse(service, params, this.options.offsetMode);
			case 'monitor':
				return monitorResponse(service, now);
			case 'logs':
				return logsResponse(service, params);
			default:
				return detailsResponse(service, now);
		}
	}

	private safely(compute: () => SimResponse): SimResponse {
		try {
			return compute();
		} catch (error) {
			if (error instanceof QueryError) return error.response;
			throw error;
		}
	}

	private finish(res: ServerResponse, response: SimResponse, entry: Arrival, fault: FaultKind | null): void {
		const bytes = send(res, response);
		this.record({...entry, status: response.status, bytes, fault});
	}

	/** Reset destroys the socket now; hang leaves it open until the client gives up or close(). */
	private abandon(req: IncomingMessage, entry: Arrival, fault: FaultKind, reset: boolean): void {
		this.record({...entry, status: null, bytes: 0, fault});
		if (reset) req.socket.destroy();
	}

	/** Headers at once, then the body in five parts `slowChunkMs` apart. */
	private sendSlowly(res: ServerResponse, response: SimResponse, entry: Arrival): void {
		const buffer = Buffer.from(response.body);
		res.writeHead(response.status, {...response.headers, 'Content-Length': String(buffer.length)});
		const parts = 5;
		const size = Math.ceil(buffer.length / parts);
		const delay = this.faults.plan.slowChunkMs ?? 200;
		const writePart = (index: number): void => {
			const chunk = buffer.subarray(index * size, (index + 1) * size);
			if (index >= parts - 1 || (index + 1) * size >= buffer.length) {
				res.end(chunk);
				this.record({...entry, status: response.status, bytes: buffer.length, fault: 'slow'});
				return;
			}
			res.write(chunk);
			const timer = setTimeout(() => {
				this.timers.delete(timer);
				if (!res.destroyed) writePart(index + 1);
			}, delay);
			this.timers.add(timer);
		};
		writePart(0);
	}

	close(server: Server): Promise<void> {
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		return new Promise((resolve) => {
			server.close(() => resolve());
			server.closeAllConnections();
		});
	}
}
