// The watch-end rule (model/watch-end.ts) reads what the live view reports: the outcome on
// screen, whether the details API is usable, the first poll, and q / Ctrl+C. The CLI decides
// on the next timer after the watcher's last message, so the view must have reported by then.
import React from 'react';
import {afterEach, describe, expect, test} from 'vitest';
import {App} from '../../source/app.js';
import type {Outcome} from '../../source/model/types.js';
import type {WatchFacts} from '../../source/model/watch-end.js';
import type {WatchMessage} from '../../source/model/watch-messages.js';
import {DEPLOYING_EVENTS, T0, details, fakeWatcher, makeConfig} from './fixtures.js';
import {renderSized, waitForFrame, type Rendered} from './helpers.js';

const NOW = T0 + 130_000;
const nextTimer = () => new Promise(resolve => setTimeout(resolve, 0));

let mounted: Rendered | null = null;
afterEach(() => {
	mounted?.unmount();
	mounted = null;
});

function mountReporting() {
	const reported: Array<Partial<WatchFacts>> = [];
	const {factory, watcher} = fakeWatcher();
	mounted = renderSized(
		<App config={makeConfig()} watcherFactory={factory} now={() => NOW} initialColumns={100} initialRows={30} report={change => reported.push(change)} />,
		{columns: 100, rows: 30},
	);
	const outcomes = () => reported.flatMap(change => (change.outcome === undefined ? [] : [change.outcome]));
	return {reported, outcomes, watcher, rendered: mounted};
}

const statusMessage = (status: string): WatchMessage => ({type: 'details', details: details({status}), at: NOW});

describe('App: what it reports for the watch-end rule', () => {
	test('Given a new watch, it reports a deployment in progress, not yet polled, once', async () => {
		const {reported} = mountReporting();
		await nextTimer();
		expect(reported).toEqual([{outcome: 'in_progress', detailsUnavailable: false, polled: false}]);
	});

	test.each<[string, Outcome]>([
		['running', 'succeeded'],
		['failed', 'failed'],
		['stopped', 'stopped'],
	])('When the service turns %s, the outcome %s is reported by the next timer', async (status, outcome) => {
		const {outcomes, watcher} = mountReporting();
		await nextTimer();
		watcher.emit({type: 'events', events: DEPLOYING_EVENTS, at: NOW});
		watcher.emit(statusMessage(status));
		await nextTimer();
		expect(outcomes()).toEqual(['in_progress', outcome]);
	});

	test('The first poll and unavailable details are reported; messages that change none of it report nothing new', async () => {
		const {reported, watcher} = mountReporting();
		watcher.emit({type: 'events', events: DEPLOYING_EVENTS, at: NOW});
		watcher.emit(statusMessage('deploying'));
		await nextTimer();
		expect(reported).toHaveLength(1);
		watcher.emit({type: 'sync', state: {kind: 'ok', lastSuccessAt: NOW, nextPollAt: NOW + 2000}, at: NOW});
		watcher.emit({type: 'details-unavailable', reason: 'HTTP 403', at: NOW});
		await nextTimer();
		expect(reported.at(-1)).toEqual({outcome: 'in_progress', detailsUnavailable: true, polled: true});
	});

	test('q and Ctrl+C are reported as keys that end the watch; r asks the watcher to poll', async () => {
		const {reported, watcher, rendered} = mountReporting();
		await waitForFrame(rendered.lastFrame, () => watcher.calls.includes('start'));
		rendered.stdin.write('r');
		rendered.stdin.write('q');
		rendered.stdin.write('\u0003');
		await nextTimer();
		expect(watcher.calls).toContain('refresh');
		expect(reported.filter(change => change.key !== undefined)).toEqual([{key: 'quit'}, {key: 'interrupt'}]);
	});
});
