import {ApiError} from '../api/errors.js';
import {ConfigError, CredentialError} from '../config/errors.js';
import {EXIT} from '../core/ending/exit-codes.js';
import {ServiceWaitTimeout} from './wait-for-service.js';

/**
 * The exit code for an error that ended the run. A 400 means the request we were asked to
 * make is wrong (a malformed service id, an endpoint that redirects): a usage problem.
 */
export function exitCodeForError(error: unknown): number {
	if (error instanceof ConfigError) return EXIT.usage;
	if (error instanceof CredentialError) return EXIT.auth;
	if (error instanceof ServiceWaitTimeout) return EXIT.timeout;
	if (error instanceof ApiError) {
		switch (error.kind) {
			case 'auth':
			case 'forbidden':
				return EXIT.auth;
			case 'not_found':
				return EXIT.notFound;
			case 'bad_request':
				return EXIT.usage;
			default:
				return EXIT.failed;
		}
	}

	return EXIT.failed;
}

/** True for errors the user can fix from the message alone: no "unexpected" wording, no stack. */
export function isExpectedError(error: unknown): boolean {
	return error instanceof ConfigError || error instanceof CredentialError || error instanceof ApiError || error instanceof ServiceWaitTimeout;
}
