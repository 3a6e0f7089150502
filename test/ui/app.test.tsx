import React from 'react';
import {afterEach, describe, expect, test} from 'vitest';
import {App} from '../../source/app.js';
import type {Config} from '../../source/config/types.js';
import type {WatchMessage} from '../../source/core/watch/data.js';
import {DEPLOYING_EVENTS, T0, details, event, fakeWatcher, makeConfig, manyEvents} from './fixtures.js';
import {frameLines, frameWidth, press, type Rendered, renderSized, waitForFrame} from './helpers.js';

const NOW = T0 + 130_000;
const OK_SYNC: WatchMessage = {type: 'sync', state: {kind: 'ok', lastSuccessAt: NOW - 3000, nextPollAt: NOW + 2000}, at: NOW};
const KEYS = {right: '\u001B[C', left: '\u001B[D', pageDown: '\u001B[6~', escape: '\u001B'};

let mounted: Rendered[] = [];
afterEach(() => {
	for (const rendered of mounted) {
		rendered.unmount();
	}

	mounted = [];
});

/** Every scenario ends with a sync message: by default its status line means all messages were drawn. */
async function mount(
	messages: readonly WatchMessage[],
	size = {columns: 100, rows: 30},
	config: Partial<Config> = {},
	ready = (frame: string) => frame.includes('updated'),
) {
	const {factory, watcher} = fakeWatcher();
	const rendered = renderSized(
		<App config={makeConfig(config)} watcherFactory={factory} now={() => NOW} initialColumns={size.columns} initialRows={size.rows} />,
		size,
	);
	mounted.push(rendered);
	for (const message of messages) {
		watcher.emit(message);
	}

	await waitForFrame(rendered.lastFrame, ready);
	return {...rendered, watcher};
}

/** Types keys one by one, waiting for the frame to change after each (Ink parses input asynchronously). */
const deploying: WatchMessage[] = [
	{type: 'events', events: DEPLOYING_EVENTS, at: NOW},
	{type: 'details', details: details(), at: NOW},
	OK_SYNC,
];

describe('App: the live view', () => {
	test('Given a deploy in progress, it shows the service, the status line, the phases and the events', async () => {
		const {lastFrame, watcher} = await mount(deploying);
		const frame = lastFrame();
		expect(frame).toContain('my-service');
		expect(frame).toContain('deploying 40% (model notReady)');
		expect(frame).toContain('updated 3s ago · next in 2s');
		expect(frame).toMatch(/✔ Image building\s+1m05s/);
		expect(frame).toMatch(/Resource scheduling\s+40s\s+⚠ 1/);
		expect(frame).toContain('Image pulling');
		expect(frame).toContain('[TF 3.0.0] pulling model image');
		expect(watcher.calls).toEqual(['start']);
	});

	test.each<[string, WatchMessage, string]>([
		['retrying', {type: 'sync', state: {kind: 'retrying', attempt: 3, reason: 'HTTP 503', retryAt: NOW + 8000, lastSuccessAt: NOW - 20_000}, at: NOW}, 'retrying in 8s (HTTP 503, attempt 3) · updated 20s ago'],
		['stopped', {type: 'sync', state: {kind: 'stopped', message: 'Access denied (HTTP 403): check the project id.', errorKind: 'forbidden'}, at: NOW}, 'stopped: Access denied (HTTP 403): check the project id.'],
	])('the status line says when polling is %s', async (_, message, text) => {
		const {lastFrame} = await mount([...deploying, message], {columns: 120, rows: 30}, {}, frame => frame.includes(text));
		expect(lastFrame()).toContain('total 2m10s');
	});

	test('abnormal rows carry a textual mark, even without colour', async () => {
		const {lastFrame} = await mount(deploying, {columns: 100, rows: 30}, {color: false});
		const abnormal = frameLines(lastFrame()).find(line => line.includes('Insufficient resources'));
		const normal = frameLines(lastFrame()).find(line => line.includes('pulling model image'));
		expect(abnormal).toContain('! abnormal');
		expect(normal).not.toContain('!');
	});

	test('f cycles the filter all → abnormal → warning → normal, and the rows follow', async () => {
		const rendered = await mount(deploying);
		const abnormal = await press(rendered, 'f', frame => frame.includes('filter abnormal'));
		expect(abnormal).toContain('Insufficient resources');
		expect(abnormal).not.toContain('pulling model image');
		const warning = await press(rendered, 'f', frame => frame.includes('filter warning'));
		expect(warning).not.toContain('Insufficient resources');
		const normal = await press(rendered, 'f', frame => frame.includes('filter normal'));
		expect(normal).not.toContain('Insufficient resources');
		await press(rendered, 'f', frame => frame.includes('filter all'));
	});

	test('o shows the oldest event first', async () => {
		const rendered = await mount(deploying);
		const firstRow = (frame: string) => frameLines(frame).find(line => /^\d{2}:\d{2}:\d{2} /.test(line));
		expect(firstRow(rendered.lastFrame())).toContain('pulling model image');
		const asc = await press(rendered, 'o', frame => frame.includes('oldest first'));
		expect(firstRow(asc)).toContain('start to deploy service');
	});

	test('→, PgDn and n page forward; ← and < page back', async () => {
		const rendered = await mount([{type: 'events', events: manyEvents(100), at: NOW}, OK_SYNC], {columns: 100, rows: 30});
		const pageCount = /page 1\/(\d+)/.exec(rendered.lastFrame())?.[1];
		expect(Number(pageCount)).toBeGreaterThan(3);
		await press(rendered, KEYS.right, frame => frame.includes('page 2/'));
		await press(rendered, KEYS.pageDown, frame => frame.includes('page 3/'));
		await press(rendered, 'n', frame => frame.includes('page 4/'));
		await press(rendered, KEYS.left, frame => frame.includes('page 3/'));
		await press(rendered, '<', frame => frame.includes('page 2/'));
	});

	test('r asks the watcher to poll now', async () => {
		const rendered = await mount(deploying);
		rendered.stdin.write('r');
		await waitForFrame(rendered.lastFrame, () => rendered.watcher.calls.includes('refresh'));
	});

	test('? opens the help overlay, Esc closes it', async () => {
		const rendered = await mount(deploying);
		const help = await press(rendered, '?', frame => frame.includes('Keys'));
		expect(help).toContain('refresh now');
		expect(help).not.toContain('Image building');
		const closed = await press(rendered, KEYS.escape, frame => !frame.includes('Keys'));
		expect(closed).toContain('Image building');
	});

	test('the watcher stops when the view goes away (q ends the run by unmounting it)', async () => {
		const rendered = await mount(deploying);
		expect(rendered.watcher.calls).toEqual(['start']);
		rendered.unmount();
		expect(rendered.watcher.calls).toEqual(['start', 'stop']);
	});

	test('--ascii draws only printable ASCII, server text included', async () => {
		const events = [...DEPLOYING_EVENTS, event(126, '模型启动 🚀 \u001B[2J done')];
		const {lastFrame} = await mount([{type: 'events', events, at: NOW}, OK_SYNC], {columns: 100, rows: 30}, {ascii: true});
		expect(lastFrame()).toMatch(/^[\x20-\x7e\n]*$/);
		expect(lastFrame()).toContain('^[[2J');
	});
});

describe('App: the live region never reaches the terminal height', () => {
	const failing: WatchMessage[] = [
		{type: 'events', events: [...DEPLOYING_EVENTS, ...manyEvents(500)], at: NOW},
		{type: 'details', details: details({status: 'failed', error_msg: 'Image pull timed out after 3 retries'}), at: NOW},
		{type: 'details-unavailable', reason: '403', at: NOW},
		OK_SYNC,
	];
	const twoModels: WatchMessage[] = [
		{type: 'events', events: [...DEPLOYING_EVENTS, event(126, 'building image for model [PT 1.2.0]'), ...manyEvents(500)], at: NOW},
		OK_SYNC,
	];
	test.each([
		{columns: 120, rows: 40},
		{columns: 80, rows: 24},
		{columns: 40, rows: 12},
		{columns: 40, rows: 7},
	])('$columns×$rows with many events, a failure, two models and help', async size => {
		for (const messages of [failing, twoModels]) {
			const rendered = await mount(messages, size, {}, frame => frame.includes('event number 499'));
			const frames = [rendered.lastFrame(), await press(rendered, '?', frame => frame.includes('Keys'))];
			for (const frame of frames) {
				expect(frameLines(frame).length).toBeLessThanOrEqual(size.rows - 1);
				expect(frameWidth(frame)).toBeLessThanOrEqual(size.columns);
			}

			expect(frames[0]).toMatch(/page 1\/\d+|1\/\d+/);
		}
	});

	test('a resize re-fits the view', async () => {
		const rendered = await mount(failing, {columns: 120, rows: 40});
		rendered.stdout.resize(40, 12);
		// Ink first redraws the old tree at the new size (cut to 40 columns, still tall); the
		// view's own frame, with the narrow footer, follows.
		const frame = await waitForFrame(rendered.lastFrame, current => current.includes('all · newest · 1/'));
		expect(frameLines(frame).length).toBeLessThanOrEqual(11);
		expect(frameWidth(frame)).toBeLessThanOrEqual(40);
	});
});
