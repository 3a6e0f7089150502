import React from 'react';
import {Text} from 'ink';
import {afterEach, beforeEach, describe, expect, test, vi} from 'vitest';
import {useClock} from '../../source/hooks/use-clock.js';
import type {TickAction} from '../../source/core/view/types.js';
import {renderSized, waitForFrame, type Rendered} from '../ui/helpers.js';

// Only the clock's own timers are faked; React keeps its real setImmediate to render.
beforeEach(() => {
	vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout', 'Date']});
	vi.setSystemTime(Date.UTC(2026, 10, 27, 16, 0, 0, 400));
});

let mounted: Rendered | null = null;
afterEach(() => {
	mounted?.unmount();
	mounted = null;
	vi.useRealTimers();
});

function Probe({ticking, animate, dispatch}: {readonly ticking: boolean; readonly animate: boolean; readonly dispatch: (action: TickAction) => void}) {
	const frame = useClock(dispatch, {ticking, animate, now: Date.now});
	return <Text>frame:{frame === null ? 'static' : frame}</Text>;
}

function mount(ticking: boolean, animate: boolean) {
	const ticks: number[] = [];
	mounted = renderSized(<Probe ticking={ticking} animate={animate} dispatch={action => ticks.push(action.now)} />, {columns: 40, rows: 10});
	return {ticks, rendered: mounted};
}

describe('useClock', () => {
	test('ticks once per second, just after each second boundary', async () => {
		const {ticks, rendered} = mount(true, false);
		await vi.advanceTimersByTimeAsync(3000);
		expect(ticks).toHaveLength(3);
		expect(ticks.map(time => time % 1000).every(ms => ms < 50)).toBe(true);
		expect(new Set(ticks.map(time => Math.floor(time / 1000))).size).toBe(3);
		expect(rendered.lastFrame()).toBe('frame:static');
	});

	test('animates the spinner at 2 frames a second while still ticking once a second', async () => {
		const {ticks, rendered} = mount(true, true);
		await vi.advanceTimersByTimeAsync(2000);
		expect(ticks).toHaveLength(2);
		const frame = await waitForFrame(rendered.lastFrame, current => current === 'frame:4');
		expect(frame).toBe('frame:4');
	});

	test('with nothing time-dependent on screen, no timer runs at all', async () => {
		const {ticks} = mount(false, false);
		expect(vi.getTimerCount()).toBe(0);
		await vi.advanceTimersByTimeAsync(5000);
		expect(ticks).toEqual([]);
	});
});
