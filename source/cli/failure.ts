import {describeAuthFailure} from '../api/auth/describe.js';
import type {Authenticator} from '../api/http/authenticator.js';
import {ApiError} from '../api/errors.js';
import type {WatchFailure} from '../core/ending/watch-end.js';
import {exitCodeForError, isExpectedError} from './exit-status.js';

/**
 * The one line a run ends with when it fails. A rejected credential names its source and
 * what to do; other typed errors already say what to do; anything else is a bug, so it
 * says so and points at --debug.
 */
export function describeFailure(error: unknown, auth: Authenticator | null): string {
	return `modelarts-watch: ${failureReason(error, auth)}`;
}

/** The failure without the program's name. */
function failureReason(error: unknown, auth: Authenticator | null): string {
	if (auth && error instanceof ApiError && (error.kind === 'auth' || error.kind === 'forbidden')) return describeAuthFailure(auth, error);
	const message = error instanceof Error ? error.message : String(error);
	return isExpectedError(error) ? message : `unexpected error: ${message} (rerun with --debug for details)`;
}

/** A permanent error as the watch-end rule takes it: its closing line, its reason and its exit code. */
export function failureOf(error: unknown, auth: Authenticator | null): WatchFailure {
	const reason = failureReason(error, auth);
	return {exitCode: exitCodeForError(error), message: `modelarts-watch: ${reason}`, reason};
}
