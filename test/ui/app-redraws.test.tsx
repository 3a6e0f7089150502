import React from 'react';
import {afterEach, describe, expect, test, vi} from 'vitest';
import {App} from '../../source/app.js';
import type {Config} from '../../source/config/types.js';
import type {WatchMessage} from '../../source/core/watch/data.js';
import {DEPLOYING_EVENTS, T0, fakeWatcher, makeConfig} from './fixtures.js';
import {renderSized, waitForFrame, type Rendered} from './helpers.js';

const NOW = T0 + 130_000;
const sync = (lastSuccessAt: number): WatchMessage => ({type: 'sync', state: {kind: 'ok', lastSuccessAt, nextPollAt: null}, at: NOW});

/** React schedules renders on macrotasks; a few turns let a pending render land. */
async function macrotasks(count: number): Promise<void> {
	for (let turn = 0; turn < count; turn++) {
		await new Promise(resolve => setImmediate(resolve));
	}
}

let mounted: Rendered | null = null;
afterEach(() => {
	mounted?.unmount();
	mounted = null;
	vi.useRealTimers();
});

async function mount(config: Partial<Config> = {}) {
	const {factory, watcher} = fakeWatcher();
	mounted = renderSized(
		<App config={makeConfig(config)} watcherFactory={factory} now={() => NOW} initialColumns={120} initialRows={40} />,
		{columns: 120, rows: 40},
	);
	watcher.emit({type: 'events', events: DEPLOYING_EVENTS, at: NOW});
	watcher.emit(sync(NOW - 1000));
	await waitForFrame(mounted.lastFrame, frame => frame.includes('updated 1s ago'));
	return {rendered: mounted, watcher};
}

describe('App: redraws only when something visible changed', () => {
	test('a message that changes nothing draws no frame', async () => {
		const {rendered, watcher} = await mount();
		const before = rendered.stdout.frames.length;
		// Given the same sync state and an empty events batch, each given time to render,
		watcher.emit(sync(NOW - 1000));
		await macrotasks(5);
		watcher.emit({type: 'events', events: [], at: NOW});
		await macrotasks(5);
		// then a real change as a marker.
		watcher.emit(sync(NOW - 2000));
		await waitForFrame(rendered.lastFrame, frame => frame.includes('updated 2s ago'));
		// Then only the marker was drawn.
		expect(rendered.stdout.frames.length - before).toBe(1);
	});

	test('the active phase animates, unless --low-bandwidth asks for a static glyph', async () => {
		vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout']});
		const animated = await mount();
		const animatedBefore = animated.rendered.stdout.frames.length;
		await vi.advanceTimersByTimeAsync(2000);
		await waitForFrame(animated.rendered.lastFrame, () => animated.rendered.stdout.frames.length > animatedBefore);
		animated.rendered.unmount();

		const still = await mount({lowBandwidth: true});
		const stillBefore = still.rendered.stdout.frames.length;
		await vi.advanceTimersByTimeAsync(2000);
		// The clock runs (1 Hz ticks) but the fixed `now` changes nothing, so nothing is drawn.
		still.watcher.emit(sync(NOW - 2000));
		await waitForFrame(still.rendered.lastFrame, frame => frame.includes('updated 2s ago'));
		expect(still.rendered.stdout.frames.length - stillBefore).toBe(1);
	});
});
