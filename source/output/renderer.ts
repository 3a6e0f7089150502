import type {SlowContext} from '../core/diagnosis/slow.js';
import type {WatchEvent} from '../core/types.js';
import type {PodsReport} from '../core/wire/v2-types.js';
import type {WatchSnapshot} from './snapshot.js';

/**
 * What a plain or JSON log looks like: the lines for each change, the closing summary and a
 * read of the pods. `clock` is what a diagnosis is read from (core/watch/diagnosis.ts): now, the
 * limits and the evidence on the models and the pool.
 */
export interface Renderer {
	/** Read each line as it comes: JSON makes them lazily, so a huge batch is written as it is made. `repeated`: v2 events whose count rose. */
	update(previous: WatchSnapshot, next: WatchSnapshot, added: readonly WatchEvent[], repeated: readonly WatchEvent[], clock: SlowContext): Iterable<string>;
	summary(snapshot: WatchSnapshot, clock: SlowContext): string[];
	/** The line a read of the pods makes (v2); the caller writes it only when `same` changed. */
	pods(report: PodsReport, at: number, nowMs: number): {readonly line: string; readonly same: string};
}
