// Strict parsing of list-endpoint query values: ModelArts rejects malformed values with a
// 400 rather than guessing, and clients must be tested against that.
import type {SimResponse} from './http-util.js';
import {invalidParameter} from './http-util.js';

/** The largest `limit` the simulator accepts on list endpoints (the documented default). */
export const MAX_LIMIT = 1000;

/** Thrown by the parsers; carries the 400 response to send. */
export class QueryError extends Error {
	constructor(readonly response: SimResponse) {
		super(response.body);
	}
}

/** A non-negative integer made of digits only, from `min` to `max`. */
export function integerParam(params: URLSearchParams, name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
	const raw = params.get(name);
	if (raw === null) return fallback;
	const value = /^\d{1,16}$/.test(raw) ? Number(raw) : Number.NaN;
	if (!Number.isSafeInteger(value) || value < min || value > max) {
		throw new QueryError(invalidParameter(name, raw, `an integer from ${min} to ${max}`));
	}
	return value;
}

/** A value from a fixed set; `fallback` when absent. */
export function enumParam<T extends string, F extends T | undefined>(params: URLSearchParams, name: string, allowed: readonly T[], fallback: F): T | F {
	const raw = params.get(name);
	if (raw === null) return fallback;
	if (!(allowed as readonly string[]).includes(raw)) {
		throw new QueryError(invalidParameter(name, raw, `one of ${allowed.join(', ')}`));
	}
	return raw as T;
}

/** The slice of `items` one page covers, under either reading of `offset` (modelarts-api.md §6). */
export function pageOf<T>(items: readonly T[], offset: number, limit: number, mode: 'page' | 'record'): T[] {
	const start = mode === 'page' ? offset * limit : offset;
	return items.slice(start, start + limit);
}
