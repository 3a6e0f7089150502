// Server data the watch copes with but a person should know about, each kind said once per
// run (a poll loop repeating the same note every few seconds is noise): what the payload
// validators dropped or found missing, and the oddities among the events (data-oddities.ts:
// undocumented types, duplicates, future dates). The watch carries on with what was valid.
// Notes go to stderr (after the live view has exited, in a terminal), so stdout never changes.
import {dataOddities, type Oddity} from '../core/events/data-oddities.js';
import type {Added} from '../core/events/store.js';

/** The one place that decides whether a note about odd server data is new. */
export interface DataNotes {
	/** What a payload validator reported (`2 events dropped …`); numbers do not make a new kind. */
	problem(text: string): void;
	/** Oddities among the events a batch really added (future-dated ones as the store marked them). */
	events(batch: Added): void;
	/** An oddity the live view found in its own batch (it keeps the events; this keeps the words). */
	oddity(oddity: Oddity): void;
}

export function createDataNotes(write: (line: string) => void): DataNotes {
	const said = new Set<string>();
	const once = (kind: string, line: () => string) => {
		if (said.has(kind)) return;
		said.add(kind);
		write(line());
	};

	const oddity = (found: Oddity) => once(found.kind, () => found.note);
	return {
		problem(text) {
			once(`problem:${text.replace(/\d+/g, 'N')}`, () => `modelarts-watch: the server's answer does not fit the ModelArts API (${text}); carrying on with the rest`);
		},
		events(batch) {
			for (const found of dataOddities(batch)) oddity(found);
		},
		oddity,
	};
}
