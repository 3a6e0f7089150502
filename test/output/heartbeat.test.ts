import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {HEARTBEAT_EVERY_MS, heartbeatLine, startHeartbeat} from '../../source/output/heartbeat.js';
import {deployment, T0, track} from './fixtures.js';

describe('heartbeatLine', () => {
	it('names the active phase and how long it has run', () => {
		const pulling = deployment({
			tracks: [track('TF 3.0.0', [{state: 'done'}, {state: 'done'}, {state: 'done'}, {state: 'active', startedAt: T0}])],
		});
		expect(heartbeatLine(pulling, T0 + 130_000, T0 + 100_000)).toBe('still pulling the image, 2m10s');
	});

	it('names the model when several deploy side by side', () => {
		const two = deployment({tracks: [track('A 1.0', [{state: 'active', startedAt: T0}]), track('B 1.0')]});
		expect(heartbeatLine(two, T0 + 5000, T0)).toBe('still building the image [A 1.0], 5s');
	});

	it('without an active phase, says how long nothing new arrived', () => {
		expect(heartbeatLine(deployment({status: 'waiting'}), T0 + 95_000, T0)).toBe('still watching (status waiting), nothing new for 1m35s');
	});
});

describe('startHeartbeat', () => {
	beforeEach(() => {
		vi.useFakeTimers({now: T0});
	});
	afterEach(() => {
		vi.useRealTimers();
	});

	it('beats after 30 s of silence and every 30 s while the silence lasts', () => {
		const beats: number[] = [];
		const heartbeat = startHeartbeat({everyMs: HEARTBEAT_EVERY_MS, now: Date.now, emit: since => beats.push(Date.now() - since)});
		vi.advanceTimersByTime(29_999);
		expect(beats).toEqual([]);
		vi.advanceTimersByTime(1);
		expect(beats).toEqual([30_000]);
		vi.advanceTimersByTime(60_000);
		expect(beats).toEqual([30_000, 60_000, 90_000]);
		heartbeat.stop();
	});

	it('stays quiet while output keeps flowing', () => {
		const emit = vi.fn();
		const heartbeat = startHeartbeat({everyMs: HEARTBEAT_EVERY_MS, now: Date.now, emit});
		for (let i = 0; i < 10; i++) {
			vi.advanceTimersByTime(20_000);
			heartbeat.touch();
		}

		expect(emit).not.toHaveBeenCalled();
		vi.advanceTimersByTime(30_000);
		expect(emit).toHaveBeenCalledTimes(1);
		heartbeat.stop();
	});

	it('never beats after stop', () => {
		const emit = vi.fn();
		startHeartbeat({everyMs: HEARTBEAT_EVERY_MS, now: Date.now, emit}).stop();
		vi.advanceTimersByTime(120_000);
		expect(emit).not.toHaveBeenCalled();
	});
});
