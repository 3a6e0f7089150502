// Odd server data the watch copes with but a person should know about: event types the API
// does not document, exact duplicates, events dated in the future. Each kind is reported
// once per run (a poll loop repeating the same note every few seconds is noise), on stderr,
// so neither the plain log nor the NDJSON on stdout changes.
import {FUTURE_TOLERANCE_MS} from '../api/sync.js';
import {sanitizeForTerminal} from '../model/sanitize.js';
import type {WatchEvent} from '../model/types.js';

type Oddity = 'unknown-type' | 'duplicate' | 'future';

/** Notices odd events; `notes` returns the lines not said before. */
export interface EventDiagnostics {
	notes(added: readonly WatchEvent[], nowMs: number): string[];
}

const identity = (event: WatchEvent) => `${event.occurTime}\u0000${event.rawType}\u0000${event.info}`;

function isoOrRaw(ms: number): string {
	const date = new Date(ms);
	return Number.isNaN(date.getTime()) ? String(ms) : date.toISOString();
}

function describe(oddity: Oddity, event: WatchEvent): string {
	switch (oddity) {
		case 'unknown-type':
			// The type is server text too: it must not reach stderr raw either.
			return `note: the server sent event_type "${sanitizeForTerminal(event.rawType)}", which the API does not document; it is shown as ${event.type}`;
		case 'duplicate':
			return 'note: the server sent identical events (same time, type and text); each is shown as sent';
		case 'future':
			return `note: an event is dated ${isoOrRaw(event.occurTime)}, in the future: the server's clock may be wrong (events are still read in full)`;
	}
}

function odditiesOf(event: WatchEvent, seen: Set<string>, nowMs: number): Oddity[] {
	const key = identity(event);
	const oddities: Oddity[] = [];
	if (event.rawType !== 'normal' && event.rawType !== 'abnormal') oddities.push('unknown-type');
	if (event.occurTime > nowMs + FUTURE_TOLERANCE_MS) oddities.push('future');
	if (seen.has(key)) oddities.push('duplicate');
	seen.add(key);
	return oddities;
}

export function createEventDiagnostics(): EventDiagnostics {
	const said = new Set<Oddity>();
	const seen = new Set<string>();
	return {
		notes(added, nowMs) {
			const lines: string[] = [];
			for (const event of added) {
				for (const oddity of odditiesOf(event, seen, nowMs)) {
					if (said.has(oddity)) continue;
					said.add(oddity);
					lines.push(describe(oddity, event));
				}
			}

			return lines;
		},
	};
}
