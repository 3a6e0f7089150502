// Odd server data reaches the live view: a note in the status line while watching, and the
// whole note handed on once (the CLI prints it after the view exits).
import React from 'react';
import {afterEach, expect, test} from 'vitest';
import {App} from '../../../source/app.js';
import type {Oddity} from '../../../source/core/events/data-oddities.js';
import {DEPLOYING_EVENTS, T0, details, event, fakeWatcher, makeConfig} from '../fixtures.js';
import {type Rendered, renderSized, waitForFrame} from '../helpers.js';

let mounted: Rendered | null = null;
afterEach(() => mounted?.unmount());

const NOW = T0 + 130_000;

test('an event dated days after the server\'s clock: noted in the status line, handed on once, and no clock runs from it', async () => {
	const {factory, watcher} = fakeWatcher();
	const handed: Oddity[] = [];
	mounted = renderSized(
		<App config={makeConfig()} watcherFactory={factory} now={() => NOW} initialColumns={140} initialRows={30} nudgeSink={null} onOddity={oddity => handed.push(oddity)} />,
		{columns: 140, rows: 30},
	);
	const future = event(3 * 24 * 3600, '[TF 3.0.0] pull image success');
	watcher.emit({type: 'events', events: [...DEPLOYING_EVENTS, future], at: NOW, serverNow: NOW});
	watcher.emit({type: 'details', details: details(), at: NOW});
	watcher.emit({type: 'sync', state: {kind: 'ok', lastSuccessAt: NOW, nextPollAt: NOW + 3000}, at: NOW});
	watcher.emit({type: 'events', events: [event(4 * 24 * 3600, 'still later')], at: NOW, serverNow: NOW});
	const frame = await waitForFrame(mounted.lastFrame, text => text.includes('note: an event dated in the future'));
	// The pull runs 10 s (from the end of scheduling), not the days up to the future date
	expect(frame).toMatch(/Image pulling\s+10s/);
	expect(frame).toContain('total 2m10s');
	expect(frame).not.toMatch(/time-?out/);
	expect(handed.map(oddity => oddity.kind)).toEqual(['future']);
});
