import {describe, expect, it} from 'vitest';
import {createTimeFormatter} from '../../source/output/time-format.js';

const at = (iso: string) => Date.parse(iso);

describe('createTimeFormatter', () => {
	it.each([
		['same UTC day shows the time only', {kind: 'utc'} as const, '2026-11-27T14:03:07.900Z', '2026-11-27T20:00:00Z', '14:03:07Z'],
		['another UTC day shows the date', {kind: 'utc'} as const, '2026-11-26T23:59:59Z', '2026-11-27T00:00:01Z', '2026-11-26 23:59:59Z'],
		['a named zone shifts the clock', {kind: 'zone', name: 'Europe/Berlin'} as const, '2026-11-27T14:03:07Z', '2026-11-27T15:00:00Z', '15:03:07'],
		['the day is decided in that zone', {kind: 'zone', name: 'Asia/Shanghai'} as const, '2026-11-27T15:30:00Z', '2026-11-27T15:45:00Z', '23:30:00'],
		['midnight crossing in the zone', {kind: 'zone', name: 'Asia/Shanghai'} as const, '2026-11-27T15:30:00Z', '2026-11-27T16:30:00Z', '2026-11-27 23:30:00'],
	])('%s', (_name, zone, event, now, expected) => {
		expect(createTimeFormatter(zone)(at(event), at(now))).toBe(expected);
	});

	it('local time uses the machine zone and never a Z', () => {
		const text = createTimeFormatter({kind: 'local'})(at('2026-11-27T14:03:07Z'), at('2026-11-27T14:03:08Z'));
		expect(text).toMatch(/^(\d{4}-\d{2}-\d{2} )?\d{2}:\d{2}:\d{2}$/);
	});
});
