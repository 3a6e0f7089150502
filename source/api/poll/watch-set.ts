// The poll loops of a watch of several services, started one after another across the first
// interval so their polls stay spread out instead of arriving together every interval. Each
// loop keeps its own event sync and cadence; the request gate (request-gate.ts) caps them all.
import type {WatchMessage} from '../../core/watch/data.js';
import {systemClock, type WatcherClock} from './watch-clock.js';
import type {Watcher, WatcherFactory} from './watcher-types.js';

/** One service to watch and how to build its poll loop. */
export interface WatchSetEntry {
	readonly serviceId: string;
	readonly createWatcher: WatcherFactory;
}

export interface WatchSet {
	/** Every poll loop, by service id, built at once (so their `done` can be awaited before they start). */
	readonly watchers: ReadonlyMap<string, Watcher>;
	/** Starts the first loop now and the others spread evenly over one interval. */
	start(): void;
	stop(): void;
}

/** When each of `count` loops starts, in ms after the first: evenly over one interval. */
export function staggerOffsets(count: number, intervalMs: number): number[] {
	return Array.from({length: count}, (_, index) => Math.round((index * intervalMs) / Math.max(1, count)));
}

export function createWatchSet(
	entries: readonly WatchSetEntry[],
	onMessage: (serviceId: string, message: WatchMessage) => void,
	options: {readonly intervalMs: number; readonly clock?: Pick<WatcherClock, 'setTimeout' | 'clearTimeout'>},
): WatchSet {
	const clock = options.clock ?? systemClock;
	const watchers = new Map(entries.map(({serviceId, createWatcher}) => [serviceId, createWatcher(message => onMessage(serviceId, message))]));
	const timers: unknown[] = [];
	return {
		watchers,
		start() {
			const offsets = staggerOffsets(watchers.size, options.intervalMs);
			[...watchers.values()].forEach((watcher, index) => {
				if (offsets[index] === 0) watcher.start();
				else timers.push(clock.setTimeout(() => watcher.start(), offsets[index]!));
			});
		},
		stop() {
			for (const timer of timers) clock.clearTimeout(timer);
			for (const watcher of watchers.values()) watcher.stop();
		},
	};
}
