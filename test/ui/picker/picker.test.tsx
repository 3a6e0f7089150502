import React from 'react';
import {afterEach, describe, expect, test} from 'vitest';
import {TransientError} from '../../../source/api/errors.js';
import type {ServiceSummary} from '../../../source/core/types.js';
import type {RootEffect} from '../../../source/core/picker/root.js';
import {createRootProgram, Root} from '../../../source/root.js';
import {T0, fakeWatcher, makeConfig} from '../fixtures.js';
import {frameLines, frameWidth, pressUntil, type Rendered, renderSized, waitForFrame} from '../helpers.js';

const SERVICES: ServiceSummary[] = [
	{service_id: 'id-a', service_name: 'alpha-running', status: 'running', transition_at: T0 - 3_600_000},
	{service_id: 'id-b', service_name: 'beta-deploying', status: 'deploying', transition_at: T0 - 120_000},
	{service_id: 'id-c', service_name: 'gamma-failed', status: 'failed', transition_at: T0 - 86_400_000 * 3},
	{service_id: 'id-d', service_name: 'delta-\u001B[2Jstopped', status: 'stopped', transition_at: T0 - 60_000},
];

let mounted: Rendered[] = [];
afterEach(() => {
	for (const rendered of mounted) rendered.unmount();
	mounted = [];
});

function mount(size = {columns: 80, rows: 24}, loadServices = async () => SERVICES) {
	const watched: string[] = [];
	const effects: RootEffect[] = [];
	const program = createRootProgram(T0, size.columns, size.rows, {once: false, exitStatus: false, timeoutMs: null}, effect => effects.push(effect));
	const rendered = renderSized(
		<Root
			config={makeConfig({serviceId: null, serviceName: null})}
			program={program}
			loadServices={loadServices}
			watcherFor={serviceId => {
				watched.push(serviceId);
				return fakeWatcher().factory;
			}}
			now={() => T0}
		/>,
		size,
	);
	mounted.push(rendered);
	return {...rendered, watched, effects, program};
}

const press = (rendered: Rendered, key: string, until: (frame: string) => boolean) => {
	rendered.stdin.write(key);
	return waitForFrame(rendered.lastFrame, until);
};

describe('the service picker', () => {
	test('lists the services by urgency with status and age; server text is sanitised', async () => {
		const rendered = mount();
		const frame = await waitForFrame(rendered.lastFrame, text => text.includes('alpha-running'));
		const order = ['beta-deploying', 'gamma-failed', 'delta', 'alpha-running'].map(name => frame.indexOf(name));
		expect(order).toEqual([...order].sort((a, b) => a - b));
		expect(frame).toMatch(/›\s+beta-deploying\s+deploying\s+2m ago/);
		expect(frame).toContain('delta-␛[2Jstopped');
		expect(frame).toMatch(/gamma-failed\s+failed\s+3d ago/);
	});

	test('typing filters, Enter watches the selection, Esc comes back with the filter kept', async () => {
		const rendered = mount();
		await waitForFrame(rendered.lastFrame, text => text.includes('alpha-running'));
		await press(rendered, 'AL', text => text.includes('filter AL') && !text.includes('beta-deploying'));
		await press(rendered, '\r', text => text.includes('alpha-running') && text.includes('waiting for events'));
		expect(rendered.watched).toEqual(['id-a']);
		const back = await pressUntil(rendered, '\u001B', text => text.includes('filter AL'));
		expect(back).toContain('alpha-running');
		expect(back).not.toContain('beta-deploying');
	});

	test('↓ moves the selection; q with an empty filter asks to quit', async () => {
		const rendered = mount();
		await waitForFrame(rendered.lastFrame, text => text.includes('alpha-running'));
		await press(rendered, '\u001B[B', text => /›\s+gamma-failed/.test(text));
		rendered.stdin.write('q');
		await waitForFrame(rendered.lastFrame, () => rendered.effects.length > 0);
		expect(rendered.effects).toEqual([{type: 'exit', ending: expect.objectContaining({reason: 'quit', exitCode: 0})}]);
	});

	test('a watch sent back by a permanent error shows why above the list, which keeps its filter', async () => {
		const rendered = mount();
		await waitForFrame(rendered.lastFrame, text => text.includes('alpha-running'));
		await press(rendered, 'gam', text => text.includes('filter gam'));
		await press(rendered, '\r', text => text.includes('waiting for events'));
		rendered.program.dispatch({type: 'back', columns: 80, rows: 24, now: T0, notice: 'Service id-c does not exist'});
		const back = await waitForFrame(rendered.lastFrame, text => text.includes('filter gam'));
		expect(back).toContain('✖ gamma-failed: Service id-c does not exist');
		expect(back).not.toContain('alpha-running');
	});

	test('a failed load says why; the picker fits 40×12', async () => {
		const rendered = mount({columns: 40, rows: 12}, async () => {
			throw new TransientError('Service temporarily unavailable (HTTP 503)', 503);
		});
		const frame = await waitForFrame(rendered.lastFrame, text => text.includes('Service temporari'));
		expect(frameLines(frame).length).toBeLessThanOrEqual(11);
		expect(frameWidth(frame)).toBeLessThanOrEqual(40);
	});

	test.each([
		{columns: 40, rows: 12},
		{columns: 120, rows: 40},
	])('the list fits $columns×$rows', async size => {
		const many = Array.from({length: 30}, (_, index) => ({service_id: `id-${index}`, service_name: `service-with-a-rather-long-name-${index}`, status: 'running', transition_at: T0 - index * 1000}));
		const rendered = mount(size, async () => many);
		const frame = await waitForFrame(rendered.lastFrame, text => text.includes('service-with'));
		expect(frameLines(frame).length).toBeLessThanOrEqual(size.rows - 1);
		expect(frameWidth(frame)).toBeLessThanOrEqual(size.columns);
	});
});
