// When an auto-stopping service stops by itself (the details' due_time, modelarts-api.md §9).
// The header shows it to the minute: a deadline an hour away does not need seconds, and a
// line that changes once a minute costs a slow link almost nothing.
import {formatMinutes} from './elapsed.js';

/**
 * `auto-stop in 58m`, `auto-stop in 2h05m`, `auto-stop in <1m`, or `auto-stop due` once the
 * time has passed (the status will say when it stopped). Null without a usable due_time.
 * `now` is on the server's clock (client time plus the estimated skew), like due_time.
 * Rounds down: the line never promises more time than is left.
 */
export function autoStopText(dueTime: number | null | undefined, now: number): string | null {
	if (typeof dueTime !== 'number' || !Number.isFinite(dueTime) || dueTime <= 0 || !Number.isFinite(now)) return null;
	const left = dueTime - now;
	return left <= 0 ? 'auto-stop due' : `auto-stop in ${formatMinutes(left)}`;
}
