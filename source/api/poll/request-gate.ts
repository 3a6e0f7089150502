// One gate for every request of a watch of several services. Requests start in the order
// they asked, at most `ratePerSecond` a second in all and evenly spaced (ten first polls at
// once look like abuse to a gateway), and after a 429 every request holds back, not only the
// one that was throttled. It sits in front of the client: the poll loops do not know of it.
import {ThrottledError} from '../errors.js';
import type {ModelArtsClient} from '../types.js';
import {systemClock, type WatcherClock} from './watch-clock.js';

export interface RequestGate {
	/** Resolves when the request may start; rejects with the signal's reason when aborted while waiting. */
	acquire(signal?: AbortSignal): Promise<void>;
	/** The server throttled: no request starts before `untilMs` (the later of two holds wins). */
	holdUntil(untilMs: number): void;
}

interface Waiter {
	readonly resolve: () => void;
	readonly signal: AbortSignal | undefined;
	readonly onAbort: () => void;
}

/** A gate of `ratePerSecond` (the system clock unless one is given). */
/**
 * Requests start a little more than 1/rate apart: the time a request takes to reach the
 * server varies by some milliseconds, and exact spacing would let the server see rate + 1
 * requests in one second now and then. 5% covers 50 ms of jitter across a second at 5/s.
 */
const SPACING_MARGIN = 1.05;

export function createRequestGate(options: {readonly ratePerSecond: number; readonly clock?: WatcherClock}): RequestGate {
	const clock = options.clock ?? systemClock;
	const spacingMs = (1000 / options.ratePerSecond) * SPACING_MARGIN;
	const queue: Waiter[] = [];
	let nextStartAt = Number.NEGATIVE_INFINITY;
	let heldUntil = Number.NEGATIVE_INFINITY;
	let timer: unknown = null;

	// Lets every waiter whose turn has come go, then sleeps until the next turn.
	const pump = () => {
		if (timer !== null) clock.clearTimeout(timer);
		timer = null;
		while (queue.length > 0) {
			const now = clock.now();
			const at = Math.max(nextStartAt, heldUntil);
			if (at > now) {
				timer = clock.setTimeout(pump, at - now);
				return;
			}

			const waiter = queue.shift()!;
			waiter.signal?.removeEventListener('abort', waiter.onAbort);
			// Spaced from when it really started: a late timer never lets two start closer.
			nextStartAt = now + spacingMs;
			waiter.resolve();
		}
	};

	return {
		acquire(signal) {
			if (signal?.aborted) return Promise.reject(signal.reason);
			return new Promise((resolve, reject) => {
				const waiter: Waiter = {
					resolve,
					signal,
					onAbort: () => {
						queue.splice(queue.indexOf(waiter), 1);
						reject(signal!.reason);
						pump();
					},
				};
				signal?.addEventListener('abort', waiter.onAbort, {once: true});
				queue.push(waiter);
				pump();
			});
		},
		holdUntil(untilMs) {
			if (untilMs <= heldUntil) return;
			heldUntil = untilMs;
			pump();
		},
	};
}

/** How long every request holds after a 429 without Retry-After: 2 s (the API's advice is 2–5 s), doubling while 429s repeat, at most 30 s. */
export function throttleHoldMs(retryAfterMs: number | null, throttledInARow: number): number {
	if (retryAfterMs !== null) return retryAfterMs;
	return Math.min(30_000, 2000 * 2 ** Math.max(0, throttledInARow - 1));
}

/** Runs one request through `gate`: it waits its turn, and a 429 holds the whole set back (Retry-After honoured). */
export type GateThrough = <T>(signal: AbortSignal | undefined, request: () => Promise<T>) => Promise<T>;

/** One gate's way through, shared by every client of a watch (v1 and v2 alike). */
export function gateThrough(gate: RequestGate, now: () => number): GateThrough {
	let throttledInARow = 0;
	return async <T>(signal: AbortSignal | undefined, request: () => Promise<T>): Promise<T> => {
		await gate.acquire(signal);
		try {
			const answer = await request();
			throttledInARow = 0;
			return answer;
		} catch (error) {
			if (error instanceof ThrottledError) {
				throttledInARow += 1;
				gate.holdUntil(now() + throttleHoldMs(error.retryAfterMs, throttledInARow));
			}

			throw error;
		}
	};
}

/** `client` with every request passing `gate` first; a 429 holds the whole set back (Retry-After honoured). */
export function gatedClient(client: ModelArtsClient, gate: RequestGate, now: () => number): ModelArtsClient {
	const through = gateThrough(gate, now);
	return {
		listEvents: (serviceId, query, signal) => through(signal, () => client.listEvents(serviceId, query, signal)),
		getService: (serviceId, signal) => through(signal, () => client.getService(serviceId, signal)),
		listServices: (query, signal) => through(signal, () => client.listServices(query, signal)),
		getMonitor: (serviceId, signal) => through(signal, () => client.getMonitor(serviceId, signal)),
		getUpdateLogs: (serviceId, query, signal) => through(signal, () => client.getUpdateLogs(serviceId, query, signal)),
	};
}
