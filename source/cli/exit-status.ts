import {ApiError} from '../api/errors.js';
import {ConfigError, CredentialError} from '../config/errors.js';
import type {Outcome} from '../model/types.js';
import {EXIT} from './exit-codes.js';

/**
 * The exit code for an error that ended the run. A 400 means the request we were asked to
 * make is wrong (a malformed service id, an endpoint that redirects): a usage problem.
 */
export function exitCodeForError(error: unknown): number {
	if (error instanceof ConfigError) return EXIT.usage;
	if (error instanceof CredentialError) return EXIT.auth;
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
	return error instanceof ConfigError || error instanceof CredentialError || error instanceof ApiError;
}

/**
 * The exit code once the watch ended by itself (terminal state, --once). Without
 * --exit-status a watch that ran to its end succeeded as a watch: 0.
 */
export function exitCodeForOutcome(outcome: Outcome, exitStatus: boolean): number {
	if (!exitStatus) return EXIT.ok;
	switch (outcome) {
		case 'succeeded':
			return EXIT.ok;
		case 'in_progress':
			return EXIT.inProgress;
		default:
			return EXIT.failed;
	}
}

const SIGNAL_EXIT: Readonly<Record<string, number>> = {SIGINT: EXIT.interrupted, SIGHUP: 129, SIGTERM: 143};

/** 130 for Ctrl+C; 128 + the signal number for the others, as shells report them. */
export function exitCodeForSignal(signal: NodeJS.Signals): number {
	return SIGNAL_EXIT[signal] ?? EXIT.interrupted;
}
