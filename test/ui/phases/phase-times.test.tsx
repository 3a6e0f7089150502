// The live view of a deploy with gaps between its phases, watched as it happens: every
// phase line, the header's total, the outcome and the timeline give the same times.
import React from 'react';
import {afterEach, expect, test} from 'vitest';
import {App} from '../../../source/app.js';
import type {WatchMessage} from '../../../source/core/watch/data.js';
import {T0, details, event, fakeWatcher, makeConfig} from '../fixtures.js';
import {type Rendered, renderSized, waitForFrame} from '../helpers.js';

let mounted: Rendered | null = null;
afterEach(() => mounted?.unmount());

/** Build 30 s, environment 10 s, scheduling 40 s (no start event), pull 15 s, startup 25 s. */
const TIMELINE = [
	event(0, 'start to deploy service'),
	event(5, 'building image for model [TF 3.0.0]'),
	event(30, 'model (TF 3.0.0) build image success'),
	event(33, 'preparing environment'),
	event(40, '[TF 3.0.0] prepare environment success'),
	event(80, '[TF 3.0.0] schedule resource success'),
	event(83, '[TF 3.0.0] pulling model image'),
	event(95, '[TF 3.0.0] pull image success'),
	event(98, '[TF 3.0.0] starting model'),
];

test('watched live, the phase lines of a deploy with gaps add up to "Deployed in 2m00s"', async () => {
	let now = T0;
	const {factory, watcher} = fakeWatcher();
	const rendered = renderSized(<App config={makeConfig()} watcherFactory={factory} now={() => now} initialColumns={100} initialRows={34} nudgeSink={null} />, {columns: 100, rows: 34});
	mounted = rendered;
	// One poll per event, each a moment after it, while the service deploys
	for (const apiEvent of TIMELINE) {
		now = apiEvent.occur_time + 1000;
		const polled: WatchMessage[] = [
			{type: 'events', events: [apiEvent], at: now},
			{type: 'details', details: details({status: 'deploying'}), at: now},
			{type: 'sync', state: {kind: 'ok', lastSuccessAt: now, nextPollAt: now + 3000}, at: now},
		];
		for (const message of polled) watcher.emit(message);
	}

	// Scheduling has no start event: once its success lands it has the whole gap since the environment was ready
	await waitForFrame(rendered.lastFrame, frame => /✔ Resource scheduling\s+40s/.test(frame));
	now = T0 + 125_000;
	watcher.emit({type: 'details', details: details({status: 'running', progress: 100, transition_at: T0 + 120_000}), at: now});
	const frame = await waitForFrame(rendered.lastFrame, text => text.includes('Deployed in'));
	for (const [label, time] of [['Image building', '30s'], ['Environment preparation', '10s'], ['Resource scheduling', '40s'], ['Image pulling', '15s'], ['Model startup', '25s']]) {
		expect(frame).toMatch(new RegExp(`✔ ${label}\\s+${time}`));
	}

	expect(frame).toContain('Deployed in 2m00s');
	expect(frame).toContain('total 2m00s');
	expect(frame).toMatch(/Build 30s\s+▓ Env 10s\s+▒ Schedule 40s\s+░ Pull 15s\s+▞ Start 25s/);
});
