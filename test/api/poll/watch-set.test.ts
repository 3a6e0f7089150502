import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {createWatchSet, staggerOffsets} from '../../../source/api/poll/watch-set.js';
import type {Watcher, WatcherFactory} from '../../../source/api/poll/watcher-types.js';
import type {WatchMessage} from '../../../source/core/watch/data.js';

const START = Date.parse('2026-03-01T12:00:00Z');
const clock = {setTimeout: (callback: () => void, ms: number) => setTimeout(callback, ms), clearTimeout: (handle: unknown) => clearTimeout(handle as number)};

beforeEach(() => {
	vi.useFakeTimers({now: START});
});
afterEach(() => {
	vi.useRealTimers();
});

/** A poll loop that records when it started and stopped, and says one thing when started. */
function recorder(log: string[], name: string): WatcherFactory {
	return onMessage => {
		const watcher: Watcher = {
			start: () => {
				log.push(`${name} start ${Date.now() - START}`);
				onMessage({type: 'sync', state: {kind: 'loading'}, at: Date.now()});
			},
			refreshNow: () => {},
			readUpdateLogs: () => {},
			stop: () => log.push(`${name} stop`),
			done: new Promise(() => {}),
		};
		return watcher;
	};
}

describe('staggerOffsets', () => {
	it.each([
		[1, 3000, [0]],
		[3, 3000, [0, 1000, 2000]],
		[4, 1000, [0, 250, 500, 750]],
	])('%i loops over %i ms start at %j', (count, interval, offsets) => {
		expect(staggerOffsets(count, interval)).toEqual(offsets);
	});
});

describe('createWatchSet', () => {
	it('starts the loops spread over the first interval, tags their messages, and stops every one', async () => {
		// Given three services at a 3 s interval
		const log: string[] = [];
		const heard: string[] = [];
		const set = createWatchSet(
			['a', 'b', 'c'].map(serviceId => ({serviceId, createWatcher: recorder(log, serviceId)})),
			(serviceId: string, message: WatchMessage) => heard.push(`${serviceId}:${message.type}`),
			{intervalMs: 3000, clock},
		);
		expect([...set.watchers.keys()]).toEqual(['a', 'b', 'c']);

		// When the set starts and 1.5 s pass
		set.start();
		await vi.advanceTimersByTimeAsync(1500);

		// Then the first two have started a second apart, each message names its service
		expect(log).toEqual(['a start 0', 'b start 1000']);
		expect(heard).toEqual(['a:sync', 'b:sync']);

		// And stopping before the third was due stops them all, and the third never starts
		set.stop();
		await vi.advanceTimersByTimeAsync(5000);
		expect(log).toEqual(['a start 0', 'b start 1000', 'a stop', 'b stop', 'c stop']);
	});
});
