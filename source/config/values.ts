// Pure parsers for flag values. Each throws ConfigError naming the flag and what is accepted.
import {ConfigError} from './errors.js';

const UNIT_MS: Readonly<Record<string, number>> = {ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000};

/** `90s`, `20m`, `1h30m`, `1.5h`, `500ms`, or a plain number of seconds → milliseconds; null if not a duration. */
export function parseDuration(text: string): number | null {
	const trimmed = text.trim().toLowerCase();
	if (/^\d+(\.\d+)?$/.test(trimmed)) {
		return Number(trimmed) * 1000;
	}

	if (!/^(\d+(\.\d+)?(ms|s|m|h|d))+$/.test(trimmed)) {
		return null;
	}

	let total = 0;
	for (const [, amount, unit] of trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)) {
		total += Number(amount) * UNIT_MS[unit!]!;
	}

	return total;
}

/** The default cap on requests per second when several services are watched. */
export const DEFAULT_MAX_RATE = 5;

/** --max-rate: requests per second, more than 0 (fractions allowed: 0.5 is one every 2 s). */
export function parseMaxRate(text: string | undefined): number {
	if (text === undefined) return DEFAULT_MAX_RATE;
	const rate = /^\d+(\.\d+)?$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
	if (!(rate > 0)) {
		throw new ConfigError(`--max-rate ${JSON.stringify(text)} is not valid: use requests per second, more than 0 (e.g. 5, 2, 0.5).`);
	}

	return rate;
}

const ID_PATTERN = /^[\w-]{1,64}$/;

/** A service or project id: letters, digits, - and _ (it goes into URLs); null when absent. */
export function checkedId(origin: string, value: string | undefined): string | null {
	if (value === undefined) {
		return null;
	}

	if (!ID_PATTERN.test(value)) {
		throw new ConfigError(`${origin} ${JSON.stringify(value)} is not valid: use letters, digits, - and _ only.`);
	}

	return value;
}

/** --interval: seconds (or a duration), at least 1 s. */
export function parseInterval(text: string | undefined): number {
	if (text === undefined) {
		return 3000;
	}

	const ms = parseDuration(text);
	if (ms === null || ms < 1000) {
		throw new ConfigError(`--interval ${JSON.stringify(text)} is not valid: use a number of seconds, at least 1 (e.g. 3, 10, 1m).`);
	}

	return Math.round(ms);
}

/** --timeout: a positive duration; null when absent. */
export function parseTimeout(text: string | undefined): number | null {
	if (text === undefined) {
		return null;
	}

	const ms = parseDuration(text);
	if (ms === null || ms <= 0) {
		throw new ConfigError(`--timeout ${JSON.stringify(text)} is not valid: use a duration like 90s, 20m, 1h30m, or seconds.`);
	}

	return Math.round(ms);
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** --since/--until: an ISO time, or a duration meaning "that long before now"; ms since epoch. */
export function parseTimePoint(flag: string, text: string | undefined, now: number): number | null {
	if (text === undefined) {
		return null;
	}

	const ago = parseDuration(text);
	if (ago !== null && !/^\d+$/.test(text.trim())) {
		return now - ago;
	}

	const time = ISO_TIME.test(text.trim()) ? Date.parse(text.trim()) : Number.NaN;
	if (Number.isNaN(time)) {
		throw new ConfigError(
			`--${flag} ${JSON.stringify(text)} is not valid: use an ISO time (2024-05-01T12:00:00Z, 2024-05-01 12:00) or a duration ago (2h, 30m, 1d).`,
		);
	}

	return time;
}

/** A time zone Intl knows (IANA name such as Europe/Berlin). */
export function isValidTimeZone(name: string): boolean {
	try {
		new Intl.DateTimeFormat('en-US', {timeZone: name});
		return true;
	} catch {
		return false;
	}
}
