// The request gate of a watch of several services, on fake timers: spacing, order, the
// hold after a 429, and waiters that give up.
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {NotFoundError, ThrottledError} from '../../../source/api/errors.js';
import {createRequestGate, gatedClient, throttleHoldMs} from '../../../source/api/poll/request-gate.js';
import type {ModelArtsClient} from '../../../source/api/types.js';
import type {WatcherClock} from '../../../source/api/poll/watch-clock.js';

const START = Date.parse('2026-03-01T12:00:00Z');
const clock: WatcherClock = {now: () => Date.now(), setTimeout: (callback, ms) => setTimeout(callback, ms), clearTimeout: handle => clearTimeout(handle as number)};

beforeEach(() => {
	vi.useFakeTimers({now: START});
});
afterEach(() => {
	vi.useRealTimers();
});

/** Asks the gate `count` times at once; resolves with each start time, in the order they started. */
async function startTimes(gate: ReturnType<typeof createRequestGate>, count: number, runFor: number): Promise<number[]> {
	const started: number[] = [];
	for (let index = 0; index < count; index++) void gate.acquire().then(() => started.push(Date.now() - START));
	await vi.advanceTimersByTimeAsync(runFor);
	return started;
}

describe('createRequestGate', () => {
	it('lets requests start a little more than 1/rate seconds apart, the first at once', async () => {
		// Given a gate of 5 requests per second, when ten requests ask at once
		const started = await startTimes(createRequestGate({ratePerSecond: 5, clock}), 10, 5000);

		// Then they start 210 ms apart: never more than five in any second, even with some jitter on the way
		expect(started).toEqual([0, 210, 420, 630, 840, 1050, 1260, 1470, 1680, 1890]);
	});

	it('starts requests in the order they asked', async () => {
		const gate = createRequestGate({ratePerSecond: 10, clock});
		const order: string[] = [];
		for (const name of ['a', 'b', 'c']) void gate.acquire().then(() => order.push(name));
		await vi.advanceTimersByTimeAsync(1000);
		expect(order).toEqual(['a', 'b', 'c']);
	});

	it('holds every request after a 429 until the hold ends, then spaces them again', async () => {
		// Given a request that started at 0
		const gate = createRequestGate({ratePerSecond: 5, clock});
		await gate.acquire();

		// When the server throttles and asks for 3 s
		gate.holdUntil(START + 3000);
		const started = await startTimes(gate, 3, 5000);

		// Then nothing starts before 3 s
		expect(started).toEqual([3000, 3210, 3420]);
	});

	it('keeps the later of two holds', async () => {
		const gate = createRequestGate({ratePerSecond: 5, clock});
		gate.holdUntil(START + 4000);
		gate.holdUntil(START + 1000);
		expect(await startTimes(gate, 1, 5000)).toEqual([4000]);
	});

	it('drops a waiter whose signal aborts, and the next one takes its turn', async () => {
		// Given a request that started, and two waiting
		const gate = createRequestGate({ratePerSecond: 1, clock});
		await gate.acquire();
		const controller = new AbortController();
		const abandoned = gate.acquire(controller.signal);
		let nextAt: number | null = null;
		void gate.acquire().then(() => (nextAt = Date.now() - START));

		// When the first waiter gives up
		controller.abort(new Error('stopped'));

		// Then it rejects with the reason, and the other still starts on time
		await expect(abandoned).rejects.toThrow('stopped');
		await vi.advanceTimersByTimeAsync(2000);
		expect(nextAt).toBe(1050);
	});

	it('refuses at once when the signal is already aborted', async () => {
		const gate = createRequestGate({ratePerSecond: 1, clock});
		await expect(gate.acquire(AbortSignal.abort(new Error('gone')))).rejects.toThrow('gone');
	});
});

describe('throttleHoldMs', () => {
	it.each([
		[5000, 1, 5000],
		[500, 3, 500],
		[null, 1, 2000],
		[null, 2, 4000],
		[null, 3, 8000],
		[null, 10, 30_000],
	])('Retry-After %s, throttled %i times in a row → hold %i ms', (retryAfter, inARow, hold) => {
		expect(throttleHoldMs(retryAfter, inARow)).toBe(hold);
	});
});

describe('gatedClient', () => {
	function client(answers: {details?: () => Promise<never>}): ModelArtsClient {
		const notUsed = async (): Promise<never> => {
			throw new Error('not used');
		};
		return {
			listEvents: async () => ({service_id: 's', service_name: 'n', total_count: 0, events: []}),
			getService: answers.details ?? (async () => ({service_id: 's', service_name: 'n', status: 'running'})),
			listServices: notUsed,
			getMonitor: notUsed,
			getUpdateLogs: notUsed,
		};
	}

	it('makes a 429 on one service hold the requests of every other (Retry-After honoured)', async () => {
		// Given a gated client whose details answer 429 with Retry-After 3 s
		const gate = createRequestGate({ratePerSecond: 100, clock});
		const throttled = gatedClient(client({details: async () => Promise.reject(new ThrottledError('slow down', 429, null, 3000))}), gate, Date.now);
		await expect(throttled.getService('a')).rejects.toBeInstanceOf(ThrottledError);

		// When another service's events are asked for
		let answeredAt: number | null = null;
		void throttled.listEvents('b', {}).then(() => (answeredAt = Date.now() - START));
		await vi.advanceTimersByTimeAsync(5000);

		// Then the request waited out the hold
		expect(answeredAt).toBe(3000);
	});

	it('passes other errors through without holding anyone', async () => {
		const gate = createRequestGate({ratePerSecond: 50, clock});
		const missing = gatedClient(client({details: async () => Promise.reject(new NotFoundError('gone', 404))}), gate, Date.now);
		await expect(missing.getService('a')).rejects.toBeInstanceOf(NotFoundError);
		let answeredAt: number | null = null;
		void missing.listEvents('b', {}).then(() => (answeredAt = Date.now() - START));
		await vi.advanceTimersByTimeAsync(100);
		expect(answeredAt).toBe(21);
	});
});
