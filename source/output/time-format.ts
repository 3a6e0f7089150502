import type {TimeZoneSetting} from '../config/types.js';
import {dayOf, formatEventTime} from '../core/words/time-format.js';

/** Formats an event time for a log line: `14:03:07`, or `2026-11-26 14:03:07` on another day. */
export type TimeFormatter = (ms: number, nowMs: number) => string;

/**
 * Log lines carry the date only when it is not today (in the chosen zone), and UTC times a
 * `Z`, so a log read later is never ambiguous.
 */
export function createTimeFormatter(setting: TimeZoneSetting): TimeFormatter {
	const suffix = setting.kind === 'utc' ? 'Z' : '';
	return (ms, nowMs) => {
		const when = formatEventTime(ms, setting);
		const today = dayOf(nowMs, setting);
		return (when.startsWith(today) ? when.slice(11) : when) + suffix;
	};
}
