import type {Agent} from 'node:http';
import type {RequestInit, Response} from 'node-fetch';
import {DEFAULT_MAX_RESPONSE_BYTES} from '../../config/values.js';
import {formatSize, readCapped} from '../http/capped-body.js';
import {HopError, TransientError} from '../errors.js';
import {errorForNetworkFailure, errorForTimeout} from '../http/hop-errors.js';
import {createHopTrace, runTraced} from '../http/hop-trace.js';
import type {RequestLog} from '../http/http-exchange.js';
import {redactUrl} from '../http/redact.js';
import {directRoute, type Route} from '../http/route.js';

/** node-fetch's signature, injectable so tests and the lead can route requests. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** How credential sources reach IAM: the same agent (proxy, CA, keep-alive) as the client. */
export interface AuthHttp {
	readonly fetch: FetchLike;
	/** createAgent's selector; its `route` lets a failure name the proxy or TLS hop. */
	readonly agent?: ((url: URL) => Agent) & {readonly route?: (url: URL) => Route};
	/** Whole-request limit for one IAM call. */
	readonly timeoutMs: number;
	/** Largest answer body read (--max-response-size). */
	readonly maxResponseBytes?: number;
	/** Told of each request once it has ended, as ModelArts requests are (--debug). */
	readonly onRequest?: (log: RequestLog) => void;
}

/** A body already read, so callers can decide by status without touching streams. */
export interface IamResponse {
	readonly status: number;
	readonly headers: {get(name: string): string | null};
	readonly json: unknown;
}

/**
 * Sends one IAM request. A failure on the way (proxy, TLS, DNS) is the HopError that names
 * that hop, prefixed with IAM's address; other network failures, time-outs and an answer
 * over the size limit become TransientError (retryable). Each request, once ended, is told
 * to `http.onRequest`.
 */
export async function iamRequest(
	http: AuthHttp,
	url: URL,
	init: {method: string; headers: Record<string, string>; body?: string},
	signal?: AbortSignal,
): Promise<IamResponse> {
	const started = performance.now();
	const log = (status: number | null, error?: unknown) => {
		const entry: RequestLog = {method: init.method, url: redactUrl(url.href), status, ms: Math.round(performance.now() - started)};
		http.onRequest?.(error === undefined ? entry : {...entry, error: error instanceof Error ? error.message : String(error)});
	};

	try {
		const response = await sendIamRequest(http, url, init, signal);
		log(response.status);
		return response;
	} catch (error) {
		log(null, error);
		throw error;
	}
}

async function sendIamRequest(
	http: AuthHttp,
	url: URL,
	init: {method: string; headers: Record<string, string>; body?: string},
	signal?: AbortSignal,
): Promise<IamResponse> {
	const timeout = AbortSignal.timeout(http.timeoutMs);
	const controller = new AbortController();
	const combined = AbortSignal.any([controller.signal, timeout, ...(signal ? [signal] : [])]);
	const limit = http.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
	const trace = createHopTrace();
	try {
		const response = await runTraced(trace, () => http.fetch(url.href, {...init, agent: http.agent, signal: combined}));
		const body = await readCapped(response.body as AsyncIterable<Uint8Array> | null, limit, response.headers.get('content-length'));
		if (!body.complete) {
			controller.abort();
			throw new TransientError(`IAM at ${url.origin} sent an answer over the ${formatSize(limit)} limit (--max-response-size)`);
		}

		return {status: response.status, headers: response.headers, json: parseJson(body.text)};
	} catch (error) {
		if (signal?.aborted || error instanceof TransientError) {
			throw error;
		}

		// The same hop-by-hop mapping as ModelArts requests (a silent proxy, a refused tunnel, TLS), said of IAM.
		const route = http.agent?.route?.(url) ?? directRoute(url);
		const mapped = timeout.aborted ? errorForTimeout(http.timeoutMs, route, trace) : errorForNetworkFailure(error, route, trace);
		const message = `IAM at ${url.origin}: ${mapped.message}`;
		throw mapped instanceof HopError ? new HopError(message, mapped.hop, mapped.retryable, mapped.answerStatus) : new TransientError(message);
	}
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return null;
	}
}

/** Reads `a.b.c` from unknown JSON without trusting its shape. */
export function pick(value: unknown, ...path: readonly string[]): unknown {
	let current = value;
	for (const key of path) {
		if (typeof current !== 'object' || current === null) {
			return undefined;
		}

		current = (current as Record<string, unknown>)[key];
	}

	return current;
}
