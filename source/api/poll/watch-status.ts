// How the poll loop words its state for the status line and for a stop.
import {ApiError, HopError, TransientError} from '../errors.js';

/** "HTTP 503", "HTTP 429 APIGW.0308", "timed out after 15s", "connection reset". */
export function shortReason(error: ApiError): string {
	if (error instanceof HopError && error.hop === 'gateway' && error.answerStatus !== null && error.answerStatus >= 400) {
		return `HTTP ${error.answerStatus} from a gateway, not ModelArts`;
	}

	if (error.status !== null && error.status >= 400) {
		return `HTTP ${error.status}${error.body?.errorCode ? ` ${error.body.errorCode}` : ''}`;
	}

	// Messages put advice after " — "; the status line has room only for what happened.
	return error.message.split(' — ')[0] ?? error.message;
}

/** Any failure as an ApiError: an unexpected exception is retried as transient rather than crashing the watch. */
export function asApiError(error: unknown): ApiError {
	if (error instanceof ApiError) {
		return error;
	}

	return new TransientError(error instanceof Error ? `unexpected error: ${error.message}` : 'unexpected error');
}

/** Why polling stopped and what to do, for a permanent error on the events endpoint. */
export function stoppedMessage(error: ApiError): string {
	return `stopped polling: ${error.message}`;
}
