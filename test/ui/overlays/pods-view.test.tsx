import React from 'react';
import {afterEach, describe, expect, test} from 'vitest';
import {App} from '../../../source/app.js';
import type {PodsReport} from '../../../source/core/wire/v2-types.js';
import type {WatchMessage} from '../../../source/core/watch/data.js';
import {T0, fakeWatcher, makeConfig} from '../fixtures.js';
import {type Rendered, frameLines, frameWidth, press, renderSized, waitForFrame} from '../helpers.js';

const NOW = T0 + 130_000;
let mounted: Rendered[] = [];
afterEach(() => {
	for (const rendered of mounted) rendered.unmount();
	mounted = [];
});

const sync = (at: number): WatchMessage => ({type: 'sync', state: {kind: 'ok', lastSuccessAt: at, nextPollAt: at + 3000}, at});
const events: WatchMessage = {type: 'events', at: T0 + 20_000, events: [{event_type: 'normal', event_info: 'start to deploy service', occur_time: T0}]};

const report: PodsReport = {
	deployments: [{id: 'd1', name: 'llm-chat-d1', status: 'DEPLOYING', count: 2, running_count: 1}],
	pods: [
		{pod_name: 'llm-chat-d1-0-af40b', status: 'RUNNING', node: '192.168.0.10'},
		{pod_name: 'llm-chat-d1-1-c93e2', status: 'PENDING', node: null},
	],
	events: [
		{type: 'Normal', reason: 'Scheduled', message: 'Successfully assigned llm-chat-d1-0-af40b to 192.168.0.10', count: 1, first_at: T0, last_at: T0},
		{type: 'Warning', reason: 'FailedScheduling', message: 'pod llm-chat-d1-1-c93e2: 0/3 nodes are available: 3 Insufficient nvidia.com/gpu.\u001B[2J', count: 4, first_at: T0, last_at: NOW - 12_000},
	],
};

function mount(columns = 100, rows = 30) {
	const {factory, watcher} = fakeWatcher();
	const rendered = renderSized(<App config={makeConfig({timeZone: {kind: 'utc'}})} watcherFactory={factory} now={() => NOW} initialColumns={columns} initialRows={rows} />, {columns, rows});
	mounted.push(rendered);
	watcher.emit(events);
	watcher.emit(sync(T0 + 20_000));
	return {rendered, watcher};
}

describe('the p view', () => {
	test('without pods read, p says so in the footer and opens nothing', async () => {
		const {rendered} = mount();
		await waitForFrame(rendered.lastFrame, (frame) => frame.includes('start to deploy service'));
		const frame = await press(rendered, 'p', (text) => text.includes('no pods to show'));
		expect(frame).toContain('start to deploy service');
		expect(frame).not.toContain('p or Esc closes');
	});

	test('lists deployment, pods with status and node, and a pod\'s latest Warning; p closes it', async () => {
		const {rendered, watcher} = mount();
		watcher.emit({type: 'pods', report, at: NOW});
		await waitForFrame(rendered.lastFrame, (frame) => frame.includes('start to deploy service'));
		const frame = await press(rendered, 'p', (text) => text.includes('p or Esc closes'));
		const lines = frameLines(frame);
		const at = (text: string) => lines.findIndex((line) => line.includes(text));
		expect(lines[at('deployment llm-chat-d1')]).toMatch(/deploying +1\/2 instances running/);
		expect(lines[at('pod llm-chat-d1-0-af40b')]).toMatch(/running on 192\.168\.0\.10/);
		expect(lines[at('pod llm-chat-d1-1-c93e2')]).toMatch(/pending/);
		// The Warning sits under the pod it names, with its count and age; control characters never reach the terminal
		expect(at('FailedScheduling ×4, 12s ago: pod llm-chat-d1-1-c93e2: 0/3 nodes')).toBe(at('pod llm-chat-d1-1-c93e2') + 1);
		expect(frame).not.toContain('\u001B[2J');
		expect(frame).not.toContain('start to deploy service');
		const closed = await press(rendered, 'p', (text) => text.includes('start to deploy service'));
		expect(closed).not.toContain('p or Esc closes');
	});

	test('fits a narrow, short terminal: no line wider, and the cut says how many lines are hidden', async () => {
		const {rendered, watcher} = mount(40, 8);
		watcher.emit({type: 'pods', report, at: NOW});
		await waitForFrame(rendered.lastFrame, (frame) => frame.includes('deploy'));
		const frame = await press(rendered, 'p', (text) => text.includes('Pods'));
		expect(frameWidth(frame)).toBeLessThanOrEqual(40);
		expect(frameLines(frame).length).toBeLessThanOrEqual(8);
		expect(frame).toMatch(/more lines/);
	});
});
