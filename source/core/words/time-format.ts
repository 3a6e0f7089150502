// Event times in the zone the user chose (--utc, --tz, or the machine's): in full, or with
// as much of the date as it takes to tell the day.
import type {TimeZoneSetting} from '../../config/types.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

function zoneOf(setting: TimeZoneSetting): string | undefined {
	switch (setting.kind) {
		case 'local': {
			return undefined;
		}

		case 'utc': {
			return 'UTC';
		}

		case 'zone': {
			return setting.name;
		}
	}
}

// Intl formatters are costly to build; one per zone serves every row.
function formatterFor(setting: TimeZoneSetting): Intl.DateTimeFormat {
	const zone = zoneOf(setting);
	const cacheKey = zone ?? '';
	let formatter = formatters.get(cacheKey);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat('en-CA', {
			timeZone: zone,
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
			hourCycle: 'h23',
		});
		formatters.set(cacheKey, formatter);
	}

	return formatter;
}

/** `2026-11-27 16:04:40`: ms since the epoch in the zone; an unparsable time shows as `?`. */
export function formatEventTime(ms: number, setting: TimeZoneSetting): string {
	if (!Number.isFinite(ms)) {
		return '?';
	}

	const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
	for (const part of formatterFor(setting).formatToParts(ms)) {
		parts[part.type] = part.value;
	}

	return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** `2026-12-07`: the day `ms` falls on in the zone, to tell today's events from older ones. */
export function dayOf(ms: number, setting: TimeZoneSetting): string {
	return formatEventTime(ms, setting).slice(0, 10);
}

/**
 * An event time by one rule at every width: `16:04:40` on `today` (a dayOf), `11-27 16:04:40`
 * earlier this year, `2025-11-27 16:04:40` in an earlier year.
 */
export function formatEventTimeNear(ms: number, setting: TimeZoneSetting, today: string): string {
	const full = formatEventTime(ms, setting);
	if (!Number.isFinite(ms)) return full;
	if (full.startsWith(today)) return full.slice(11);
	return full.startsWith(today.slice(0, 5)) ? full.slice(5) : full;
}

/** `12s ago`, `3m ago`, `5h ago`, `2d ago`: the age of `ms` at `now` (both on the server's clock). */
export function formatAge(ms: number, now: number): string {
	if (!Number.isFinite(ms)) {
		return '?';
	}

	const seconds = Math.max(0, Math.floor((now - ms) / 1000));
	if (seconds < 60) {
		return `${seconds}s ago`;
	}

	const minutes = Math.floor(seconds / 60);
	if (minutes < 60) {
		return `${minutes}m ago`;
	}

	const hours = Math.floor(minutes / 60);
	return hours < 48 ? `${hours}h ago` : `${Math.floor(hours / 24)}d ago`;
}

/** `2026-11-27 16:04:40.123 UTC`: a timestamp to the millisecond, with the zone's name. */
export function formatExactTime(ms: number, setting: TimeZoneSetting): string {
	if (!Number.isFinite(ms)) {
		return '?';
	}

	const millis = String(((ms % 1000) + 1000) % 1000).padStart(3, '0');
	return `${formatEventTime(ms, setting)}.${millis} ${zoneName(setting)}`;
}

/** The zone's name as a person reads it: `UTC`, `Europe/Berlin`, or the machine's zone. */
export function zoneName(setting: TimeZoneSetting): string {
	return zoneOf(setting) ?? formatterFor(setting).resolvedOptions().timeZone;
}
