// Typed errors let every caller decide by kind, not by parsing messages: the sync retries
// transient ones, the CLI maps permanent ones to exit codes. Messages never hold secrets.

/** What the server said, when it said it in ModelArts' error-body shape. */
export interface ServerErrorBody {
	readonly errorCode: string | null;
	readonly errorMsg: string | null;
	readonly requestId: string | null;
}

export abstract class ApiError extends Error {
	abstract readonly kind: 'auth' | 'forbidden' | 'not_found' | 'bad_request' | 'throttled' | 'transient' | 'hop';
	/** True when waiting and asking again may succeed. */
	abstract readonly retryable: boolean;

	constructor(
		message: string,
		/** ModelArts' HTTP status, or null when no answer came from it (network, proxy, timeout). */
		readonly status: number | null = null,
		readonly body: ServerErrorBody | null = null,
	) {
		super(message);
		this.name = new.target.name;
	}
}

/** 401: the credential was missing, expired, revoked or wrong. */
export class AuthError extends ApiError {
	readonly kind = 'auth';
	readonly retryable = false;
}

/** 403: the credential is valid but not allowed (wrong project, no permission). */
export class ForbiddenError extends ApiError {
	readonly kind = 'forbidden';
	readonly retryable = false;
}

/** 404: the service (ModelArts.3502) or project does not exist. */
export class NotFoundError extends ApiError {
	readonly kind = 'not_found';
	readonly retryable = false;
}

/** 400 and other 4xx: the request itself is wrong; asking again will not help. */
export class BadRequestError extends ApiError {
	readonly kind = 'bad_request';
	readonly retryable = false;
}

/** 429 (APIGW.0308): slow down; `retryAfterMs` comes from Retry-After when present. */
export class ThrottledError extends ApiError {
	readonly kind = 'throttled';
	readonly retryable = true;

	constructor(
		message: string,
		status: number | null,
		body: ServerErrorBody | null,
		readonly retryAfterMs: number | null,
	) {
		super(message, status, body);
	}
}

/** 5xx, gateway HTML pages, malformed JSON, resets, time-outs, an answer over the size limit. */
export class TransientError extends ApiError {
	readonly kind = 'transient';
	readonly retryable = true;
}

/**
 * The hop on the way to ModelArts that failed: the DNS lookup or TCP connection of the
 * endpoint or of the proxy, the proxy itself (its answer to CONNECT or to a forwarded
 * request, or its wish for credentials), TLS with the endpoint or the proxy, or a gateway
 * page (HTML) that answered instead of ModelArts.
 */
export type Hop =
	| 'endpoint-dns'
	| 'proxy-dns'
	| 'endpoint-tcp'
	| 'proxy-tcp'
	| 'proxy-refused'
	| 'proxy-auth'
	| 'endpoint-tls'
	| 'proxy-tls'
	| 'gateway';

/**
 * ModelArts never judged the request: `hop` says where it stopped. Whether asking again can
 * help depends on the failure (a refused connection may pass, an untrusted certificate will
 * not), so each error carries its own `retryable`. `status` stays null, so the watcher does
 * not take a proxy's answer for a sign that the endpoint is right.
 */
export class HopError extends ApiError {
	readonly kind = 'hop';

	constructor(
		message: string,
		readonly hop: Hop,
		readonly retryable: boolean,
		/** The proxy's or gateway's own HTTP status, when one answered. */
		readonly answerStatus: number | null = null,
	) {
		super(message);
	}
}
