// Turns an HTTP answer (a status and a body) into the typed errors of errors.ts, after
// telling whose answer it is: ModelArts', a gateway page's, or a proxy's own. Messages say
// what happened and what to do; they never contain a credential or a control character.
import {parseErrorBody, requestIdNote, requestIdOf} from './error-body.js';
import {
	AuthError,
	BadRequestError,
	ForbiddenError,
	HopError,
	NotFoundError,
	ThrottledError,
	TransientError,
	type ApiError,
	type ServerErrorBody,
} from '../errors.js';
import {errorForProxyAnswer} from './hop-errors.js';
import type {Route} from './route.js';

/** What the mapping needs to know about the request besides the response. */
export interface ResponseContext {
	readonly route: Route;
	readonly headers: {get(name: string): string | null};
	readonly statusText: string;
	/** The service the request was about, so a 404 can name it. */
	readonly serviceId: string | null;
	/** Names the credential source for 401 messages ("MODELARTS_TOKEN"). */
	readonly authSource: string;
	readonly retryAfterMs: number | null;
}

/** True when a body is an HTML page: a gateway, a proxy or a web site answered, not ModelArts. */
export function looksLikeHtml(text: string): boolean {
	return /^\s*(<!doctype html|<html|<head|<body|<\?xml)/i.test(text);
}

export {parseErrorBody} from './error-body.js';

/** "HTTP 404 ModelArts.3502: Service x does not exist", or "HTTP 502 (HTML page)". */
function describeStatus(status: number, body: ServerErrorBody | null, html: boolean): string {
	const code = body?.errorCode ? ` ${body.errorCode}` : '';
	const message = body?.errorMsg ? `: ${body.errorMsg}` : '';
	const page = html && !body ? ' (an HTML page, not a ModelArts answer)' : '';
	return `HTTP ${status}${code}${message}${page}`;
}

/** What to do about the error codes of modelarts-api.md §5, where the code says more than the status. */
const ADVICE: Readonly<Record<string, string>> = {
	'ModelArts.0201': 'no credential was sent; set one (see --help)',
	'ModelArts.0202': 'the token expired (tokens last 24 h); get a new one',
	'ModelArts.0203': 'the token is invalid or revoked; get a new one',
	'APIGW.0301': 'the token or AK/SK signature was refused; check the credentials, and the clock for AK/SK (±15 min)',
	'APIG.0301': 'the token or AK/SK signature was refused; check the credentials, and the clock for AK/SK (±15 min)',
	'ModelArts.0206': 'the AK/SK is invalid; check the access key and secret',
	'ModelArts.0210': 'the project id does not match the credential; check the project id and region',
	'ModelArts.0212': 'the token is not scoped to a project; request a project-scoped token',
};

function advice(body: ServerErrorBody | null, fallback: string): string {
	return (body?.errorCode ? ADVICE[body.errorCode] : undefined) ?? fallback;
}

/** The typed error for a non-2xx response; ModelArts' own answers name their request id. */
export function errorForStatus(status: number, text: string, context: ResponseContext): ApiError {
	const parsed = parseErrorBody(text);
	const requestId = requestIdOf(context.headers, parsed);
	const body = parsed && {...parsed, requestId};
	const error = errorOfAnswer(status, text, body, context);
	if (requestId !== null && error.kind !== 'hop') Object.defineProperty(error, 'message', {value: `${error.message}${requestIdNote(requestId)}`});
	return error;
}

function errorOfAnswer(status: number, text: string, body: ServerErrorBody | null, context: ResponseContext): ApiError {
	const html = looksLikeHtml(text);
	if (answeredByProxy(status, body, context)) {
		return errorForProxyAnswer(status, context.statusText, context.route);
	}

	const what = describeStatus(status, body, html);
	if ((status === 401 || status === 403) && html && !body) {
		// ModelArts and its API gateway answer with JSON; a page means something in front of
		// them said no, and no credential was judged.
		return new HopError(
			`${what} from ${context.route.endpoint} — something in front of ModelArts (a firewall, web gateway or proxy) refused the request; check --endpoint and the network path`,
			'gateway',
			false,
			status,
		);
	}

	if (status === 401) {
		const fallback = 'renew it (a token lasts 24 h) or check the AK/SK';
		return new AuthError(`${what} — ${context.authSource} was rejected: ${advice(body, fallback)}`, status, body);
	}

	if (status === 403) {
		const fallback = 'the credential is not allowed here; check that the project id belongs to this region and the user may use ModelArts';
		return new ForbiddenError(`${what} — ${advice(body, fallback)}`, status, body);
	}

	if (status === 404) {
		return notFound(what, status, body, html, context);
	}

	if (status === 429) {
		return new ThrottledError(`${what} — throttled`, status, body, context.retryAfterMs);
	}

	if (status >= 400 && status < 500) {
		return new BadRequestError(`${what} — ${advice(body, 'the request was rejected; check the flags')}`, status, body);
	}

	if (status >= 500 && html && !body) {
		// A page, not ModelArts' JSON: a gateway or load balancer in front of it is failing. It may
		// pass, so it is retried; but it is no proof that the endpoint is right (no status).
		return new HopError(`${what} from ${context.route.endpoint} — a gateway or load balancer in front of ModelArts could not serve the request`, 'gateway', true, status);
	}

	return new TransientError(status >= 500 ? what : `${what} — unexpected answer`, status, body);
}

function notFound(what: string, status: number, body: ServerErrorBody | null, html: boolean, context: ResponseContext): ApiError {
	if (html && !body) {
		return new NotFoundError(`${what} from ${context.route.endpoint} — is this a ModelArts endpoint? Check --endpoint`, status, body);
	}

	const subject = context.serviceId ? `service ${context.serviceId} not found` : 'not found';
	return new NotFoundError(`${what} — ${subject}; check the service id, the project and the region`, status, body);
}

/**
 * True when a proxy, not ModelArts, wrote this answer. 407 and Proxy-Authenticate are a
 * proxy's by definition. A plain-HTTP request that a proxy forwards comes back with a Via
 * header the proxy adds; its own refusals and "cannot connect" pages carry none (or, from
 * squid, X-Squid-Error), and never ModelArts' JSON error body. Through a CONNECT tunnel
 * every answer comes from beyond the proxy: its own answer was the CONNECT's.
 */
function answeredByProxy(status: number, body: ServerErrorBody | null, context: ResponseContext): boolean {
	const {headers, route} = context;
	if (status === 407 || headers.get('proxy-authenticate') !== null) {
		return true;
	}

	if (!route.proxy || route.proxy.tunnel || body !== null || !(status === 401 || status === 403 || status >= 500)) {
		return false;
	}

	return headers.get('via') === null || headers.get('x-squid-error') !== null;
}
