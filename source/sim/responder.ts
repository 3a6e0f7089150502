// Request handling: extra routes, routing, authentication, project check, faults, then the
// endpoint. Faults are decided before the world is touched, so a faulty answer cannot
// start the clock or change what later requests see.
import type {IncomingMessage, Server, ServerResponse} from 'node:http';
import {eventsResponse} from './events-endpoint.js';
import type {FaultInjector, FaultKind} from './faults.js';
import {corruptBody, statusFault} from './faults.js';
import type {SimResponse} from './http-util.js';
import {apiError, json, routeNotFound, send} from './http-util.js';
import {QueryError} from './query.js';
import {detailsResponse, listResponse} from './services-endpoint.js';
import type {World} from './world.js';

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
	readonly status: number | null;
	readonly bytes: number;
	readonly fault: FaultKind | null;
}

interface ResponderOptions {
	readonly projectId: string;
	readonly offsetMode: 'page' | 'record';
	readonly auth: SimAuth;
	readonly faults: FaultInjector;
	readonly routes: readonly SimRoute[];
	readonly world: () => World;
}

/** /v1/{project_id}/services[/{service_id}[/events]] with an optional trailing slash. */
const API_PATH = /^\/v1\/([^/]+)\/services(?:\/([^/]+)(\/events)?)?\/?$/;

function readBody(req: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(req.headers)) {
		if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
	}
	return headers;
}

/** Tallies the body bytes an extra route writes, whichever way it writes them. */
function countBodyBytes(res: ServerResponse): () => number {
	let bytes = 0;
	const count = (chunk: unknown): void => {
		if (typeof chunk === 'string' || chunk instanceof Uint8Array) bytes += Buffer.byteLength(chunk);
	};
	const write = res.write.bind(res) as (...args: unknown[]) => boolean;
	const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
	res.write = ((...args: unknown[]) => {
		count(args[0]);
		return write(...args);
	}) as ServerResponse['write'];
	res.end = ((...args: unknown[]) => {
		count(args[0]);
		return end(...args);
	}) as ServerResponse['end'];
	return () => bytes;
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
		const entry = {method: req.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams)};
		try {
			const body = await readBody(req);
			const sentBytes = countBodyBytes(res);
			if (this.options.routes.some((route) => route(req, res, body))) {
				res.once('finish', () => this.record({...entry, status: res.statusCode, bytes: sentBytes(), fault: null}));
				return;
			}
			this.respond(req, res, url, body, entry);
		} catch {
			// A bug here must not take the demo down: answer like a server error would.
			if (!res.headersSent) this.finish(res, apiError(500, 'ModelArts.0001', 'Internal server error.'), entry, null);
		}
	}

	private respond(req: IncomingMessage, res: ServerResponse, url: URL, body: string, entry: Omit<SimRequestLog, 'status' | 'bytes' | 'fault'>): void {
		const match = API_PATH.exec(url.pathname);
		if (!match || req.method !== 'GET') return this.finish(res, routeNotFound(), entry, null);
		const verdict = this.options.auth.check({method: req.method, url, headers: flatHeaders(req), body});
		if (!verdict.ok) return this.finish(res, json(verdict.status, verdict.body), entry, null);
		const [, projectId, serviceId, events] = match;
		if (projectId !== this.options.projectId) {
			return this.finish(res, apiError(403, 'ModelArts.0210', 'The project ID in the URL does not match the token.'), entry, null);
		}
		if (serviceId === undefined) return this.finish(res, this.endpoint(() => listResponse(this.options.world().all(), url.searchParams, this.options.offsetMode)), entry, null);
		const fault = this.faults.next();
		const requestId = `sim${(this.requestCount += 1).toString(16).padStart(29, '0')}`;
		if (fault === 'reset') return this.abandon(req, entry, fault, true);
		if (fault === 'hang') return this.abandon(req, entry, fault, false);
		const replaced = fault ? statusFault(fault, this.faults.plan, requestId) : null;
		if (replaced) return this.finish(res, replaced, entry, fault);
		const response = this.endpoint(() => {
			const service = this.options.world().service(decodeURIComponent(serviceId));
			if (!service) return apiError(404, 'ModelArts.3502', `Service ${serviceId} does not exist`);
			return events ? eventsResponse(service, url.searchParams, this.options.offsetMode) : detailsResponse(service);
		});
		if (fault === 'slow') return this.sendSlowly(res, response, entry);
		this.finish(res, fault && response.status === 200 ? corruptBody(fault, response) : response, entry, fault);
	}

	private endpoint(compute: () => SimResponse): SimResponse {
		try {
			return compute();
		} catch (error) {
			if (error instanceof QueryError) return error.response;
			throw error;
		}
	}

	private finish(res: ServerResponse, response: SimResponse, entry: Omit<SimRequestLog, 'status' | 'bytes' | 'fault'>, fault: FaultKind | null): void {
		const bytes = send(res, response);
		this.record({...entry, status: response.status, bytes, fault});
	}

	/** Reset destroys the socket now; hang leaves it open until the client gives up or close(). */
	private abandon(req: IncomingMessage, entry: Omit<SimRequestLog, 'status' | 'bytes' | 'fault'>, fault: FaultKind, reset: boolean): void {
		this.record({...entry, status: null, bytes: 0, fault});
		if (reset) req.socket.destroy();
	}

	/** Headers at once, then the body in five parts `slowChunkMs` apart. */
	private sendSlowly(res: ServerResponse, response: SimResponse, entry: Omit<SimRequestLog, 'status' | 'bytes' | 'fault'>): void {
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
