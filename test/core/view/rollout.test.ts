// The live view's state for instances, updates and the monitor's absence: what it derives,
// when it asks for the update logs, and the keys of the update line and its overlay.
import {describe, expect, test} from 'vitest';
import type {ServiceMonitor, UpdateLogRecord} from '../../../source/core/types.js';
import {finalView} from '../../../source/core/view/reducer.js';
import {initialViewState} from '../../../source/core/view/initial.js';
import type {ViewAction, ViewState} from '../../../source/core/view/types.js';
import {T0, details, event, makeConfig} from '../../ui/fixtures.js';
import {runView as run} from './run-view.js';
import {diagnoseShown} from '../../../source/core/view/diagnose.js';

function start(rows = 30): ViewState {
	return initialViewState({diagnose: diagnoseShown, config: makeConfig(), now: T0, columns: 120, rows});
}


const UPDATE_EVENTS = [
	event(0, 'The service is being updated.'),
	event(2, 'building image for model [resnet 1.1.0]'),
	event(11, 'model (resnet 1.1.0) build image success'),
];
const RECORDS: UpdateLogRecord[] = [
	{update_time: T0, result: 'RUNNING', config: [{model_name: 'resnet', model_version: '1.1.0', instance_count: 2}]},
	{update_time: T0 - 86_400_000, result: 'SUCCESS', config: [{model_name: 'resnet', model_version: '1.0.0', instance_count: 1}]},
];
const resnet = (status: string) => details({status, config: [{model_name: 'resnet', model_version: '1.1.0', status: status === 'running' ? 'ready' : 'notReady', instance_count: 2}]});
const monitor = (running: number): ServiceMonitor => ({
	service_running_instance_count: running,
	service_instance_count: 2,
	monitors: [{model_name: 'resnet', model_version: '1.1.0', model_running_instance_count: running, model_instance_count: 2, cpu_core_usage: 2.4, cpu_core_total: 4}],
});

/** An update under way whose logs were asked for and read. */
function updating(rows = 30) {
	const asked = run(start(rows), {type: 'events', events: UPDATE_EVENTS, at: T0}, {type: 'details', details: resnet('deploying'), at: T0});
	return {...asked, state: run(asked.state, {type: 'update-logs', records: RECORDS, at: T0}).state};
}

describe('instances', () => {
	test('the monitor answer is attributed to the models, and the outcome says how many run', () => {
		const {state} = run(updating().state, {type: 'monitor', monitor: monitor(2), at: T0}, {type: 'details', details: resnet('running'), at: T0});
		expect(state.instances?.models.map(model => [model.model, model.running, model.total])).toEqual([['resnet 1.1.0', 2, 2]]);
		expect(state.notices[0]?.text).toMatch(/^Deployed in \d+s: 2\/2 instances running$/);
		expect(state.layout.resourceLines).toBe(1);
	});

	test('no resource line while the deployment runs', () => {
		const {state} = run(updating().state, {type: 'monitor', monitor: monitor(1), at: T0});
		expect(state.instances?.running).toBe(1);
		expect(state.layout.resourceLines).toBe(0);
	});

	test('a monitor that is not there is said once, as an info notice', () => {
		const unavailable: ViewAction = {type: 'monitor-unavailable', reason: 'HTTP 403 ModelArts.0204', at: T0};
		const {state} = run(start(), unavailable, unavailable);
		expect(state.notices.filter(notice => notice.kind === 'info').map(notice => notice.text)).toEqual(['Monitor unavailable (HTTP 403 ModelArts.0204): no instance counts']);
	});
});

describe('the update logs', () => {
	test('are asked for when an update begins, and again when it ends, never for a fresh deploy', () => {
		const began = updating();
		expect(began.effects).toEqual([{type: 'read-update-logs'}]);
		const ended = run(began.state, {type: 'details', details: resnet('running'), at: T0});
		expect(ended.effects).toEqual([{type: 'read-update-logs'}]);
		const fresh = run(start(), {type: 'events', events: [event(0, 'start to deploy service')], at: T0}, {type: 'details', details: details({status: 'running'}), at: T0});
		expect(fresh.effects).toEqual([]);
	});

	test('say what changes on the update line, which the layout grants a row', () => {
		const {state} = updating();
		expect(state.update?.changes.map(change => change.field)).toEqual(['model_version', 'instance_count']);
		expect(state.layout.updateLines).toBe(1);
	});

	test('that are not there change nothing', () => {
		const before = updating().state;
		expect(run(before, {type: 'update-logs-unavailable', reason: 'HTTP 404', at: T0}).state).toBe(before);
	});
});

describe('the update line and its overlay', () => {
	test('u opens what the update changes and closes it again; Esc closes it first', () => {
		const {state} = updating();
		const open = run(state, {type: 'open-update'}).state;
		expect(open.settings.overlay).toBe('update');
		expect(run(open, {type: 'open-update'}).state.settings.overlay).toBe('none');
		expect(run(open, {type: 'escape'}).state.settings.overlay).toBe('none');
	});

	test('u opens nothing without an update, and says so', () => {
		const before = run(start(), {type: 'events', events: [event(0, 'start to deploy service')], at: T0}).state;
		const after = run(before, {type: 'open-update'}).state;
		expect(after.settings).toBe(before.settings);
		expect(after.flash?.text).toBe('no update to show');
	});

	test('↑ from the first event selects the update line, Enter there opens the update, ↓ goes back to the events', () => {
		// Given an update, newest first, with the first event row selected
		const first = run(updating().state, {type: 'select-next'}).state;
		expect(first.settings.selected?.key).toBe(first.page.rows[0]!.key);

		// When ↑ moves above it
		const line = run(first, {type: 'select-prev'}).state;
		expect(line.settings).toMatchObject({selected: null, lineSelected: 'update'});
		expect(run(line, {type: 'select-prev'}).state).toBe(line);

		// Then Enter opens the update, and ↓ returns to the first row
		expect(run(line, {type: 'open-detail'}).state.settings).toMatchObject({overlay: 'update'});
		expect(run(line, {type: 'select-next'}).state.settings).toMatchObject({lineSelected: null, selected: {key: first.page.rows[0]!.key}});
		expect(run(line, {type: 'escape'}).state.settings.lineSelected).toBeNull();
	});

	test('without the line on screen (a tiny terminal) ↑ stays on the first event', () => {
		const first = run(updating(7).state, {type: 'select-next'}).state;
		expect(first.layout.updateLines).toBe(0);
		expect(run(first, {type: 'select-prev'}).state.settings.lineSelected).toBeNull();
	});

	test('the frame kept at the end shows the deployment, not the overlay', () => {
		const open = run(updating().state, {type: 'open-update'}).state;
		expect(finalView(open).settings.overlay).toBe('none');
	});
});
