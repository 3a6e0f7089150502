import type {TimeZoneSetting} from '../config/types.js';

/** Formats an event time for a log line: `14:03:07`, or `2026-11-26 14:03:07` on another day. */
export type TimeFormatter = (ms: number, nowMs: number) => string;

function zoneOption(setting: TimeZoneSetting): string | undefined {
	if (setting.kind === 'utc') return 'UTC';
	if (setting.kind === 'zone') return setting.name;
	return undefined;
}

/**
 * Builds the formatter once per run: Intl formatters are costly to create and cheap to use.
 * UTC times carry a `Z` so a log read later is never ambiguous.
 */
export function createTimeFormatter(setting: TimeZoneSetting): TimeFormatter {
	const format = new Intl.DateTimeFormat('en-GB', {
		timeZone: zoneOption(setting),
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
		hourCycle: 'h23',
	});
	const suffix = setting.kind === 'utc' ? 'Z' : '';
	const parts = (ms: number) => {
		const byType = new Map(format.formatToParts(ms).map(part => [part.type, part.value]));
		return {
			date: `${byType.get('year')}-${byType.get('month')}-${byType.get('day')}`,
			time: `${byType.get('hour')}:${byType.get('minute')}:${byType.get('second')}${suffix}`,
		};
	};

	return (ms, nowMs) => {
		const when = parts(ms);
		return when.date === parts(nowMs).date ? when.time : `${when.date} ${when.time}`;
	};
}
