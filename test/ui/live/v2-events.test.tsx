import React from 'react';
import {afterEach, describe, expect, test} from 'vitest';
import {App} from '../../../source/app.js';
import type {WatchMessage} from '../../../source/core/watch/data.js';
import {T0, fakeWatcher, makeConfig} from '../fixtures.js';
import {type Rendered, renderSized, waitForFrame} from '../helpers.js';

const NOW = T0 + 130_000;
let mounted: Rendered[] = [];
afterEach(() => {
	for (const rendered of mounted) rendered.unmount();
	mounted = [];
});

const sync = (at: number): WatchMessage => ({type: 'sync', state: {kind: 'ok', lastSuccessAt: at, nextPollAt: at + 3000}, at});

describe('v2 events in the live view', () => {
	test('a repeated event stays one row whose count and last time rise; WARNING has its own mark', async () => {
		const {factory, watcher} = fakeWatcher();
		const rendered = renderSized(<App config={makeConfig({timeZone: {kind: 'utc'}})} watcherFactory={factory} now={() => NOW} initialColumns={100} initialRows={30} />, {columns: 100, rows: 30});
		mounted.push(rendered);
		watcher.emit({type: 'events', at: T0 + 20_000, events: [
			{event_type: 'normal', event_info: 'start to deploy service', occur_time: T0, id: 'e1', count: 1, last_at: T0},
			{event_type: 'abnormal', event_info: 'schedule resource failed: insufficient GPU', occur_time: T0 + 10_000, id: 'e2', count: 1, last_at: T0 + 10_000},
			{event_type: 'warning', event_info: 'waiting for idle resources in the pool', occur_time: T0 + 11_000, id: 'e3', count: 1, last_at: T0 + 11_000},
		]});
		watcher.emit(sync(T0 + 20_000));
		await waitForFrame(rendered.lastFrame, (frame) => frame.includes('insufficient GPU'));
		watcher.emit({type: 'event-updates', at: T0 + 40_000, updates: [{id: 'e2', count: 3, last_at: T0 + 30_000}]});
		watcher.emit(sync(T0 + 40_000));
		const frame = await waitForFrame(rendered.lastFrame, (text) => text.includes('×3'));
		const rows = frame.split('\n').filter((line) => line.includes('insufficient GPU'));
		expect(rows).toHaveLength(1);
		expect(rows[0]).toContain('×3, last 16:00:30');
		expect(frame.split('\n').find((line) => line.includes('waiting for idle'))).toMatch(/⚠ warning/);
	});
});
