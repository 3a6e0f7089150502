// Typed errors let every caller decide by kind, not by parsing messages: the sync retries
// transient ones, the CLI maps permanent ones to exit codes. Messages never hold secrets.

/** What the server said, when it said it in ModelArts' error-body shape. */
export interface ServerErrorBody {
	readonly errorCode: string | null;
	readonly errorMsg: string | null;
	readonly requestId: string | null;
}

export abstract class ApiError extends Error {
	abstract readonly kind: 'auth' | 'forbidden' | 'not_found' | 'bad_request' | 'throttled' | 'transient';
	/** True when waiting and asking again may succeed. */
	abstract readonly retryable: boolean;

	constructor(
		message: string,
		/** HTTP status, or null when no response arrived (network, timeout). */
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

/** 5xx, gateway HTML pages, malformed JSON, resets, DNS failures, time-outs. */
export class TransientError extends ApiError {
	readonly kind = 'transient';
	readonly retryable = true;
}
