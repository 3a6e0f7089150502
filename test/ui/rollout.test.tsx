// What the live view shows of instances, an update and auto-stop: counts beside each model
// and in the header, the resource line once running, the update line with its overlay, and
// the auto-stop countdown. Frames are read as a person would, ANSI stripped.
import React from 'react';
import {afterEach, describe, expect, test} from 'vitest';
import {App} from '../../source/app.js';
import type {ServiceMonitor, UpdateLogRecord} from '../../source/core/types.js';
import type {WatchMessage} from '../../source/core/watch/data.js';
import {T0, details, event, fakeWatcher, makeConfig} from './fixtures.js';
import {frameLines, frameWidth, press, type Rendered, renderSized, waitForFrame} from './helpers.js';

const NOW = T0 + 60_000;
const ok = (at = NOW): WatchMessage => ({type: 'sync', state: {kind: 'ok', lastSuccessAt: at - 1000, nextPollAt: at + 4000}, at});
const KEYS = {up: '\u001B[A', down: '\u001B[B', enter: '\r', escape: '\u001B'};

let mounted: Rendered[] = [];
afterEach(() => {
	for (const rendered of mounted) rendered.unmount();
	mounted = [];
});

async function mount(messages: readonly WatchMessage[], size = {columns: 100, rows: 30}) {
	const {factory, watcher} = fakeWatcher();
	const rendered = renderSized(<App config={makeConfig({color: false})} watcherFactory={factory} now={() => NOW} initialColumns={size.columns} initialRows={size.rows} />, size);
	mounted.push(rendered);
	for (const message of messages) watcher.emit(message);
	await waitForFrame(rendered.lastFrame, frame => frame.includes('updated'));
	return {...rendered, watcher};
}

const MODELS = [
	{model_name: 'resnet', model_version: '1.0.0', status: 'ready'},
	{model_name: 'bert', model_version: '2.1.0', status: 'notReady'},
];
const twoModels = (running: readonly [number, number], status = 'deploying'): WatchMessage[] => [
	{type: 'events', events: [event(0, 'start to deploy service'), event(5, '[resnet 1.0.0] starting model'), event(6, '[bert 2.1.0] starting model')], at: NOW},
	{type: 'details', details: details({status, config: MODELS}), at: NOW},
	{
		type: 'monitor',
		monitor: {
			service_running_instance_count: running[0] + running[1],
			service_instance_count: 3,
			monitors: [
				{model_name: 'resnet', model_version: '1.0.0', model_running_instance_count: running[0], model_instance_count: 1, cpu_core_usage: 2.4, cpu_core_total: 4, cpu_memory_usage: 2048, cpu_memory_total: 8192},
				{model_name: 'bert', model_version: '2.1.0', model_running_instance_count: running[1], model_instance_count: 2, cpu_core_usage: 1, cpu_core_total: 2},
			],
		},
		at: NOW,
	},
	ok(),
];

describe('instances', () => {
	test('each model shows its instances next to its readiness, and the header the service total', async () => {
		const rendered = await mount(twoModels([1, 1]));
		const frame = rendered.lastFrame();
		expect(frame).toContain('resnet 1.0.0 (ready, 1/1 instance)');
		expect(frame).toContain('bert 2.1.0 (notReady, 1/2 instances)');
		expect(frameLines(frame)[0]).toMatch(/deploying .*2\/3 instances/);
		expect(frame).not.toContain('resources');
	});

	test('once the service runs, the outcome gives the counts and one line the resource use', async () => {
		const rendered = await mount(twoModels([1, 2], 'running'));
		const frame = rendered.lastFrame();
		expect(frame).toContain('Deployed in 6s: 3/3 instances running');
		expect(frame).toContain('resources  resnet 1.0.0: cpu 2.4/4 · mem 2.0/8 GiB; bert 2.1.0: cpu 1.0/2');
	});

	test('a running service with fewer instances than asked for does not read as a clean success', async () => {
		const rendered = await mount(twoModels([1, 1], 'running'));
		expect(rendered.lastFrame()).toContain('Deployed in 6s: running with 2/3 instances ready');
	});

	test('on a small terminal the resource line is the first to go', async () => {
		const rendered = await mount(twoModels([1, 2], 'running'), {columns: 100, rows: 14});
		const frame = rendered.lastFrame();
		expect(frame).not.toContain('resources');
		expect(frame).toContain('Deployed in 6s: 3/3 instances running');
		expect(frameLines(frame).length).toBeLessThanOrEqual(13);
	});
});

const RECORDS: UpdateLogRecord[] = [
	{update_time: T0, result: 'RUNNING', config: [{model_name: 'resnet', model_version: '1.1.0', instance_count: 2, envs: {DB_PASSWORD: 'fp-b', CACHE_SIZE_MB: 'fp-c'}}]},
	{update_time: T0 - 86_400_000, result: 'SUCCESS', config: [{model_name: 'resnet', model_version: '1.0.0', instance_count: 1, envs: {DB_PASSWORD: 'fp-a'}}]},
];
const updating: WatchMessage[] = [
	{type: 'events', events: [event(0, 'The service is being updated.'), event(2, 'building image for model [resnet 1.1.0]')], at: NOW},
	{type: 'details', details: details({status: 'deploying', config: [{model_name: 'resnet', model_version: '1.1.0', status: 'notReady'}]}), at: NOW},
	{type: 'update-logs', records: RECORDS, at: NOW},
	ok(),
];

describe('an update', () => {
	test('asks the watcher for the update logs, and shows what changes on a line under the header', async () => {
		const rendered = await mount(updating);
		expect(rendered.watcher.calls).toContain('read-update-logs');
		const lines = frameLines(rendered.lastFrame());
		// 100 columns: the end of the env part gives way, as any line too long for the terminal.
		expect(lines[2]).toMatch(/^update running: resnet 1\.0\.0 → 1\.1\.0 · instances 1 → 2 · env CACHE_SIZE_MB added; DB_PASSWORD chang…$/);
		expect(lines.at(-1)).toContain('u update');
	});

	test('u opens the whole change, Esc closes it', async () => {
		const rendered = await mount(updating);
		const open = await press(rendered, 'u', frame => frame.includes('Esc closes'));
		expect(open).toMatch(/result\s+RUNNING/);
		expect(open).toContain('resnet: version 1.0.0 → 1.1.0');
		expect(open).toContain('resnet: instances 1 → 2');
		expect(open).toContain('resnet: env CACHE_SIZE_MB added; DB_PASSWORD changed');
		expect(open).not.toContain('building image');
		expect(frameWidth(open)).toBeLessThanOrEqual(100);
		await press(rendered, KEYS.escape, frame => !frame.includes('Esc closes') && frame.includes('building image'));
	});

	test('↑ above the first event selects the update line; Enter there opens it', async () => {
		const rendered = await mount(updating);
		await press(rendered, KEYS.down, frame => frameLines(frame).some(line => line.startsWith('›') && line.includes('building image')));
		const selected = await press(rendered, KEYS.up, frame => frame.includes('› update running'));
		expect(frameLines(selected).filter(line => line.startsWith('›'))).toHaveLength(1);
		await press(rendered, KEYS.enter, frame => frame.includes('Esc closes') && frame.includes('resnet: instances 1 → 2'));
	});
});

describe('auto-stop', () => {
	test('the header says when the service stops by itself', async () => {
		const monitor: ServiceMonitor = {monitors: []};
		const rendered = await mount([
			{type: 'events', events: [event(0, 'start to deploy service')], at: NOW},
			{type: 'details', details: details({status: 'running', due_time: NOW + 58 * 60_000 + 30_000}), at: NOW},
			{type: 'monitor', monitor, at: NOW},
			ok(),
		]);
		expect(frameLines(rendered.lastFrame())[0]).toMatch(/running.*auto-stop in 58m$/);
	});
});
