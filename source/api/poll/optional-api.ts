// The monitor and update logs APIs are a bonus: some regions, edge services and IAM policies
// do not offer them. Their absence is an answer to remember (and say once), not an error
// that should stop or slow the watch.
import {ApiError} from '../errors.js';
import {shortReason} from './watch-status.js';

/** What a bonus API gave: its answer, or why it is not there ("HTTP 403 ModelArts.0210"). */
export type Availability<T> = {readonly kind: 'available'; readonly value: T} | {readonly kind: 'absent'; readonly reason: string};

/**
 * 403 (not allowed), 404 (not offered here) and other 4xx (e.g. an edge service that needs a
 * node) will not change by asking again. Credentials (401), throttling and transient faults
 * are not absences: they concern every request, and the caller handles them as it does
 * for the events.
 */
function isAbsence(error: ApiError): boolean {
	return error.kind === 'forbidden' || error.kind === 'not_found' || error.kind === 'bad_request';
}

/**
 * Resolves with the answer, or with `absent` when the API is not offered; rejects with any
 * other ApiError, or the caller's abort reason.
 */
export async function availability<T>(request: Promise<T>): Promise<Availability<T>> {
	try {
		return {kind: 'available', value: await request};
	} catch (error) {
		// An abort reason is not an ApiError, so it is rethrown as it came.
		if (!(error instanceof ApiError) || !isAbsence(error)) throw error;
		return {kind: 'absent', reason: shortReason(error)};
	}
}
