import React from 'react';
import {afterEach, describe, expect, test} from 'vitest';
import {App, type NudgeSink} from '../../source/app.js';
import type {Config} from '../../source/config/types.js';
import type {WatchMessage} from '../../source/core/watch/data.js';
import {DEPLOYING_EVENTS, T0, details, event, fakeWatcher, makeConfig, manyEvents} from './fixtures.js';
import {frameLines, frameWidth, press, type Rendered, renderSized, waitForFrame} from './helpers.js';

const NOW = T0 + 130_000;
const ok = (at = NOW): WatchMessage => ({type: 'sync', state: {kind: 'ok', lastSuccessAt: at - 1000, nextPollAt: at + 4000}, at});
const KEYS = {down: '\u001B[B', up: '\u001B[A', enter: '\r', escape: '\u001B', backspace: '\u007F'};

let mounted: Rendered[] = [];
afterEach(() => {
	for (const rendered of mounted) rendered.unmount();
	mounted = [];
});

async function mount(messages: readonly WatchMessage[], options: {size?: {columns: number; rows: number}; config?: Partial<Config>; sink?: NudgeSink} = {}) {
	const size = options.size ?? {columns: 100, rows: 30};
	const {factory, watcher} = fakeWatcher();
	const rendered = renderSized(
		<App config={makeConfig(options.config)} watcherFactory={factory} now={() => NOW} initialColumns={size.columns} initialRows={size.rows} nudgeSink={options.sink ?? null} />,
		size,
	);
	mounted.push(rendered);
	for (const message of messages) watcher.emit(message);
	await waitForFrame(rendered.lastFrame, frame => frame.includes('updated'));
	return {...rendered, watcher};
}

const deploying: WatchMessage[] = [{type: 'events', events: DEPLOYING_EVENTS, at: NOW}, {type: 'details', details: details(), at: NOW}, ok()];
const finished: WatchMessage[] = [
	...deploying,
	{type: 'events', events: [event(140, '[TF 3.0.0] pull image success'), event(150, '[TF 3.0.0] starting model')], at: NOW},
	{type: 'details', details: details({status: 'running', progress: 100, config: [{model_name: 'TF', model_version: '3.0.0', status: 'ready'}]}), at: NOW},
	ok(NOW + 1000),
];

describe('search in the live view', () => {
	test('/ shows the typed text in the footer, filters live, and q is typed rather than quitting', async () => {
		const rendered = await mount([{type: 'events', events: manyEvents(30), at: NOW}, ok()]);
		await press(rendered, '/', frame => frame.includes('/▏'));
		const frame = await press(rendered, 'number 2q', frame => frame.includes('/number 2q▏'));
		expect(frame).toContain('no events match the search');
		await press(rendered, KEYS.backspace, frame => frame.includes('(11 events)'));
		const kept = await press(rendered, KEYS.enter, frame => frame.includes('search "number 2"'));
		expect(frameLines(kept).filter(line => line.includes('event number')).every(line => line.includes('number 2'))).toBe(true);
		await press(rendered, KEYS.escape, frame => frame.includes('(30 events)') && !frame.includes('search "'));
	});
});

describe('event details', () => {
	test('↓ marks a row without relying on colour; Enter shows the whole event, sanitised and wrapped; Esc closes', async () => {
		const long = `Failed to pull image: ${'layer sha256:abcdef '.repeat(8)}\u001B[31mred\u001B[0m end`;
		const rendered = await mount([...deploying, {type: 'events', events: [event(129, long, 'abnormal')], at: NOW}, ok(NOW + 1)], {size: {columns: 60, rows: 40}, config: {color: false}});
		const selected = await press(rendered, KEYS.down, frame => frame.includes('›'));
		expect(frameLines(selected).find(line => line.startsWith('›'))).toContain('Failed to pull image');
		const open = await press(rendered, KEYS.enter, frame => frame.includes('Esc closes'));
		expect(open).toMatch(/UTC\s+2026-11-27 16:02:09\.000 UTC/);
		expect(open).toMatch(/type\s+abnormal/);
		expect(open).toContain('␛[31mred␛[0m end');
		expect(open).not.toContain('\u001B[31m');
		expect(frameWidth(open)).toBeLessThanOrEqual(60);
		expect(frameLines(open).length).toBeLessThanOrEqual(39);
		// The text is wrapped, not cut: every word is there across the lines
		expect(open.match(/sha256:abcdef/g)).toHaveLength(8);
		await press(rendered, KEYS.escape, frame => !frame.includes('Esc closes') && frame.includes('Image building'));
	});
});

describe('pause and time display', () => {
	test('space freezes the table and counts what waits; space again shows it', async () => {
		const rendered = await mount(deploying);
		await press(rendered, ' ', frame => frame.includes('paused · 0 new'));
		rendered.watcher.emit({type: 'events', events: [event(129, 'arrived while paused')], at: NOW});
		const waiting = await waitForFrame(rendered.lastFrame, frame => frame.includes('paused · 1 new'));
		expect(waiting).not.toContain('arrived while paused');
		await press(rendered, ' ', frame => frame.includes('arrived while paused') && !frame.includes('paused ·'));
	});

	test('w with nothing to explain and u with no update say so in the footer instead of doing nothing', async () => {
		const rendered = await mount(deploying);
		const why = await press(rendered, 'w', frame => frame.includes('nothing to explain'));
		expect(why).toContain('Image pulling');
		await press(rendered, 'u', frame => frame.includes('no update to show'));
	});

	test('t shows ages on the server clock, then UTC', async () => {
		const rendered = await mount(deploying, {config: {timeZone: {kind: 'zone', name: 'Asia/Tokyo'}}});
		expect(rendered.lastFrame()).toContain('01:02:05');
		const ages = await press(rendered, 't', frame => /^age\s/m.test(frame));
		expect(ages).toContain('5s ago');
		const utc = await press(rendered, 't', frame => frame.includes('time (UTC)'));
		expect(utc).toContain('16:02:05');
	});
});

describe('completion: outcome line, timeline and nudge', () => {
	test('a deployment that ends while watched rings once, and the view shows how long it took and where the time went', async () => {
		const written: string[] = [];
		const rendered = await mount(deploying, {sink: {protocol: 'osc9', write: bytes => written.push(bytes)}});
		for (const message of finished.slice(deploying.length)) rendered.watcher.emit(message);
		const frame = await waitForFrame(rendered.lastFrame, text => text.includes('Deployed in'));
		expect(frame).toContain('✔ Deployed in 2m30s: the service is running');
		// The phases tile the deployment: the bar's total is the outcome's, model startup ending at the last event
		expect(frame).toMatch(/TF 3\.0\.0 █+▓+▒+░+▞+ Build 43% of 2m30s/);
		// The nudge follows the poll's end (its sync message), once
		await waitForFrame(() => written.join(''), text => text !== '');
		expect(written).toEqual(['\u0007\u001B]9;modelarts-watch: my-service deployed in 2m30s\u0007']);
		// Nothing written to the notification sink leaks into Ink's frames
		expect(rendered.stdout.frames.join('')).not.toContain('\u0007');
	});

	test('a service already running when the watch begins does not ring; the timeline has an ASCII form', async () => {
		// Given the first poll already finds the deployment over and the service running
		const written: string[] = [];
		const alreadyRunning = finished.filter(message => message.type !== 'sync' && !(message.type === 'details' && message.details.status === 'deploying'));
		const rendered = await mount([...alreadyRunning, ok(NOW + 1000)], {sink: {protocol: 'osc9', write: bytes => written.push(bytes)}, config: {ascii: true}});
		const frame = await waitForFrame(rendered.lastFrame, text => text.includes('Deployed in'));
		expect(frame).toMatch(/TF 3\.0\.0 B+E+S+P+M+ Build 43%/);
		expect(frame).toContain('B Build 1m05s');
		// Then, once every effect has run, nothing was rung
		await new Promise(resolve => setTimeout(resolve, 0));
		expect(written).toEqual([]);
	});

	test.each([
		{columns: 40, rows: 12},
		{columns: 80, rows: 14},
	])('the timeline gives way on a $columns×$rows terminal; the frame still fits', async size => {
		const rendered = await mount(finished, {size});
		const frame = await waitForFrame(rendered.lastFrame, text => text.includes('Deployed') || text.includes('running'));
		expect(frameLines(frame).length).toBeLessThanOrEqual(size.rows - 1);
		expect(frameWidth(frame)).toBeLessThanOrEqual(size.columns);
	});
});

describe('help', () => {
	test('lists every key, including the new ones', async () => {
		const rendered = await mount(deploying, {size: {columns: 100, rows: 30}});
		const help = await press(rendered, '?', frame => frame.includes('Keys'));
		for (const text of ['↑/↓', 'Enter', '/', 'space', 't ', 'Esc', 'q Ctrl+C', 'times: local → relative → UTC']) expect(help).toContain(text);
	});
});

describe('keys in one chunk', () => {
	test('"/" and text, and several Backspaces, each count as keys of their own', async () => {
		const rendered = await mount([{type: 'events', events: manyEvents(30), at: NOW}, ok()]);
		await press(rendered, '/number 2xx', frame => frame.includes('/number 2xx▏'));
		await press(rendered, '\u007F\u007F', frame => frame.includes('/number 2▏') && frame.includes('(11 events)'));
	});
});
