import type {WatchEvent} from '../model/types.js';
import type {WatchSnapshot} from './snapshot.js';

/** What a plain or JSON log looks like: the lines for each change, and the closing summary. */
export interface Renderer {
	/** Read each line as it comes: JSON makes them lazily, so a huge batch is written as it is made. */
	update(previous: WatchSnapshot, next: WatchSnapshot, added: readonly WatchEvent[], nowMs: number): Iterable<string>;
	summary(snapshot: WatchSnapshot, nowMs: number): string[];
}
