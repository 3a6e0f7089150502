import {describe, expect, it} from 'vitest';
import {backoffDelay, DEFAULT_BACKOFF, parseRetryAfter, quietDelay, retryDelay} from '../../../source/api/poll/backoff.js';
import {ThrottledError, TransientError} from '../../../source/api/errors.js';

const always = (value: number) => () => value;

describe('backoffDelay (full jitter)', () => {
	it.each([
		// attempt, random, expected ms
		[1, 0.999_999, 999],
		[2, 0.999_999, 1999],
		[3, 0.5, 2000],
		[4, 0.999_999, 7999],
		[7, 0.999_999, 59_999],
		[30, 0.999_999, 59_999],
		[1, 0, 500],
		[5, 0, 500],
	])('attempt %i with random %f waits %i ms', (attempt, random, expected) => {
		expect(backoffDelay(attempt, always(random))).toBe(expected);
	});

	it('never exceeds the cap nor goes below the floor', () => {
		for (let attempt = 1; attempt < 40; attempt++) {
			for (const random of [0, 0.3, 0.999]) {
				const delay = backoffDelay(attempt, always(random));
				expect(delay).toBeGreaterThanOrEqual(DEFAULT_BACKOFF.minMs);
				expect(delay).toBeLessThanOrEqual(DEFAULT_BACKOFF.capMs);
			}
		}
	});
});

describe('retryDelay', () => {
	it('waits at least as long as Retry-After says', () => {
		const throttled = new ThrottledError('HTTP 429', 429, null, 5000);
		expect(retryDelay(throttled, 1, always(0))).toBe(5000);
		expect(retryDelay(throttled, 5, always(0.999_999))).toBe(15_999);
	});

	it('uses plain back-off without Retry-After', () => {
		expect(retryDelay(new ThrottledError('HTTP 429', 429, null, null), 2, always(0.5))).toBe(1000);
		expect(retryDelay(new TransientError('HTTP 503', 503), 2, always(0.5))).toBe(1000);
	});
});

describe('parseRetryAfter', () => {
	const now = Date.parse('2026-01-01T00:00:00Z');
	it.each([
		['3', 3000],
		['2.5', 2500],
		[' 0 ', 0],
		['Thu, 01 Jan 2026 00:00:10 GMT', 10_000],
		['Wed, 31 Dec 2025 23:59:00 GMT', 0],
		['soon', null],
		['', null],
		[null, null],
		['-1', null],
	])('reads %j as %j ms', (value, expected) => {
		expect(parseRetryAfter(value, now)).toBe(expected);
	});
});

describe('quietDelay', () => {
	it.each([
		// interval, quiet cycles, expected
		[2000, 0, 2000],
		[2000, 1, 3000],
		[2000, 4, 6000],
		[2000, 8, 10_000],
		[2000, 100, 10_000],
		[10_000, 100, 30_000],
		[60_000, 100, 60_000],
	])('interval %i after %i quiet polls waits %i ms', (interval, quiet, expected) => {
		expect(quietDelay(interval, quiet)).toBe(expected);
	});
});
