import {describe, expect, it} from 'vitest';
import {toWatchEvent} from '../../source/model/events.js';
import {createEventDiagnostics} from '../../source/output/diagnostics.js';
import {T0} from './fixtures.js';

let seq = 0;
const event = (event_info: string, occur_time: number, event_type = 'normal') => toWatchEvent({event_type, event_info, occur_time}, seq++, 0);

describe('createEventDiagnostics', () => {
	it.each([
		['an undocumented event_type', [event('x', T0, 'Fatal\u001B[2J')], /event_type "Fatal␛\[2J".*shown as abnormal/],
		['identical events', [event('same', T0), event('same', T0)], /identical events/],
		['an event dated beyond the clock skew tolerance', [event('later', T0 + 6 * 60_000)], /dated 2026-11-27T10:06:00\.000Z, in the future/],
	])('notes %s', (_name, events, note) => {
		const notes = createEventDiagnostics().notes(events, T0);
		expect(notes).toHaveLength(1);
		expect(notes[0]).toMatch(note);
	});

	it('says nothing about ordinary events, a clock a little ahead, or same-ms events with different texts', () => {
		expect(createEventDiagnostics().notes([event('a', T0), event('b', T0), event('c', T0 + 60_000, 'abnormal')], T0)).toEqual([]);
	});

	it('says each kind once per run, however many polls bring it again', () => {
		const diagnostics = createEventDiagnostics();
		expect(diagnostics.notes([event('x', T0, 'info')], T0)).toHaveLength(1);
		expect(diagnostics.notes([event('y', T0 + 1, 'info'), event('z', T0 + 2, 'debug')], T0)).toEqual([]);
	});
});
