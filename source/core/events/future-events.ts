// Events dated after the server's own clock (issue 23): a server whose clock or data is wrong
// can date an event days ahead. Such an event is shown and noted, but it never sets an elapsed
// time, a phase's order or a warning: one bad date must not read as "pulling for 2d23h" or
// "past its 20m time-out". The line is drawn on the server's clock (its Date header) when the
// answer carried one, else, more generously, on ours.
import type {WatchEvent} from '../types.js';

/** How far past the server's own clock an event may be dated before it counts as future-dated. */
export const SERVER_CLOCK_TOLERANCE_MS = 60_000;
/** Without the server's clock, how far past ours (the two clocks may disagree by minutes). */
export const CLIENT_CLOCK_TOLERANCE_MS = 5 * 60_000;

/** The latest occur_time an events message (its time and the server's clock) may carry before an event counts as future-dated. */
export function futureCutoff(message: {readonly at: number; readonly serverNow?: number | null}): number {
	const serverNow = message.serverNow ?? null;
	return serverNow === null ? message.at + CLIENT_CLOCK_TOLERANCE_MS : serverNow + SERVER_CLOCK_TOLERANCE_MS;
}

/** The newest occur_time among `events` that is not future-dated (for the clock skew estimate), or null. */
export function newestDatedTime(events: readonly WatchEvent[]): number | null {
	let newest: number | null = null;
	for (const event of events) if (event.future !== true && (newest === null || event.occurTime > newest)) newest = event.occurTime;
	return newest;
}
