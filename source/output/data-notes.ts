// Server data the watch copes with but a person should know about, each kind said once per
// run (a poll loop repeating the same note every few seconds is noise): what the payload
// validators dropped or found missing, event types the API does not document, exact
// duplicates, events dated in the future. The watch carries on with what was valid. Notes
// go to stderr (after the live view has exited, in a terminal), so stdout never changes.
import {FUTURE_TOLERANCE_MS} from '../api/sync.js';
import {sanitizeForTerminal} from '../model/sanitize.js';
import type {Added} from '../model/store.js';
import type {WatchEvent} from '../model/types.js';

/** The one place that decides whether a note about odd server data is new. */
export interface DataNotes {
	/** What a payload validator reported (`2 events dropped …`); numbers do not make a new kind. */
	problem(text: string): void;
	/** Oddities among the events a batch really added. */
	events(batch: Added, nowMs: number): void;
}

function isoOrRaw(ms: number): string {
	const date = new Date(ms);
	return Number.isNaN(date.getTime()) ? String(ms) : date.toISOString();
}

function unknownTypeNote(event: WatchEvent): string {
	// The type is server text too: it must not reach stderr raw either.
	return `note: the server sent event_type "${sanitizeForTerminal(event.rawType)}", which the API does not document; it is shown as ${event.type}`;
}

function futureNote(event: WatchEvent): string {
	return `note: an event is dated ${isoOrRaw(event.occurTime)}, in the future: the server's clock may be wrong (events are still read in full)`;
}

/** v1 documents normal and abnormal; v2 (events with an id) adds warning. */
function documentedType(event: WatchEvent): boolean {
	return event.rawType === 'normal' || event.rawType === 'abnormal' || (event.id !== null && event.rawType === 'warning');
}

const DUPLICATE_NOTE = 'note: the server sent identical events (same time, type and text); each is shown as sent';

export function createDataNotes(write: (line: string) => void): DataNotes {
	const said = new Set<string>();
	const once = (kind: string, line: () => string) => {
		if (said.has(kind)) return;
		said.add(kind);
		write(line());
	};

	return {
		problem(text) {
			once(`problem:${text.replace(/\d+/g, 'N')}`, () => `modelarts-watch: the server's answer does not fit the ModelArts API (${text}); carrying on with the rest`);
		},
		events({added, repeats}, nowMs) {
			for (const event of added) {
				if (!documentedType(event)) once('unknown-type', () => unknownTypeNote(event));
				if (event.occurTime > nowMs + FUTURE_TOLERANCE_MS) once('future', () => futureNote(event));
			}

			if (repeats > 0) once('duplicate', () => DUPLICATE_NOTE);
		},
	};
}
