// The CLI takes its exit code from the outcome the view reports (source/cli/run-tty.tsx).
// It reads that outcome on the next timer after the watcher's last message, so the view
// must have reported it by then.
import React from 'react';
import {afterEach, describe, expect, test} from 'vitest';
import {App} from '../../source/app.js';
import type {Outcome} from '../../source/model/types.js';
import type {WatchMessage} from '../../source/model/watch-messages.js';
import {DEPLOYING_EVENTS, T0, details, fakeWatcher, makeConfig} from './fixtures.js';
import {renderSized, type Rendered} from './helpers.js';

const NOW = T0 + 130_000;
const nextTimer = () => new Promise(resolve => setTimeout(resolve, 0));

let mounted: Rendered | null = null;
afterEach(() => {
	mounted?.unmount();
	mounted = null;
});

function mountReporting() {
	const reported: Outcome[] = [];
	const {factory, watcher} = fakeWatcher();
	mounted = renderSized(
		<App config={makeConfig()} watcherFactory={factory} now={() => NOW} initialColumns={100} initialRows={30} onOutcome={outcome => reported.push(outcome)} />,
		{columns: 100, rows: 30},
	);
	return {reported, watcher};
}

const statusMessage = (status: string): WatchMessage => ({type: 'details', details: details({status}), at: NOW});

describe('App: the outcome it reports to the CLI', () => {
	test('Given a new watch, it reports a deployment in progress once', async () => {
		const {reported} = mountReporting();
		await nextTimer();
		expect(reported).toEqual(['in_progress']);
	});

	test.each<[string, Outcome]>([
		['running', 'succeeded'],
		['failed', 'failed'],
		['stopped', 'stopped'],
	])('When the service turns %s, the outcome %s is reported by the next timer', async (status, outcome) => {
		const {reported, watcher} = mountReporting();
		await nextTimer();
		watcher.emit({type: 'events', events: DEPLOYING_EVENTS, at: NOW});
		watcher.emit(statusMessage(status));
		await nextTimer();
		expect(reported).toEqual(['in_progress', outcome]);
	});

	test('Messages that leave the outcome as it was report nothing new', async () => {
		const {reported, watcher} = mountReporting();
		watcher.emit({type: 'events', events: DEPLOYING_EVENTS, at: NOW});
		watcher.emit(statusMessage('deploying'));
		watcher.emit({type: 'sync', state: {kind: 'ok', lastSuccessAt: NOW, nextPollAt: NOW + 2000}, at: NOW});
		await nextTimer();
		expect(reported).toEqual(['in_progress']);
	});
});
