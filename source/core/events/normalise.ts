// From the server's event to the watch's event: a normalised type, a stable identity and
// the meaning of its text. The shape validators for server responses live beside it.
import type {ApiEvent, EventType, WatchEvent} from '../types.js';
import {classifyEvent} from './classify.js';
import {textHash} from '../text-hash.js';

export {validateEventsPayload, validateServiceDetails, validateServicesPage} from '../wire/validate.js';
export type {EventsPayload, ServiceDetailsPayload, ServicesPayload} from '../wire/validate.js';

/** Unknown type values that still read as trouble: treated as abnormal so they are not hidden. */
const ABNORMAL_LOOKING = /abnormal|error|fail|fatal|critical|warn|alarm|alert/;

/**
 * `normal` / `abnormal` (any case, surrounding blanks ignored). The API documents only those
 * two; any other value is kept in `rawType` and becomes `abnormal` when it reads like
 * trouble (`warning`, `error`, `FATAL`), otherwise `normal`.
 */
export function normaliseEventType(raw: string, v2 = false): EventType {
	const value = raw.trim().toLowerCase();
	if (value === 'normal') return 'normal';
	if (value === 'abnormal') return 'abnormal';
	// v2 documents WARNING as a severity of its own; to v1 it stays an undocumented word.
	if (value === 'warning' && v2) return 'warning';
	return ABNORMAL_LOOKING.test(value) ? 'abnormal' : 'normal';
}

/**
 * The identity of an event within one service history: time, type, repeat ordinal and a
 * 64-bit hash plus length of the text. Exact repeats (same time, type and text) are told
 * apart by `ordinal` (0 for the first, 1 for the second…). The text is hashed rather than
 * copied so 100k keys do not double the memory the texts take; two different texts in the
 * same millisecond colliding is a 1 in 2^64 event.
 */
export function eventKey(occurTime: number, rawType: string, info: string, ordinal: number): string {
	// join() builds one flat string; a template literal would keep a tree of small pieces alive.
	return [occurTime, rawType, ordinal, `${info.length}:${textHash(info)}`].join('|');
}

/**
 * One event as the store keeps it. A class with a fixed shape, not an object spread: 100k
 * of these must fit in a few tens of MB, and V8 stores fixed-shape objects compactly.
 */
class StoredEvent implements WatchEvent {
	readonly phase: WatchEvent['phase'];
	readonly signal: WatchEvent['signal'];
	readonly model: string | null;
	readonly occurTime: number;
	readonly type: EventType;
	readonly rawType: string;
	readonly info: string;
	readonly seq: number;
	readonly key: string;
	readonly future: boolean;
	readonly id: string | null;
	readonly count: number;
	readonly lastAt: number;

	constructor(api: ApiEvent, seq: number, ordinal: number, future: boolean) {
		this.type = normaliseEventType(api.event_type, api.id !== undefined);
		const meaning = classifyEvent(api.event_info, this.type);
		this.phase = meaning.phase;
		this.signal = meaning.signal;
		this.model = meaning.model;
		this.occurTime = api.occur_time;
		this.rawType = api.event_type;
		this.info = api.event_info;
		this.seq = seq;
		// A v2 event is itself whatever its count: its id is the identity.
		this.key = api.id === undefined ? eventKey(api.occur_time, api.event_type, api.event_info, ordinal) : `id|${api.id}`;
		this.future = future;
		this.id = api.id ?? null;
		this.count = api.count ?? 1;
		this.lastAt = api.last_at ?? api.occur_time;
	}
}

/** The same v2 event with a higher count and a later last occurrence; its place and meaning stay. */
export function withRepeat(event: WatchEvent, count: number, lastAt: number): WatchEvent {
	const api: ApiEvent = {event_type: event.rawType, event_info: event.info, occur_time: event.occurTime, id: event.id ?? undefined, count, last_at: lastAt};
	return new StoredEvent(api, event.seq, 0, event.future === true);
}

/** The watch's view of one event. `seq` is its arrival order, `ordinal` its repeat count. */
export function toWatchEvent(api: ApiEvent, seq: number, ordinal: number, future = false): WatchEvent {
	return new StoredEvent(api, seq, ordinal, future);
}
