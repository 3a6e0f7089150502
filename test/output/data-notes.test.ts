import {describe, expect, it} from 'vitest';
import {addEvents, emptyStore} from '../../source/core/events/store.js';
import type {ApiEvent} from '../../source/core/types.js';
import {createDataNotes} from '../../source/output/data-notes.js';
import {futureCutoff} from '../../source/core/events/future-events.js';
import {T0} from './fixtures.js';

const event = (event_info: string, occur_time: number, event_type = 'normal'): ApiEvent => ({event_type, event_info, occur_time});

/** The notes written for these batches, added one after the other to one store. */
function notesFor(...batches: ApiEvent[][]): string[] {
	const lines: string[] = [];
	const notes = createDataNotes(line => lines.push(line));
	let store = emptyStore();
	for (const batch of batches) {
		// The server's Date header says T0: an event more than a minute later is future-dated
		const added = addEvents(store, batch, futureCutoff({at: T0, serverNow: T0}));
		store = added.store;
		notes.events(added);
	}

	return lines;
}

describe('createDataNotes', () => {
	it.each([
		['an undocumented event_type', [[event('x', T0, 'Fatal\u001B[2J')]], /event_type "Fatal␛\[2J".*shown as abnormal/],
		['identical events in one batch', [[event('same', T0), event('same', T0)]], /identical events/],
		['an event repeating one from an earlier poll', [[event('same', T0)], [event('same', T0)]], /identical events/],
		['an event dated more than a minute after the server\'s clock', [[event('later', T0 + 61_000)]], /dated 2026-11-27T10:01:01\.000Z, in the future by the server's own clock/],
	])('notes %s', (_name, batches, note) => {
		const lines = notesFor(...batches);
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(note);
	});

	it('says nothing about ordinary events, a clock a little ahead, or same-ms events with different texts', () => {
		expect(notesFor([event('a', T0), event('b', T0), event('c', T0 + 60_000, 'abnormal')])).toEqual([]);
	});

	it('says each kind once per run, however many polls bring it again', () => {
		expect(notesFor([event('x', T0, 'info')], [event('y', T0 + 1, 'info'), event('z', T0 + 2, 'debug')])).toHaveLength(1);
	});

	it('says a validator problem once, whatever its numbers, and a different problem again', () => {
		const lines: string[] = [];
		const notes = createDataNotes(line => lines.push(line));
		notes.problem('events: 2 events dropped (no usable occur_time)');
		notes.problem('events: 7 events dropped (no usable occur_time)');
		notes.problem('events: no usable total_count');
		expect(lines).toHaveLength(2);
		expect(lines[0]).toMatch(/does not fit the ModelArts API \(events: 2 events dropped/);
	});
});
