// Tolerant readers for JSON fields: servers in the wild send numbers as strings, nulls for
// absent values, and occasionally garbage. Each reader returns undefined when the value
// cannot be used, and the validators count what they had to drop.
import {counted} from '../words/plural.js';

/** The range a JavaScript Date can represent; later or earlier times are garbage. */
const MAX_TIME = 8.64e15;

export type JsonObject = Readonly<Record<string, unknown>>;

export function isObject(value: unknown): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A finite number, or a string holding one ("1562597251764"). */
export function readNumber(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const parsed = Number(value);
	return Number.isFinite(parsed) ? parsed : undefined;
}

/** Milliseconds since the epoch: a number, a numeric string, or an ISO 8601 string. */
export function readTime(value: unknown): number | undefined {
	let time = readNumber(value);
	if (time === undefined && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) {
		const parsed = Date.parse(value);
		time = Number.isNaN(parsed) ? undefined : parsed;
	}
	if (time === undefined || Math.abs(time) > MAX_TIME) return undefined;
	return Math.trunc(time);
}

export function readString(value: unknown): string | undefined {
	return typeof value === 'string' ? value : undefined;
}

/** A count such as total_count: a non-negative integer. */
export function readCount(value: unknown): number | undefined {
	const count = readNumber(value);
	return count !== undefined && count >= 0 && Number.isInteger(count) ? count : undefined;
}

/** An amount such as used CPU cores or memory: a non-negative number. */
export function readAmount(value: unknown): number | undefined {
	const amount = readNumber(value);
	return amount !== undefined && amount >= 0 ? amount : undefined;
}

/** Counts one more occurrence of `key`: why something was dropped, or which field was unusable. */
export function bump(reasons: Map<string, number>, key: string): void {
	reasons.set(key, (reasons.get(key) ?? 0) + 1);
}

/** Copies the optional fields that have a usable value; absent or unusable ones are left out. */
export function pickOptional<T>(
	source: JsonObject,
	readers: Readonly<Record<string, (value: unknown) => unknown>>,
): Partial<T> {
	const picked: Record<string, unknown> = {};
	for (const [field, read] of Object.entries(readers)) {
		const value = read(source[field]);
		if (value !== undefined) picked[field] = value;
	}
	return picked as Partial<T>;
}

/**
 * pickOptional that also counts, per field, the values that were sent but unusable (null
 * counts as not sent), so a validator can say what it ignored.
 */
export function pickCounting<T>(
	source: JsonObject,
	readers: Readonly<Record<string, (value: unknown) => unknown>>,
	unusable: Map<string, number>,
): Partial<T> {
	const picked = pickOptional<T>(source, readers);
	for (const field of Object.keys(readers)) {
		const sent = source[field] !== undefined && source[field] !== null;
		if (sent && !(field in picked)) bump(unusable, field);
	}
	return picked;
}

/** `what` is singular: "1 event dropped (…)", "3 events dropped (occur_time: 2, event_info: 1)", the way problems are reported. */
export function describeDrops(what: string, reasons: ReadonlyMap<string, number>): string[] {
	let total = 0;
	for (const count of reasons.values()) total += count;
	if (total === 0) return [];
	const detail = [...reasons].map(([field, count]) => `${field}: ${count}`).join(', ');
	return [`${counted(total, what)} dropped (invalid ${detail})`];
}
