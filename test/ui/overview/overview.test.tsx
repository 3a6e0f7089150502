import chalk from 'chalk';
import React from 'react';
import {afterEach, describe, expect, onTestFinished, test, vi} from 'vitest';
import type {Config} from '../../../source/config/types.js';
import type {ExitEnding} from '../../../source/core/ending/run-end.js';
import type {WatchMessage} from '../../../source/core/watch/data.js';
import {Overview} from '../../../source/overview.js';
import {DEPLOYING_EVENTS, T0, details, event, fakeWatcher, makeConfig, type FakeWatcher} from '../fixtures.js';
import {frameLines, frameWidth, pressUntil, type Rendered, renderSized, waitForFrame} from '../helpers.js';

let mounted: Rendered[] = [];
afterEach(() => {
	for (const rendered of mounted) rendered.unmount();
	mounted = [];
	vi.useRealTimers();
});

const SERVICES = [
	{serviceId: 'id-a', name: 'alpha'},
	{serviceId: 'id-b', name: 'beta-\u001B[2Jhostile'},
	{serviceId: 'id-c', name: null},
];

function mount(size = {columns: 120, rows: 40}, config: Partial<Config> = {}) {
	const watchers = new Map<string, FakeWatcher>();
	const exits: ExitEnding[] = [];
	const rendered = renderSized(
		<Overview
			config={makeConfig({serviceId: null, serviceName: null, intervalMs: 60_000, ...config})}
			services={SERVICES}
			watcherFor={serviceId => {
				const {factory, watcher} = fakeWatcher();
				watchers.set(serviceId, watcher);
				return factory;
			}}
			now={() => T0 + 200_000}
			onExit={ending => exits.push(ending)}
		/>,
		size,
	);
	mounted.push(rendered);
	const emit = (serviceId: string, message: WatchMessage) => watchers.get(serviceId)!.emit(message);
	const poll = (serviceId: string, status: string, name: string) => {
		emit(serviceId, {type: 'events', events: status === 'failed' ? [...DEPLOYING_EVENTS, event(150, '[TF 3.0.0] pull image failed', 'abnormal')] : DEPLOYING_EVENTS, at: T0 + 200_000});
		emit(serviceId, {type: 'details', details: details({service_id: serviceId, service_name: name, status}), at: T0 + 200_000});
		emit(serviceId, {type: 'sync', state: {kind: 'ok', lastSuccessAt: T0 + 200_000, nextPollAt: T0 + 260_000}, at: T0 + 200_000});
	};

	return {...rendered, watchers, exits, emit, poll};
}

/** Frames since the `from`th that differ from the one before them (the testing stdout records every render). */
function changedFrames(rendered: Rendered, from: number): number {
	const frames = rendered.stdout.frames;
	return frames.slice(from).filter((frame, index) => frame !== frames[from + index - 1]).length;
}

describe('the overview of several services', () => {
	test('builds every poll loop at once and starts the first; the others follow over the interval', async () => {
		const rendered = mount();
		await waitForFrame(rendered.lastFrame, frame => frame.includes('3 services'));
		expect([...rendered.watchers.keys()]).toEqual(['id-a', 'id-b', 'id-c']);
		expect(rendered.watchers.get('id-a')!.calls).toEqual(['start']);
		expect(rendered.watchers.get('id-b')!.calls).toEqual([]);
	});

	test('a row per service: in progress first, a failure marked in words, server text sanitised', async () => {
		// Given alpha deploying, beta failed, and the third never heard of yet
		const rendered = mount();
		rendered.poll('id-b', 'failed', 'beta-\u001B[2Jhostile');
		rendered.poll('id-a', 'deploying', 'alpha');
		const frame = await waitForFrame(rendered.lastFrame, text => text.includes('failed after'));

		// Then the header counts them, and the rows come in progress first, then failed
		expect(frame).toMatch(/3 services · 1 failed · 1 connecting · 1 deploying · 3m20s/);
		const lines = frameLines(frame);
		const rowOf = (text: string) => lines.findIndex(line => line.includes(text));
		expect(rowOf('alpha')).toBeLessThan(rowOf('hostile'));
		expect(rowOf('id-c')).toBeLessThan(rowOf('hostile'));
		expect(lines[rowOf('alpha')]).toMatch(/›\s+\S\s+alpha\s+deploying 40%\s+Pull 1m20s\s+! 1\s+\[TF 3\.0\.0\] pulling/);
		expect(lines[rowOf('hostile')]).toMatch(/✖\s+beta-␛\[2Jhostile\s+failed\s+failed after \d+m\d+s\s+! 2/);
		expect(rendered.lastRawFrame()).not.toContain('\u001B[2J');
	});

	test('Enter opens the selected service as the single view shows it; Esc comes back to the overview', async () => {
		const rendered = mount();
		rendered.poll('id-a', 'deploying', 'alpha');
		await waitForFrame(rendered.lastFrame, text => text.includes('Pull 1m20s'));

		const single = await pressUntil(rendered, '\r', text => text.includes('Image pulling'));
		expect(single).toContain('alpha');
		expect(single).toContain('Esc back');
		expect(single).toContain('[TF 3.0.0] pulling model image');

		const back = await pressUntil(rendered, '\u001B', text => text.includes('3 services'));
		expect(back).toMatch(/›\s+\S\s+alpha/);
	});

	test("the help of a service opened from the overview says Esc goes back to the overview", async () => {
		// Given alpha opened from the overview
		const rendered = mount({columns: 120, rows: 40});
		rendered.poll('id-a', 'deploying', 'alpha');
		await waitForFrame(rendered.lastFrame, text => text.includes('Pull 1m20s'));
		await pressUntil(rendered, '\r', text => text.includes('Image pulling'));
		// When its help is opened
		const help = await pressUntil(rendered, '?', text => text.includes('Keys'));
		// Then Esc's line names the overview, not the picker's list
		expect(help).toMatch(/Esc\s+close help .* back to the overview/);
		expect(help).not.toContain('service list');
	});

	test('a service that cannot be watched marks its own row with why; the others go on', async () => {
		const rendered = mount();
		rendered.poll('id-a', 'deploying', 'alpha');
		rendered.emit('id-c', {type: 'sync', state: {kind: 'stopped', message: 'stopped polling: Service id-c does not exist (404 ModelArts.3502)', errorKind: 'not_found'}, at: T0});
		const frame = await waitForFrame(rendered.lastFrame, text => text.includes('stopped polling'));
		expect(frameLines(frame).find(line => line.includes('id-c'))).toMatch(/!\s+id-c\s+error\s+stopped polling: Service/);
		expect(frame).toMatch(/alpha\s+deploying 40%/);
	});

	test('shows the instances once the monitor counts them', async () => {
		const rendered = mount();
		rendered.poll('id-a', 'deploying', 'alpha');
		rendered.emit('id-a', {type: 'monitor', monitor: {service_running_instance_count: 1, service_instance_count: 2, monitors: []}, at: T0 + 200_000});
		const frame = await waitForFrame(rendered.lastFrame, text => text.includes('1/2'));
		expect(frame).toMatch(/progress\s+instances\s+abnormal/);
		expect(frameLines(frame).find(line => line.includes('alpha'))).toMatch(/Pull 1m20s\s+1\/2\s+! 1/);
	});

	test('--once ends once every service was polled; the kept frame has no hints and no selection marker', async () => {
		const rendered = mount(undefined, {once: true});
		rendered.poll('id-a', 'running', 'alpha');
		rendered.poll('id-b', 'deploying', 'beta');
		rendered.poll('id-c', 'failed', 'gamma');
		const frame = await waitForFrame(rendered.lastFrame, () => rendered.exits.length > 0);
		expect(rendered.exits).toEqual([expect.objectContaining({reason: 'once', exitCode: 0})]);
		expect(frame).not.toContain('q quit');
		expect(frame).not.toContain('›');
	});

	test('q ends the watch of the set', async () => {
		const rendered = mount();
		rendered.poll('id-a', 'running', 'alpha');
		await pressUntil(rendered, 'q', () => rendered.exits.length > 0);
		expect(rendered.exits).toEqual([expect.objectContaining({reason: 'quit', exitCode: 0})]);
	});

	test('a deploying row animates its glyph, in the colour of the active phase; --low-bandwidth keeps it still', async () => {
		vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout']});
		// Ink colours through chalk, which sees no terminal here.
		const level = chalk.level;
		chalk.level = 1;
		onTestFinished(() => {
			chalk.level = level;
		});
		// Given alpha deploying and beta finished
		const animated = mount();
		animated.poll('id-a', 'deploying', 'alpha');
		animated.poll('id-b', 'running', 'beta');
		await waitForFrame(animated.lastFrame, text => text.includes('deployed in'));
		const rawRow = (name: string) => animated.lastRawFrame().split('\n').find(line => line.includes(name)) ?? '';
		// Then alpha's glyph alone is cyan, and beta's row is green
		expect(rawRow('alpha')).toMatch(/^\S*\s+\u001B\[36m.\u001B\[39m\s+alpha/);
		expect(rawRow('beta')).toMatch(/^\u001B\[32m/);
		// When time passes (the fixed clock changes no text), then only the spinner draws new frames
		const before = animated.stdout.frames.length;
		await vi.advanceTimersByTimeAsync(2000);
		expect(changedFrames(animated, before)).toBeGreaterThan(0);
		expect(animated.lastFrame()).toMatch(/alpha\s+deploying 40%/);

		// Given the same with --low-bandwidth, when time passes, then nothing is drawn
		const still = mount({columns: 120, rows: 40}, {lowBandwidth: true});
		still.poll('id-a', 'deploying', 'alpha');
		await waitForFrame(still.lastFrame, text => text.includes('Pull 1m20s'));
		const stillBefore = still.stdout.frames.length;
		await vi.advanceTimersByTimeAsync(2000);
		expect(changedFrames(still, stillBefore)).toBe(0);
	});

	test('--ascii draws the deploying rows, their spinner and every other glyph in ASCII', async () => {
		vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout']});
		const rendered = mount({columns: 120, rows: 40}, {ascii: true});
		rendered.poll('id-a', 'deploying', 'alpha');
		await waitForFrame(rendered.lastFrame, text => text.includes('Pull 1m20s'));
		for (let step = 0; step < 4; step++) {
			await vi.advanceTimersByTimeAsync(500);
			expect(rendered.lastFrame()).toMatch(/^[\x20-\x7e\n]*$/);
			expect(rendered.lastFrame()).toMatch(/>\s+\S\s+alpha\s+deploying 40%/);
		}
	});

	test('with no deploying row on the page (filtered to the failed ones), no spinner frame is drawn', async () => {
		vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout']});
		// Given alpha deploying and beta failed, filtered to the failed rows
		const rendered = mount();
		rendered.poll('id-a', 'deploying', 'alpha');
		rendered.poll('id-b', 'failed', 'beta');
		await waitForFrame(rendered.lastFrame, text => text.includes('failed after'));
		await pressUntil(rendered, 'f', text => text.includes('filter in progress'));
		await pressUntil(rendered, 'f', text => text.includes('filter failed'));
		// When time passes, then nothing is drawn
		const before = rendered.stdout.frames.length;
		await vi.advanceTimersByTimeAsync(2000);
		expect(changedFrames(rendered, before)).toBe(0);
	});

	test.each([
		{columns: 40, rows: 12},
		{columns: 80, rows: 24},
		{columns: 120, rows: 40},
	])('fits $columns×$rows, rows paging when they do not fit', async size => {
		const rendered = mount(size);
		rendered.poll('id-a', 'deploying', 'alpha');
		const frame = await waitForFrame(rendered.lastFrame, text => text.includes('alpha'));
		expect(frameLines(frame).length).toBeLessThanOrEqual(size.rows - 1);
		expect(frameWidth(frame)).toBeLessThanOrEqual(size.columns);
	});

	test('a tiny terminal pages the rows', async () => {
		const rendered = mount({columns: 80, rows: 6});
		const frame = await waitForFrame(rendered.lastFrame, text => text.includes('page 1/2'));
		expect(frameLines(frame).length).toBeLessThanOrEqual(5);
	});
});
