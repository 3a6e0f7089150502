// Pure parsers for flag values. Each throws ConfigError naming the flag and what is accepted.
import {DEFAULT_MAX_RESPONSE_BYTES} from '../api/capped-body.js';
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

const SIZE_UNITS: Readonly<Record<string, number>> = {
	'': 1,
	b: 1,
	k: 1024,
	kib: 1024,
	kb: 1000,
	m: 1024 ** 2,
	mib: 1024 ** 2,
	mb: 1000 ** 2,
	g: 1024 ** 3,
	gib: 1024 ** 3,
	gb: 1000 ** 3,
};
// Below 1 MiB a normal page of events may not fit; above 256 MiB the text of one answer
// nears what a JavaScript string can hold, and the memory it takes is no longer small.
const MIN_RESPONSE_SIZE = 1024 ** 2;
const MAX_RESPONSE_SIZE = 256 * 1024 ** 2;

/** --max-response-size: `64MiB`, `100MB`, `512k`, `1g` or bytes; KiB/MiB/GiB and bare k/m/g are binary, KB/MB/GB decimal. */
export function parseResponseSize(text: string | undefined): number {
	if (text === undefined) {
		return DEFAULT_MAX_RESPONSE_BYTES;
	}

	const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim());
	const unit = match ? SIZE_UNITS[match[2]!.toLowerCase()] : undefined;
	const bytes = match && unit !== undefined ? Math.round(Number(match[1]) * unit) : Number.NaN;
	if (!(bytes >= MIN_RESPONSE_SIZE && bytes <= MAX_RESPONSE_SIZE)) {
		throw new ConfigError(`--max-response-size ${JSON.stringify(text)} is not valid: use a size from 1MiB to 256MiB, e.g. 64MiB (default 32MiB).`);
	}

	return bytes;
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
