import {describe, expect, test} from 'vitest';
import type {KeyPress} from '../../../source/core/key-press.js';
import {listWindowStart, pickerLayout} from '../../../source/core/picker/layout.js';
import {initialPickerState, selectedService, sortServices, reducePicker, visibleServices, type PickerAction, type PickerEffect, type PickerState} from '../../../source/core/picker/reducer.js';
import type {ServiceSummary} from '../../../source/core/types.js';

const service = (name: string, status: string, changedAt: number): ServiceSummary => ({service_id: `id-${name}`, service_name: name, status, transition_at: changedAt});

const SERVICES = [
	service('old-running', 'running', 100),
	service('new-running', 'running', 900),
	service('broken', 'failed', 50),
	service('queued', 'waiting', 10),
	service('rolling', 'deploying', 500),
	service('parked', 'stopped', 950),
];

function run(state: PickerState, ...actions: PickerAction[]): PickerState {
	return actions.reduce((current, action) => reducePicker(current, action)[0], state);
}

/** The effects of `action` after `before`. */
function effectsOf(state: PickerState, action: PickerAction): readonly PickerEffect[] {
	return reducePicker(state, action)[1];
}

const key = (text: string, name: KeyPress['name'] = null, ctrl = false): PickerAction => ({type: 'key', press: {text, name, ctrl, meta: false}});

const loaded = (services = SERVICES): PickerState => run(initialPickerState(0, 80, 24), {type: 'loaded', services, at: 1});

describe('the service picker state', () => {
	test('sorts deploying and waiting first, then failed, then the rest; most recently changed first in each', () => {
		expect(sortServices(SERVICES).map(s => s.service_name)).toEqual(['rolling', 'queued', 'broken', 'parked', 'new-running', 'old-running']);
	});

	test('typing filters by name, case-insensitively, and selects the first match', () => {
		const state = run(loaded(), {type: 'move', step: 3}, {type: 'filter-input', text: 'RUN'});
		expect(visibleServices(state).map(s => s.service_name)).toEqual(['new-running', 'old-running']);
		expect(selectedService(state)?.service_name).toBe('new-running');
	});

	test('the selection is kept by id when a refresh reorders the list', () => {
		const state = run(loaded(), {type: 'move', step: 2});
		expect(selectedService(state)?.service_name).toBe('broken');
		const refreshed = run(state, {type: 'loaded', services: [...SERVICES, service('brand-new', 'deploying', 999)], at: 2});
		expect(selectedService(refreshed)?.service_name).toBe('broken');
	});

	test('↑/↓ stop at the ends; Enter picks the selection', () => {
		const top = run(loaded(), {type: 'move', step: -5});
		expect(selectedService(top)?.service_name).toBe('rolling');
		const bottom = run(loaded(), {type: 'move', step: 99});
		expect(effectsOf(bottom, key('', 'return'))).toEqual([{type: 'watch', service: expect.objectContaining({service_name: 'old-running'})}]);
	});

	test('q quits with an empty filter and is a letter once typing, even within one burst of keys', () => {
		expect(effectsOf(loaded(), key('q'))).toEqual([{type: 'quit'}]);
		const typing = reducePicker(loaded(), key('aq'));
		expect(typing[0].filter).toBe('aq');
		expect(typing[1]).toEqual([]);
		expect(effectsOf(typing[0], key('c', null, true))).toEqual([{type: 'interrupt'}]);
	});

	test('Backspace inside a burst edits the filter, and takes a whole grapheme', () => {
		expect(run(loaded(), key('ab\u007F'), key('👍🏽'), key('', 'backspace')).filter).toBe('a');
	});

	test('PgDn moves a screenful of the list; Esc clears the filter', () => {
		const many = Array.from({length: 40}, (_, index) => service(`svc-${String(index).padStart(2, '0')}`, 'running', 1000 - index));
		const state = run(initialPickerState(0, 80, 12), {type: 'loaded', services: many, at: 1}, key('', 'pageDown'));
		expect(selectedService(state)?.service_name).toBe(`svc-${String(pickerLayout(12).listRows).padStart(2, '0')}`);
		expect(run(state, key('svc'), key('', 'escape')).filter).toBe('');
	});

	test('coming back from a watch takes the new size and says why the watch ended', () => {
		const back = run(loaded(), {type: 'returned', columns: 100, rows: 30, now: 5, notice: 'Service x does not exist'});
		expect(back).toMatchObject({columns: 100, rows: 30, now: 5, notice: 'Service x does not exist'});
		expect(run(back, {type: 'pick'}).notice).toBeNull();
	});

	test('a failed refresh keeps the list and says why; Esc clears the filter', () => {
		const failed = run(loaded(), {type: 'filter-input', text: 'x'}, {type: 'load-failed', reason: 'HTTP 503', at: 3});
		expect(failed.services).toHaveLength(SERVICES.length);
		expect(failed.error).toBe('HTTP 503');
		expect(run(failed, {type: 'filter-clear'}).filter).toBe('');
	});

	test('actions that change nothing return the same state', () => {
		const state = loaded();
		for (const action of [{type: 'filter-backspace'}, {type: 'filter-clear'}, {type: 'move', step: -1}, {type: 'resize', columns: 80, rows: 24}] as const) {
			expect(reducePicker(state, action)).toEqual([state, []]);
			expect(reducePicker(state, action)[0]).toBe(state);
		}
	});
});

describe('picker layout', () => {
	test.each([
		[24, false, {title: true, notice: false, tableHeader: true, footer: true, listRows: 19}],
		[24, true, {title: true, notice: true, tableHeader: true, footer: true, listRows: 18}],
		[12, false, {title: true, notice: false, tableHeader: true, footer: true, listRows: 7}],
		[6, false, {title: true, notice: false, tableHeader: false, footer: true, listRows: 2}],
		[6, true, {title: true, notice: true, tableHeader: false, footer: false, listRows: 2}],
		[3, true, {title: false, notice: false, tableHeader: false, footer: false, listRows: 1}],
	])('%i rows (notice %s) → %j (never more than rows − 1 lines)', (rows, notice, expected) => {
		const layout = pickerLayout(rows, notice);
		expect(layout).toEqual(expected);
		expect(Number(layout.title) + Number(layout.notice) + Number(layout.tableHeader) + Number(layout.footer) + 1 + layout.listRows).toBeLessThanOrEqual(rows - 1);
	});

	test.each([
		[0, 10, 4, 0],
		[5, 10, 4, 3],
		[9, 10, 4, 6],
		[3, 3, 4, 0],
	])('selection %i of %i in %i rows starts the window at %i', (selected, count, rows, start) => {
		expect(listWindowStart(selected, count, rows)).toBe(start);
	});
});
