// The whole api layer against the simulator, on real timers with a fast scenario: the
// watcher follows a deployment to its end through random faults and delivers the service's
// events exactly once, in order, then finishes because the status is terminal.
import {afterEach, describe, expect, it} from 'vitest';
import {createClient} from '../../../source/api/client.js';
import {createWatcher} from '../../../source/api/poll/watcher.js';
import type {WatchResult} from '../../../source/api/poll/watcher-types.js';
import type {ApiEvent} from '../../../source/core/types.js';
import type {WatchMessage} from '../../../source/core/watch/data.js';
import type {SyncState} from '../../../source/core/watch/sync-state.js';
import {startSimulator, type Simulator} from '../../../source/sim/server.js';
import {tokenAuth} from '../token-auth.js';

const simulators: Simulator[] = [];
afterEach(async () => {
	await Promise.all(simulators.splice(0).map((sim) => sim.close()));
});

async function within<T>(promise: Promise<T>, ms: number): Promise<T> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const limit = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`not done within ${ms} ms`)), ms);
	});
	try {
		return await Promise.race([promise, limit]);
	} finally {
		clearTimeout(timer);
	}
}

describe('watcher, client and sync against the simulator', () => {
	it.each([
		['success', 'page', 'running'],
		['success', 'record', 'running'],
		['failure', 'record', 'failed'],
	] as const)('follows the %s scenario (offset as %s) through faults to %s, every event once', async (scenario, offsetMode, finalStatus) => {
		// Given a fast scenario behind a server that fails a third of its answers
		const sim = await startSimulator({scenario, offsetMode, speed: 100, faults: {rate: 0.3, seed: 11, retryAfterSeconds: 0, slowChunkMs: 1}});
		simulators.push(sim);
		const client = createClient({endpoint: sim.url, projectId: sim.projectId, auth: tokenAuth(sim.token), timeoutMs: 2000});
		const messages: WatchMessage[] = [];
		const watcher = createWatcher({
			client,
			serviceId: sim.serviceId,
			pageSize: 3,
			intervalMs: 40,
			minGapMs: 10,
			backoff: {baseMs: 10, capMs: 80, minMs: 5},
			stopAfterTerminal: true,
			onMessage: (message) => messages.push(message),
		});

		// When the watch runs until the service settles
		watcher.start();
		const result: WatchResult = await within(watcher.done, 15_000);

		// Then it ended on the terminal status, retried along the way, and saw every event once
		expect(result).toEqual({reason: 'terminal'});
		const states: SyncState[] = messages.flatMap((m) => (m.type === 'sync' ? [m.state] : []));
		expect(states.some((s) => s.kind === 'retrying')).toBe(true);
		const lastDetails = messages.filter((m) => m.type === 'details').at(-1);
		expect(lastDetails?.type === 'details' && lastDetails.details.status).toBe(finalStatus);
		sim.setFaults(undefined);
		const server = await client.listEvents(sim.serviceId, {order: 'asc', limit: 1000});
		const delivered: ApiEvent[] = messages.flatMap((m) => (m.type === 'events' ? m.events : []));
		expect(delivered).toEqual(server.events);
		expect(delivered.length).toBeGreaterThan(3);
		// Every events message carries the server's own clock (its Date header), to tell future-dated events
		for (const message of messages) if (message.type === 'events') expect(Math.abs(message.serverNow! - message.at)).toBeLessThan(5000);
	});
});
