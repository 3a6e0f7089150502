// Event times in the zone the user chose (--utc, --tz, or the machine's), at the precision
// the screen has room for.
import type {TimeZoneSetting} from '../config/types.js';

/** How much of a timestamp to show: `2026-11-27 16:04:40`, `11-27 16:04:40`, or `16:04:40`. */
export type TimePrecision = 'full' | 'day' | 'clock';

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

/** Formats ms since the epoch; an unparsable time shows as `?`. */
export function formatEventTime(ms: number, setting: TimeZoneSetting, precision: TimePrecision): string {
	if (!Number.isFinite(ms)) {
		return '?';
	}

	const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
	for (const part of formatterFor(setting).formatToParts(ms)) {
		parts[part.type] = part.value;
	}

	const clock = `${parts.hour}:${parts.minute}:${parts.second}`;
	if (precision === 'clock') {
		return clock;
	}

	const day = `${parts.month}-${parts.day} ${clock}`;
	return precision === 'day' ? day : `${parts.year}-${day}`;
}

/** The precision that leaves the event text enough room at this width. */
export function precisionFor(width: number): TimePrecision {
	if (width >= 110) {
		return 'full';
	}

	return width >= 70 ? 'day' : 'clock';
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
	return `${formatEventTime(ms, setting, 'full')}.${millis} ${zoneName(setting)}`;
}

/** The zone's name as a person reads it: `UTC`, `Europe/Berlin`, or the machine's zone. */
export function zoneName(setting: TimeZoneSetting): string {
	return zoneOf(setting) ?? formatterFor(setting).resolvedOptions().timeZone;
}
