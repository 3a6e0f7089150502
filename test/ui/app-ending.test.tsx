// Endings as commands: the watcher's end, a signal and the keys reach the live view's reducer
// as messages; the reducer applies the one watch-end rule and hands the ending out (onExit)
// once the frame it leaves in the scrollback has been drawn: no key hints, no countdown.
import React from 'react';
import {afterEach, describe, expect, test} from 'vitest';
import {App} from '../../source/app.js';
import type {Config} from '../../source/config/types.js';
import type {EndSource, ExitEnding, OutsideEnd} from '../../source/core/ending/run-end.js';
import type {WatchMessage} from '../../source/core/watch/data.js';
import {DEPLOYING_EVENTS, T0, details, fakeWatcher, makeConfig} from './fixtures.js';
import {renderSized, waitForFrame, type Rendered} from './helpers.js';

const NOW = T0 + 130_000;

let mounted: Rendered | null = null;
afterEach(() => {
	mounted?.unmount();
	mounted = null;
});

function endSource(): EndSource & {send(message: OutsideEnd): void} {
	const listeners = new Set<(message: OutsideEnd) => void>();
	return {
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		send: message => {
			for (const listener of listeners) listener(message);
		},
	};
}

function mountEnding(config: Partial<Config> = {}, onBack: ((notice: string | null) => void) | null = null) {
	const exits: ExitEnding[] = [];
	const ends = endSource();
	const {factory, watcher} = fakeWatcher();
	const readDone = async (done: typeof watcher.done) => {
		const result = await done;
		if (result.reason === 'terminal') return {type: 'watch-done', failure: null} as const;
		if (result.reason === 'permanent-error') return {type: 'watch-done', failure: {exitCode: 3, message: 'modelarts-watch: rejected', reason: 'rejected'}} as const;
		return null;
	};

	mounted = renderSized(
		<App
			config={makeConfig(config)}
			watcherFactory={factory}
			now={() => NOW}
			initialColumns={100}
			initialRows={30}
			onBack={onBack}
			ends={ends}
			readDone={readDone}
			onExit={ending => exits.push(ending)}
		/>,
		{columns: 100, rows: 30},
	);
	return {exits, ends, watcher, rendered: mounted};
}

const polled: WatchMessage = {type: 'sync', state: {kind: 'ok', lastSuccessAt: NOW, nextPollAt: NOW + 4000}, at: NOW};

describe('App: endings as commands', () => {
	test('q ends with 0 and Ctrl+C with 130; the kept frame names no keys', async () => {
		const quit = mountEnding();
		await waitForFrame(quit.rendered.lastFrame, text => text.includes('q quit'));
		quit.rendered.stdin.write('q');
		const frame = await waitForFrame(quit.rendered.lastFrame, () => quit.exits.length > 0);
		expect(quit.exits).toEqual([expect.objectContaining({reason: 'quit', exitCode: 0})]);
		expect(frame).not.toContain('q quit');
		quit.rendered.unmount();

		const interrupted = mountEnding();
		await waitForFrame(interrupted.rendered.lastFrame, text => text.includes('q quit'));
		interrupted.rendered.stdin.write('\u0003');
		await waitForFrame(interrupted.rendered.lastFrame, () => interrupted.exits.length > 0);
		expect(interrupted.exits).toEqual([expect.objectContaining({reason: 'interrupt', exitCode: 130})]);
	});

	test('--once ends after the first poll, and the kept frame has no countdown', async () => {
		const {exits, watcher, rendered} = mountEnding({once: true});
		await waitForFrame(rendered.lastFrame, () => watcher.calls.includes('start'));
		watcher.emit({type: 'events', events: DEPLOYING_EVENTS, at: NOW});
		watcher.emit({type: 'details', details: details({status: 'deploying'}), at: NOW});
		watcher.emit(polled);
		const frame = await waitForFrame(rendered.lastFrame, () => exits.length > 0);
		expect(exits).toEqual([expect.objectContaining({reason: 'once', exitCode: 0})]);
		expect(frame).toContain('updated');
		expect(frame).not.toContain('next in');
		expect(frame).not.toContain('? help');
	});

	test('--exit-status: the watcher ending after a failure exits with 1, from the outcome on screen', async () => {
		const {exits, watcher, rendered} = mountEnding({exitStatus: true});
		await waitForFrame(rendered.lastFrame, () => watcher.calls.includes('start'));
		watcher.emit({type: 'events', events: DEPLOYING_EVENTS, at: NOW});
		watcher.emit({type: 'details', details: details({status: 'failed'}), at: NOW});
		watcher.emit(polled);
		watcher.finish({reason: 'terminal'});
		await waitForFrame(rendered.lastFrame, () => exits.length > 0);
		expect(exits).toEqual([expect.objectContaining({reason: 'terminal', exitCode: 1})]);
	});

	test('a signal with the help open ends with its code, and the kept frame shows the deployment', async () => {
		const {exits, ends, rendered} = mountEnding();
		await waitForFrame(rendered.lastFrame, text => text.includes('q quit'));
		rendered.stdin.write('?');
		await waitForFrame(rendered.lastFrame, text => text.includes('Keys'));
		ends.send({type: 'signal', signal: 'SIGTERM'});
		const frame = await waitForFrame(rendered.lastFrame, () => exits.length > 0);
		expect(exits).toEqual([expect.objectContaining({reason: 'signal', exitCode: 143})]);
		expect(frame).not.toContain('Keys');
	});

	test('opened from the picker, a permanent error goes back with the reason instead of ending the run', async () => {
		const backs: Array<string | null> = [];
		const {exits, watcher, rendered} = mountEnding({}, notice => backs.push(notice));
		await waitForFrame(rendered.lastFrame, () => watcher.calls.includes('start'));
		watcher.finish({reason: 'permanent-error', error: new Error('rejected') as never});
		await waitForFrame(rendered.lastFrame, () => backs.length > 0);
		expect(backs).toEqual(['rejected']);
		expect(exits).toEqual([]);
	});
});
