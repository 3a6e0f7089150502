import {ApiError} from '../../source/api/errors.js';

/** The ApiError `promise` rejects with; any other outcome fails the test. */
export async function apiFailure(promise: Promise<unknown>): Promise<ApiError> {
	try {
		await promise;
	} catch (error) {
		if (error instanceof ApiError) return error;
		throw error;
	}

	throw new Error('expected a rejection');
}
