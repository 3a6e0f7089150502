// Turns what came back (a status and a body, or a network failure) into the typed errors of
// errors.ts. Messages say what happened and what to do; they never contain a credential.
import {
	AuthError,
	BadRequestError,
	ForbiddenError,
	NotFoundError,
	ThrottledError,
	TransientError,
	type ApiError,
	type ServerErrorBody,
} from './errors.js';

/** What the mapping needs to know about the request besides the response. */
export interface ResponseContext {
	readonly host: string;
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

/** ModelArts' `{error_code, error_msg, request_id}` body, or null when the body has neither. */
export function parseErrorBody(text: string): ServerErrorBody | null {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		return null;
	}

	if (typeof json !== 'object' || json === null) {
		return null;
	}

	const record = json as Record<string, unknown>;
	const pick = (key: string): string | null => (typeof record[key] === 'string' ? record[key] : null);
	const body = {errorCode: pick('error_code'), errorMsg: pick('error_msg'), requestId: pick('request_id')};
	return body.errorCode === null && body.errorMsg === null ? null : body;
}

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

/** The typed error for a non-2xx response. */
export function errorForStatus(status: number, text: string, context: ResponseContext): ApiError {
	const body = parseErrorBody(text);
	const html = looksLikeHtml(text);
	const what = describeStatus(status, body, html);
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

	return new TransientError(status >= 500 ? what : `${what} — unexpected answer`, status, body);
}

function notFound(what: string, status: number, body: ServerErrorBody | null, html: boolean, context: ResponseContext): ApiError {
	if (html && !body) {
		return new NotFoundError(`${what} from ${context.host} — is this a ModelArts endpoint? Check --endpoint`, status, body);
	}

	const subject = context.serviceId ? `service ${context.serviceId} not found` : 'not found';
	return new NotFoundError(`${what} — ${subject}; check the service id, the project and the region`, status, body);
}

/** Error codes of Node's network stack, grouped by what a person should hear. */
const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME']);
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'ERR_STREAM_PREMATURE_CLOSE', 'UND_ERR_SOCKET', 'ECONNABORTED']);

/** The typed error for a request that got no usable response (network, TLS, time-out). */
export function errorForNetworkFailure(error: unknown, host: string): TransientError {
	const code = networkCode(error);
	if (code && DNS_CODES.has(code)) {
		return new TransientError(`DNS lookup failed for ${host} — check the endpoint or region`);
	}

	if (code === 'ECONNREFUSED') {
		return new TransientError(`connection refused by ${host} — check the endpoint`);
	}

	if ((code && RESET_CODES.has(code)) || /premature close|socket hang up/i.test(messageOf(error))) {
		return new TransientError('connection reset');
	}

	if (code === 'ETIMEDOUT' || code === 'ENETUNREACH' || code === 'EHOSTUNREACH') {
		return new TransientError(`cannot reach ${host} (${code})`);
	}

	if (code && /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) {
		return new TransientError(`TLS certificate problem with ${host} (${code}) — pass --ca-file for a private CA`);
	}

	const detail = code ?? (error instanceof Error ? `${error.name}: ${error.message.slice(0, 120)}` : null);
	return new TransientError(detail ? `network error (${detail})` : 'network error');
}

function networkCode(error: unknown): string | null {
	for (let current: unknown = error, depth = 0; current && depth < 4; depth++) {
		const code = (current as {code?: unknown}).code;
		if (typeof code === 'string') {
			return code;
		}

		current = (current as {cause?: unknown}).cause;
	}

	return null;
}

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
