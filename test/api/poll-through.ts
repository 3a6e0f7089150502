import {ApiError} from '../../source/api/errors.js';
import type {EventSync} from '../../source/api/poll/sync.js';
import type {ApiEvent} from '../../source/core/types.js';

/**
 * Polls until a poll succeeds, as the watcher would: the sync itself never retries. `paged`
 * takes events page by page as the watcher does (pages handed over by a poll that then
 * failed count too: they were delivered).
 */
export async function pollThrough(sync: EventSync, paged = false, attempts = 50): Promise<ApiEvent[]> {
	const pages: ApiEvent[] = [];
	const onPage = paged ? async (events: ApiEvent[]) => void pages.push(...events) : undefined;
	for (let attempt = 0; attempt < attempts; attempt++) {
		try {
			const rest = await sync.poll(undefined, onPage);
			return [...pages, ...rest];
		} catch (error) {
			if (!(error instanceof ApiError && error.retryable)) throw error;
		}
	}

	throw new Error('poll never succeeded');
}
