// One HTTP GET and its outcome: a time-out that covers the body too, a size limit on the
// body, the caller's abort, the credential headers, and the mapping of whatever happened
// to a typed result that names the hop at fault.
import type http from 'node:http';
import {redact} from '../../secrets.js';
import type {Authenticator} from './authenticator.js';
import {parseRetryAfter} from '../poll/backoff.js';
import {ERROR_BODY_BYTES, formatSize, readCapped} from './capped-body.js';
import {ApiError, BadRequestError, HopError, TransientError} from '../errors.js';
import {errorForNetworkFailure, errorForTimeout} from './hop-errors.js';
import {createHopTrace, runTraced} from './hop-trace.js';
import {errorForStatus} from './http-errors.js';
import {redactUrl, scrubSecrets} from './redact.js';
import type {Route} from './route.js';

/** What the client needs from a response; node-fetch's Response fits. */
export interface FetchResponse {
	readonly status: number;
	readonly statusText?: string;
	readonly headers: {get(name: string): string | null};
	/** Read only through readCapped (a Node stream is an AsyncIterable of Buffers). */
	readonly body: AsyncIterable<Uint8Array> | null;
}

/** The options the client passes to fetch; node-fetch's RequestInit accepts them. */
export interface FetchInit {
	readonly method: string;
	readonly headers: Record<string, string>;
	readonly signal: AbortSignal;
	readonly agent: http.Agent | ((url: URL) => http.Agent);
	readonly redirect: 'manual';
}

/** node-fetch 3 by default; tests and special set-ups can pass their own. */
export type FetchLike = (url: string, init: FetchInit) => Promise<FetchResponse>;

/** One HTTP exchange, for --debug logs. The URL carries no secret. */
export interface RequestLog {
	readonly method: string;
	readonly url: string;
	readonly status: number | null;
	readonly ms: number;
	readonly error?: string;
}

/** Everything an exchange needs, defaults resolved. */
export interface ExchangeOptions {
	readonly auth: Authenticator;
	readonly fetch: FetchLike;
	readonly agent: http.Agent | ((url: URL) => http.Agent);
	/** Which way the agent sends a URL, for messages that name the failing hop. */
	readonly route: (url: URL) => Route;
	readonly timeoutMs: number;
	/** Largest body read from a 2xx answer; past it the request is aborted. */
	readonly maxResponseBytes: number;
	readonly userAgent?: string;
	readonly onRequest?: (log: RequestLog) => void;
	/**
	 * Headers sent and signed, the SDK's way (v2: content-type): then only they, host and the
	 * credential's own headers are signed, and accept and user-agent travel unsigned.
	 */
	readonly signedHeaders?: Readonly<Record<string, string>>;
}

/** A 2xx answer's JSON with the server's clock when it answered (its `Date` header; null without one). */
export type ExchangeResult = {readonly ok: true; readonly json: unknown; readonly serverDate: number | null} | {readonly ok: false; readonly error: ApiError};

function serverDateOf(response: FetchResponse): number | null {
	const header = response.headers.get('date');
	const time = header === null ? Number.NaN : Date.parse(header);
	return Number.isFinite(time) ? time : null;
}

/**
 * GETs `url`. Resolves with the parsed JSON of a 2xx answer or the typed error of anything
 * else; rejects only with the caller's abort reason. `serviceId` lets a 404 name the service.
 */
export async function exchange(options: ExchangeOptions, url: URL, serviceId: string | null, signal?: AbortSignal): Promise<ExchangeResult> {
	signal?.throwIfAborted();
	const started = performance.now();
	const controller = new AbortController();
	const onAbort = (): void => controller.abort(signal?.reason);
	signal?.addEventListener('abort', onAbort, {once: true});
	let timedOut = false;
	const timer = setTimeout(() => {
		timedOut = true;
		controller.abort();
	}, options.timeoutMs);
	let secrets: readonly string[] = [];
	let status: number | null = null;
	const finish = (result: ExchangeResult): ExchangeResult => {
		const error = result.ok ? undefined : scrubbed(result.error, secrets);
		const entry: RequestLog = {method: 'GET', url: redactUrl(url.href), status, ms: Math.round(performance.now() - started)};
		options.onRequest?.(error ? {...entry, error: error.message} : entry);
		return error ? {ok: false, error} : result;
	};

	const route = options.route(url);
	const trace = createHopTrace();
	try {
		const headers = await requestHeaders(options, url, controller.signal);
		secrets = Object.values(headers);
		const init = {method: 'GET', headers, signal: controller.signal, agent: options.agent, redirect: 'manual'} as const;
		const response = await runTraced(trace, () => options.fetch(url.href, init));
		status = response.status;
		const ok = status >= 200 && status < 300;
		const limit = ok ? options.maxResponseBytes : Math.min(ERROR_BODY_BYTES, options.maxResponseBytes);
		const body = await readCapped(response.body, limit, response.headers.get('content-length'));
		if (!body.complete) {
			// The rest is never read: drop the connection rather than drain it.
			controller.abort();
			if (ok) return finish({ok: false, error: tooLargeError(route, options.maxResponseBytes, status)});
		}

		return finish(interpret(response, body.complete ? body.text : body.prefix, url, {route, serviceId, authSource: options.auth.source}));
	} catch (error) {
		if (signal?.aborted) {
			throw signal.reason;
		}

		return finish({ok: false, error: timedOut ? errorForTimeout(options.timeoutMs, route, trace) : error instanceof ApiError ? error : errorForNetworkFailure(error, route, trace)});
	} finally {
		clearTimeout(timer);
		signal?.removeEventListener('abort', onAbort);
	}
}

/** Transient: the next poll may get a shorter answer (fewer events, a fixed server). */
function tooLargeError(route: Route, limit: number, status: number): TransientError {
	const raised = formatSize(limit * 2).replace(' ', '');
	return new TransientError(
		`the answer from ${route.endpoint} is over the ${formatSize(limit)} limit (--max-response-size) — reading stopped; if this service's history really is that long, raise it, e.g. --max-response-size ${raised}`,
		status,
	);
}

async function requestHeaders(options: ExchangeOptions, url: URL, signal: AbortSignal): Promise<Record<string, string>> {
	const base: Record<string, string> = {accept: 'application/json'};
	if (options.userAgent) {
		base['user-agent'] = options.userAgent;
	}

	const signed = options.signedHeaders ?? base;
	const auth = await options.auth.headers({method: 'GET', url, headers: signed, body: ''}, signal);
	return {...base, ...signed, ...auth};
}

interface AnswerContext {
	readonly route: Route;
	readonly serviceId: string | null;
	readonly authSource: string;
}

function interpret(response: FetchResponse, text: string, url: URL, context: AnswerContext): ExchangeResult {
	const {status} = response;
	const {route} = context;
	if (status >= 300 && status < 400) {
		// Redirects are not followed: the credential header must not travel to another host.
		const location = response.headers.get('location');
		const to = location ? ` to ${redactUrl(new URL(location, url).href)}` : '';
		return {ok: false, error: new BadRequestError(`HTTP ${status}: ${route.endpoint} redirected${to} — check --endpoint`, status)};
	}

	if (status < 200 || status >= 300) {
		const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), Date.now());
		const answer = {...context, headers: response.headers, statusText: response.statusText ?? '', retryAfterMs};
		return {ok: false, error: errorForStatus(status, text, answer)};
	}

	try {
		return {ok: true, json: JSON.parse(text), serverDate: serverDateOf(response)};
	} catch {
		if (/^\s*</.test(text)) {
			// A page is a web site's or a portal's answer, never ModelArts': no proof the endpoint is right.
			return {ok: false, error: new HopError(`HTML page instead of JSON from ${route.endpoint} — is this a ModelArts endpoint? Check --endpoint`, 'gateway', true, status)};
		}

		const reason = text.trim() === '' ? `empty response from ${route.endpoint}` : `invalid JSON from ${route.endpoint}`;
		return {ok: false, error: new TransientError(reason, status)};
	}
}

/** The same error with any credential value blanked out of its message (a server may echo one). */
function scrubbed(error: ApiError, secrets: readonly string[]): ApiError {
	const message = redact(scrubSecrets(error.message, secrets));
	if (message !== error.message) {
		Object.defineProperty(error, 'message', {value: message});
	}

	return error;
}
