import React from 'react';
import {afterEach, describe, expect, test} from 'vitest';
import type {ServiceFacts} from '../../source/model/watch-end-many.js';
import type {WatchFacts} from '../../source/model/watch-end.js';
import type {WatchMessage} from '../../source/model/watch-messages.js';
import {Overview} from '../../source/overview.js';
import {DEPLOYING_EVENTS, T0, details, event, fakeWatcher, makeConfig, type FakeWatcher} from './fixtures.js';
import {frameLines, frameWidth, renderSized, waitForFrame, type Rendered} from './helpers.js';

let mounted: Rendered[] = [];
afterEach(() => {
	for (const rendered of mounted) rendered.unmount();
	mounted = [];
});

const SERVICES = [
	{serviceId: 'id-a', name: 'alpha'},
	{serviceId: 'id-b', name: 'beta-\u001B[2Jhostile'},
	{serviceId: 'id-c', name: null},
];

function mount(size = {columns: 120, rows: 40}) {
	const watchers = new Map<string, FakeWatcher>();
	const facts: Array<[string, Partial<ServiceFacts>]> = [];
	const reports: Array<Partial<WatchFacts>> = [];
	const rendered = renderSized(
		<Overview
			config={makeConfig({serviceId: null, serviceName: null, intervalMs: 60_000})}
			services={SERVICES}
			watcherFor={serviceId => {
				const {factory, watcher} = fakeWatcher();
				watchers.set(serviceId, watcher);
				return factory;
			}}
			now={() => T0 + 200_000}
			report={change => reports.push(change)}
			reportService={(serviceId, change) => facts.push([serviceId, change])}
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

	return {...rendered, watchers, facts, reports, emit, poll};
}

/** Writes `key` until the frame satisfies `until`: a screen that just mounted subscribes to input a moment after its first frame. */
async function pressUntil(rendered: Rendered, key: string, until: (frame: string) => boolean): Promise<string> {
	for (let attempt = 0; ; attempt++) {
		rendered.stdin.write(key);
		try {
			return await waitForFrame(rendered.lastFrame, until, 500);
		} catch (error) {
			if (attempt >= 10) throw error;
		}
	}
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
		expect(frame).toMatch(/3 services · 1 connecting · 1 deploying · 1 failed · 3m20s/);
		const lines = frameLines(frame);
		const rowOf = (text: string) => lines.findIndex(line => line.includes(text));
		expect(rowOf('alpha')).toBeLessThan(rowOf('hostile'));
		expect(rowOf('id-c')).toBeLessThan(rowOf('hostile'));
		expect(lines[rowOf('alpha')]).toMatch(/›\s+▸\s+alpha\s+deploying 40%\s+Pull 1m10s\s+! 1\s+\[TF 3\.0\.0\] pulling/);
		expect(lines[rowOf('hostile')]).toMatch(/✖\s+beta-␛\[2Jhostile\s+failed\s+failed after \d+m\d+s\s+! 2/);
		expect(rendered.lastRawFrame()).not.toContain('\u001B[2J');
	});

	test('Enter opens the selected service as the single view shows it; Esc comes back to the overview', async () => {
		const rendered = mount();
		rendered.poll('id-a', 'deploying', 'alpha');
		await waitForFrame(rendered.lastFrame, text => text.includes('Pull 1m10s'));

		const single = await pressUntil(rendered, '\r', text => text.includes('Image pulling'));
		expect(single).toContain('alpha');
		expect(single).toContain('Esc back');
		expect(single).toContain('[TF 3.0.0] pulling model image');

		const back = await pressUntil(rendered, '\u001B', text => text.includes('3 services'));
		expect(back).toMatch(/›\s+▸\s+alpha/);
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
		expect(frameLines(frame).find(line => line.includes('alpha'))).toMatch(/Pull 1m10s\s+1\/2\s+! 1/);
	});

	test('tells the end rule each service\'s facts, and q', async () => {
		const rendered = mount();
		rendered.poll('id-a', 'running', 'alpha');
		await waitForFrame(rendered.lastFrame, () => rendered.facts.some(([id, change]) => id === 'id-a' && change.outcome === 'succeeded' && change.polled === true));
		await pressUntil(rendered, 'q', () => rendered.reports.some(report => report.key === 'quit'));
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
