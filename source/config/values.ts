// Pure parsers for flag values. Each throws ConfigError naming the flag and what is accepted.
import {DEFAULT_DEPLOY_TIMEOUT_MS, DEFAULT_SLOW_THRESHOLDS, DEPLOY_TIMEOUT_RANGE_MS, PHASE_KEYS, phaseOfKey} from '../core/diagnosis/thresholds.js';
import type {SlowThresholds} from '../core/diagnosis/thresholds.js';
import {PHASE_IDS} from '../core/types.js';
import type {PhaseId} from '../core/types.js';
import {ConfigError} from './errors.js';

/** 32 MiB (--max-response-size): a page of events is a few hundred kB; a very long history can raise it. */
export const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

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

const SLOW_AFTER_HELP = `use PHASE=DURATION pairs separated by commas, phases ${Object.values(PHASE_KEYS).join(', ')} (e.g. pull=15m,start=12m), or one duration for every phase`;

function slowAfterError(text: string, why: string): ConfigError {
	return new ConfigError(`--slow-after ${JSON.stringify(text)} is not valid: ${why}; ${SLOW_AFTER_HELP}.`);
}

function slowAfterDuration(text: string, value: string): number {
	const ms = parseDuration(value);
	if (ms === null || ms <= 0) throw slowAfterError(text, `${JSON.stringify(value.trim())} is not a duration`);
	return Math.round(ms);
}

/** --slow-after: `pull=15m,start=12m` over the defaults, or one duration (`20m`) for every phase. */
export function parseSlowAfter(text: string | undefined): SlowThresholds {
	if (text === undefined) return DEFAULT_SLOW_THRESHOLDS;
	const thresholds: Record<PhaseId, number> = {...DEFAULT_SLOW_THRESHOLDS};
	const entries = text.split(',');
	if (entries.length === 1 && !text.includes('=')) {
		const ms = slowAfterDuration(text, text);
		for (const phase of PHASE_IDS) thresholds[phase] = ms;
		return thresholds;
	}

	for (const entry of entries) {
		const [key = '', ...value] = entry.split('=');
		const phase = phaseOfKey(key);
		if (phase === null) throw slowAfterError(text, `${JSON.stringify(key.trim())} is not a phase`);
		thresholds[phase] = slowAfterDuration(text, value.join('='));
	}

	return thresholds;
}

const minutes = (ms: number) => `${ms / 60_000}m`;

/** --deploy-timeout: the service's deployment timeout, within the range ModelArts accepts. */
export function parseDeployTimeout(text: string | undefined): number {
	if (text === undefined) return DEFAULT_DEPLOY_TIMEOUT_MS;
	const ms = parseDuration(text);
	const {min, max} = DEPLOY_TIMEOUT_RANGE_MS;
	if (ms === null || ms < min || ms > max) {
		throw new ConfigError(`--deploy-timeout ${JSON.stringify(text)} is not valid: use a duration from ${minutes(min)} to ${minutes(max)}, as ModelArts allows (default ${minutes(DEFAULT_DEPLOY_TIMEOUT_MS)}).`);
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
