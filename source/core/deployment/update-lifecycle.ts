// Whether the current deployment is an update, so the watch reads the update logs only when
// they can say something. Two signs, either enough: the event that began the lifecycle reads
// as an update (API, console and rollback wordings alike), or the details' update_time moved
// after the watch began (a console that words its events in an unknown way still updates it).
import {headOf} from '../events/classify.js';
import {lifecycleStartIndex} from './progress.js';
import type {ServiceDetails, WatchEvent} from '../types.js';

/** "start to update service", "The service is being updated.", "rolling back", "starts to roll back". */
const UPDATE_WORDING = /\bupdat|roll(?:ing|ed)? ?back/i;

/**
 * True when the current deployment began with an update. `events` ascending, as for
 * computeDeployment; `updateTimeAtStart` is the details' update_time the watch first saw
 * (null when it saw none).
 */
export function deploymentIsUpdate(events: readonly WatchEvent[], details: ServiceDetails | null, updateTimeAtStart: number | null): boolean {
	const start = lifecycleStartIndex(events);
	if (start >= 0 && UPDATE_WORDING.test(headOf(events[start]!.info))) return true;
	const now = details?.update_time;
	return updateTimeAtStart !== null && now !== undefined && now > updateTimeAtStart;
}
