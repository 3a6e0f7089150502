import {ApiError} from '../../source/api/errors.js';
import type {EventSync} from '../../source/api/sync.js';
import type {ApiEvent} from '../../source/model/types.js';

/** Polls until a poll succeeds, as the watcher would: the sync itself never retries. */
export async function pollThrough(sync: EventSync, attempts = 50): Promise<ApiEvent[]> {
	for (let attempt = 0; attempt < attempts; attempt++) {
		try {
			return await sync.poll();
		} catch (error) {
			if (!(error instanceof ApiError && error.retryable)) throw error;
		}
	}

	throw new Error('poll never succeeded');
}
