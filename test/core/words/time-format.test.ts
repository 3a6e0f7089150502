import {describe, expect, test} from 'vitest';
import {dayOf, formatEventTimeNear} from '../../../source/core/words/time-format.js';

const UTC = {kind: 'utc'} as const;
const NOW = Date.parse('2026-12-07T10:00:00Z');

describe('event times: one rule at every width', () => {
	test.each([
		['today: the time alone', '2026-12-07T09:59:58Z', '09:59:58'],
		['earlier this year: month and day', '2026-12-06T23:59:59Z', '12-06 23:59:59'],
		['an earlier year: the whole date', '2025-12-07T09:59:58Z', '2025-12-07 09:59:58'],
	])('%s', (_, when, text) => {
		expect(formatEventTimeNear(Date.parse(when), UTC, dayOf(NOW, UTC))).toBe(text);
	});

	test('today is the zone\'s today: 23:30 UTC is already tomorrow in Tokyo', () => {
		const tokyo = {kind: 'zone', name: 'Asia/Tokyo'} as const;
		const late = Date.parse('2026-12-07T23:30:00Z');
		expect(formatEventTimeNear(late, tokyo, dayOf(NOW, tokyo))).toBe('12-08 08:30:00');
		expect(formatEventTimeNear(late, tokyo, dayOf(late, tokyo))).toBe('08:30:00');
	});

	test('an unparsable time is a question mark', () => {
		expect(formatEventTimeNear(Number.NaN, UTC, dayOf(NOW, UTC))).toBe('?');
	});
});
