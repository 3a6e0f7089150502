// Odd server data among the events a batch added, in words: event types the API does not
// document, events dated in the future, exact duplicates. The watch carries on with them; a
// person should know. One wording for every output: the plain and NDJSON logs write the note
// to stderr at once, the live view shows the brief form in its status line and the note after
// it exits (each kind once per run).
import {sanitizeForTerminal} from './sanitize.js';
import type {Added} from './store.js';
import type {WatchEvent} from '../types.js';

export type OddityKind = 'unknown-type' | 'future' | 'duplicate';

/** One kind of odd data, first seen in this batch. */
export interface Oddity {
	readonly kind: OddityKind;
	/** The whole note, for stderr (`note: …`). Sanitised. */
	readonly note: string;
	/** A few words for the live view's status line. */
	readonly brief: string;
}

function isoOrRaw(ms: number): string {
	const date = new Date(ms);
	return Number.isNaN(date.getTime()) ? String(ms) : date.toISOString();
}

function unknownType(event: WatchEvent): Oddity {
	// The type is server text too: it must not reach a terminal raw either.
	const type = sanitizeForTerminal(event.rawType);
	return {
		kind: 'unknown-type',
		note: `note: the server sent event_type "${type}", which the API does not document; it is shown as ${event.type}`,
		brief: `undocumented event type "${type}" shown as ${event.type}`,
	};
}

function future(event: WatchEvent): Oddity {
	return {
		kind: 'future',
		note: `note: an event is dated ${isoOrRaw(event.occurTime)}, in the future by the server's own clock: it is shown, but times, phases and warnings ignore it`,
		brief: 'an event dated in the future (shown, not timed)',
	};
}

const DUPLICATE: Oddity = {
	kind: 'duplicate',
	note: 'note: the server sent identical events (same time, type and text); each is shown as sent',
	brief: 'identical events, each shown as sent',
};

/** v1 documents normal and abnormal; v2 (events with an id) adds warning. */
function documentedType(event: WatchEvent): boolean {
	return event.rawType === 'normal' || event.rawType === 'abnormal' || (event.id !== null && event.rawType === 'warning');
}

/** The kinds of odd data in a batch, each once, with the first event that shows it. */
export function dataOddities({added, repeats}: Pick<Added, 'added' | 'repeats'>): Oddity[] {
	const found = new Map<OddityKind, Oddity>();
	for (const event of added) {
		if (!found.has('unknown-type') && !documentedType(event)) found.set('unknown-type', unknownType(event));
		if (!found.has('future') && event.future === true) found.set('future', future(event));
	}

	if (repeats > 0) found.set('duplicate', DUPLICATE);
	return [...found.values()];
}

/** The oddities of a batch whose kind has not been said yet (`said`: the ones seen before). */
export function newOddities(said: readonly Oddity[], batch: Pick<Added, 'added' | 'repeats'>): Oddity[] {
	return dataOddities(batch).filter((oddity) => !said.some((old) => old.kind === oddity.kind));
}
