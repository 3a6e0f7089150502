// Endings as commands: the end messages and the keys go into the reducer, which applies the
// one rule and returns the exit effect with a final frame that nothing changes any more.
import {describe, expect, it} from 'vitest';
import {initialPickerState} from '../../../source/core/picker/reducer.js';
import {initialRootState, reduceRoot, type RootState} from '../../../source/core/picker/root.js';
import type {ServiceSummary} from '../../../source/core/types.js';
import {initialViewState} from '../../../source/core/view/initial.js';
import type {EndRules} from '../../../source/core/ending/watch-end.js';
import {apiEvents, details, T0} from '../fixtures.js';
import {runView} from '../view/run-view.js';
import {diagnoseShown} from '../../../source/core/view/diagnose.js';

const RULES: EndRules = {once: false, exitStatus: true, timeoutMs: 60_000};
const FAILURE = {exitCode: 3, message: 'modelarts-watch: rejected', reason: 'rejected'};

function view(rules: EndRules = RULES, canGoBack = false) {
	return initialViewState({diagnose: diagnoseShown, config: {typeFilter: 'all', order: 'desc'}, now: T0 + 60_000, columns: 100, rows: 30, canGoBack, endRules: rules});
}

const polled = {type: 'sync', state: {kind: 'ok', lastSuccessAt: T0 + 60_000, nextPollAt: T0 + 64_000}, at: T0 + 60_000} as const;
const failed = [{type: 'events', events: apiEvents('start to deploy service'), at: T0 + 60_000}, {type: 'details', details: details('failed'), at: T0 + 60_000}] as const;

describe('the live view decides its end', () => {
	it('the watcher ending after a failure exits with 1 under --exit-status, keeping a frame with no countdown, overlay or selection', () => {
		const {state, effects} = runView(view(), ...failed, polled, {type: 'toggle-help'}, {type: 'select-next'}, {type: 'watch-done', failure: null});
		expect(effects).toEqual([{type: 'exit', ending: expect.objectContaining({reason: 'terminal', exitCode: 1})}]);
		expect(state.final).toBe(true);
		expect(state.settings).toMatchObject({overlay: 'none', selected: null, lineSelected: null});
		expect(state.sync).toMatchObject({kind: 'ok', nextPollAt: null});
		expect(runView(state, {type: 'toggle-help'}, {type: 'timeout'}, {type: 'quit'}).state).toBe(state);
	});

	it('--timeout while the deployment runs exits with 5 and says so', () => {
		const {effects} = runView(view(), polled, {type: 'timeout'});
		expect(effects).toEqual([{type: 'exit', ending: expect.objectContaining({reason: 'timeout', exitCode: 5, message: expect.stringContaining('--timeout reached')})}]);
	});

	it('a permanent error exits with its code; opened from the picker it goes back with the reason instead', () => {
		expect(runView(view(), {type: 'watch-done', failure: FAILURE}).effects).toEqual([{type: 'exit', ending: expect.objectContaining({reason: 'failure', exitCode: 3})}]);
		const back = runView(view({...RULES, fromPicker: true}, true), {type: 'watch-done', failure: FAILURE});
		expect(back.effects).toEqual([{type: 'back', notice: 'rejected'}]);
		expect(back.state.final).toBe(false);
	});

	it('a view without end rules (inside the overview) passes q on and never exits by itself', () => {
		const inner = initialViewState({diagnose: diagnoseShown, config: {typeFilter: 'all', order: 'desc'}, now: T0, columns: 100, rows: 30});
		expect(runView(inner, {type: 'timeout'}, {type: 'quit'}).effects).toEqual([{type: 'quit'}]);
	});
});

describe('the picker decides the end while the list shows', () => {
	const listed = (): RootState => initialRootState(initialPickerState(T0, 100, 30), RULES);
	const watching = (): RootState => ({...listed(), screen: {kind: 'watch', service: {service_id: 'id', service_name: 'alpha'} as ServiceSummary, serial: 1}});

	it('a signal in the list exits with its code; while a watch shows, its view takes it', () => {
		expect(reduceRoot(listed(), {type: 'signal', signal: 'SIGTERM'})[1]).toEqual([{type: 'exit', ending: expect.objectContaining({reason: 'signal', exitCode: 143})}]);
		const state = watching();
		expect(reduceRoot(state, {type: 'signal', signal: 'SIGTERM'})).toEqual([state, []]);
	});

	it('--timeout in the list ends the run with 5: nothing of an earlier watch counts', () => {
		expect(reduceRoot(listed(), {type: 'timeout'})[1]).toEqual([{type: 'exit', ending: expect.objectContaining({reason: 'timeout', exitCode: 5})}]);
	});
});
