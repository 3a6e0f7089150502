import React, {useReducer} from 'react';
import {Text} from 'ink';
import {afterEach, describe, expect, test} from 'vitest';
import type {WatcherFactory} from '../../source/api/poll/watcher-types.js';
import {useWatch} from '../../source/hooks/use-watch.js';
import type {EndMessage} from '../../source/core/ending/run-end.js';
import type {WatchMessage} from '../../source/core/watch/data.js';
import {fakeWatcher} from '../ui/fixtures.js';
import {renderSized, waitForFrame, type Rendered} from '../ui/helpers.js';

let mounted: Rendered | null = null;
afterEach(() => {
	mounted?.unmount();
	mounted = null;
});

function Probe({factory}: {readonly factory: WatcherFactory}) {
	const [kinds, dispatch] = useReducer((seen: string, message: WatchMessage | EndMessage) => `${seen}${message.type};`, '');
	useWatch(factory, dispatch);
	return <Text>seen:{kinds}</Text>;
}

describe('useWatch', () => {
	test('starts the watcher on mount, dispatches its messages, stops it on unmount', async () => {
		const {factory, watcher} = fakeWatcher();
		mounted = renderSized(<Probe factory={factory} />, {columns: 60, rows: 10});
		await waitForFrame(mounted.lastFrame, () => watcher.calls.includes('start'));
		watcher.emit({type: 'sync', state: {kind: 'loading'}, at: 1});
		watcher.emit({type: 'events', events: [], at: 2});
		await waitForFrame(mounted.lastFrame, frame => frame === 'seen:sync;events;');
		mounted.unmount();
		mounted = null;
		expect(watcher.calls).toEqual(['start', 'stop']);
	});

	test('a new factory function on re-render does not restart polling', async () => {
		const {factory, watcher} = fakeWatcher();
		mounted = renderSized(<Probe factory={factory} />, {columns: 60, rows: 10});
		await waitForFrame(mounted.lastFrame, () => watcher.calls.includes('start'));
		mounted.rerender(<Probe factory={onMessage => factory(onMessage)} />);
		await waitForFrame(mounted.lastFrame, frame => frame.startsWith('seen:'));
		expect(watcher.calls).toEqual(['start']);
	});
});
