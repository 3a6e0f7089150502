// The request gate in front of real poll loops and the simulator: a 429 on one service holds
// back the requests of every service for the Retry-After the server asked for.
import {afterEach, describe, expect, it, vi} from 'vitest';
import {createClient} from '../../../source/api/client.js';
import {createRequestGate, gatedClient} from '../../../source/api/poll/request-gate.js';
import {createWatchSet} from '../../../source/api/poll/watch-set.js';
import {createWatcher} from '../../../source/api/poll/watcher.js';
import {startSimulator, type Simulator} from '../../../source/sim/server.js';
import {tokenAuth} from '../token-auth.js';

let sim: Simulator | null = null;
afterEach(async () => {
	await sim?.close();
	sim = null;
});

describe('a 429 holds the whole set', () => {
	it('after the throttled answer, no service asks again before Retry-After has passed', async () => {
		// Given two services whose fourth request is answered 429 with Retry-After 1 s
		sim = await startSimulator({scenarios: ['stuck', 'stuck'], faults: {script: ['ok', 'ok', 'ok', '429'], retryAfterSeconds: 1}});
		const direct = createClient({endpoint: sim.url, projectId: sim.projectId, auth: tokenAuth(sim.token)});
		const client = gatedClient(direct, createRequestGate({ratePerSecond: 20}), Date.now);
		const set = createWatchSet(
			sim.services.map(service => ({serviceId: service.id, createWatcher: onMessage => createWatcher({client, serviceId: service.id, intervalMs: 1000, onMessage})})),
			() => {},
			{intervalMs: 1000, clock: {setTimeout: (callback, ms) => setTimeout(callback, ms), clearTimeout: handle => clearTimeout(handle as ReturnType<typeof setTimeout>)}},
		);

		// When both poll until each has been asked again after the 429
		const throttledAt = () => sim!.requests.findIndex(request => request.status === 429);
		const askedAfter = () => new Set(sim!.requests.slice(throttledAt() + 1).map(request => request.path.split('/')[4]));
		set.start();
		await vi.waitFor(() => {
			expect(throttledAt()).toBeGreaterThanOrEqual(0);
			expect(askedAfter()).toEqual(new Set(sim!.services.map(service => service.id)));
		}, {timeout: 10_000, interval: 50});
		set.stop();

		// Then the next request after the 429, from either service, came no sooner than Retry-After
		const requests = sim.requests;
		const throttled = throttledAt();
		expect(requests[throttled + 1]!.at - requests[throttled]!.at).toBeGreaterThanOrEqual(1000 - 5);
	});
});
