import {afterEach, describe, expect, it} from 'vitest';
import {createClient} from '../../../source/api/client.js';
import {TransientError} from '../../../source/api/errors.js';
import {createEventSync} from '../../../source/api/poll/sync.js';
import type {ApiEvent} from '../../../source/core/types.js';
import {startSimulator, type Simulator} from '../../../source/sim/server.js';
import {FAITHFUL, MemoryEvents} from '../memory-events.js';
import {tokenAuth} from '../token-auth.js';

const T = 1_700_000_000_000;
const event = (occur_time: number, event_info = 'preparing environment'): ApiEvent => ({occur_time, event_type: 'normal', event_info});

const simulators: Simulator[] = [];
afterEach(async () => {
	await Promise.all(simulators.splice(0).map((sim) => sim.close()));
});

describe('createEventSync', () => {
	it('carries the server\'s own clock from the Date header of its events answers (against the simulator)', async () => {
		const sim = await startSimulator({scenario: 'success'});
		simulators.push(sim);
		const client = createClient({endpoint: sim.url, projectId: sim.projectId, auth: tokenAuth(sim.token)});
		const sync = createEventSync({client, serviceId: sim.serviceId});
		expect(sync.serverNow).toBeNull();
		await sync.poll();
		// The Date header has whole seconds: within a few seconds of this machine's clock (the same here)
		expect(Math.abs(sync.serverNow! - Date.now())).toBeLessThan(5000);
	});

	it('returns the whole history first, then only what is new', async () => {
		// Given a server with three events
		const server = new MemoryEvents();
		server.add([event(T), event(T + 1), event(T + 2)]);
		const sync = createEventSync({client: server.client(), serviceId: 'svc', pageSize: 2});

		// When polled, then polled again after two more events arrive
		const first = await sync.poll();
		server.add([event(T + 2, 'repeat in the same ms'), event(T + 5)]);
		const second = await sync.poll();

		// Then the first poll has the history and the second only the new events
		expect(first.map((e) => e.occur_time)).toEqual([T, T + 1, T + 2]);
		expect(second).toEqual([event(T + 2, 'repeat in the same ms'), event(T + 5)]);
		expect(await sync.poll()).toEqual([]);
	});

	it('hands a long first load over page by page, each request waiting for the consumer', async () => {
		// Given a history of 10 events, read 3 to a page
		const server = new MemoryEvents();
		server.add(Array.from({length: 10}, (_, index) => event(T + index * 10)));
		const sync = createEventSync({client: server.client(), serviceId: 'svc', pageSize: 3, partEvents: 1});

		// When polled by a consumer that takes pages
		const pages: number[][] = [];
		const requestsWhileBusy: number[] = [];
		const rest = await sync.poll(undefined, async (page) => {
			pages.push(page.map((e) => e.occur_time));
			const before = server.queries.length;
			await new Promise((resolve) => setTimeout(resolve, 5));
			requestsWhileBusy.push(server.queries.length - before);
		});

		// Then the history arrives in order, once, in several parts, with no request while the consumer was busy
		expect([...pages.flat(), ...rest.map((e) => e.occur_time)]).toEqual(Array.from({length: 10}, (_, index) => T + index * 10));
		expect(pages.length).toBeGreaterThan(1);
		expect(requestsWhileBusy.every((count) => count === 0)).toBe(true);
		// And the next poll has nothing new
		expect(await sync.poll(undefined, async () => expect.fail('nothing to hand over'))).toEqual([]);
	});

	it.each(['page', 'record'] as const)('reads a page-sized burst of identical same-ms events exactly once (offset as %s)', async (offsetMode) => {
		// Given 25 identical events in one millisecond, more than two pages of 10
		const server = new MemoryEvents({...FAITHFUL, offsetMode});
		server.add(Array.from({length: 25}, () => event(T)));
		const sync = createEventSync({client: server.client(), serviceId: 'svc', pageSize: 10});

		// When polled
		const events = await sync.poll();

		// Then all 25 arrive once, and the reading of offset was detected without comparing texts
		expect(events).toHaveLength(25);
		expect(sync.offsetMode).toBe(offsetMode);
		server.add([event(T)]);
		expect(await sync.poll()).toEqual([event(T)]);
	});

	it('reads a server that ignores order=asc completely, oldest first', async () => {
		// Given a server that always answers newest first, with 30 events over 4 pages
		const server = new MemoryEvents({...FAITHFUL, ignoresOrder: true});
		server.add(Array.from({length: 30}, (_, i) => event(T + i * 10)));
		const sync = createEventSync({client: server.client(), serviceId: 'svc', pageSize: 8});

		// When polled, then polled again after one more event
		const first = await sync.poll();
		server.add([event(T + 500)]);

		// Then the history came whole and in order, and then only the new event
		expect(first.map((e) => e.occur_time)).toEqual(Array.from({length: 30}, (_, i) => T + i * 10));
		expect(await sync.poll()).toEqual([event(T + 500)]);
	});

	it('keeps the complete part of a failed first load and resumes after it', async () => {
		// Given 50 events and a request that fails after three pages of 10
		const server = new MemoryEvents();
		server.add(Array.from({length: 50}, (_, i) => event(T + i * 1000)));
		server.beforeAnswer = (index) => {
			if (index === 3) throw new TransientError('HTTP 503', 503);
		};
		const sync = createEventSync({client: server.client(), serviceId: 'svc', pageSize: 10});

		// When the first poll fails and the next one succeeds
		await expect(sync.poll()).rejects.toThrow('HTTP 503');
		const before = server.queries.length;
		const events = await sync.poll();

		// Then every event arrives once and the pages read before the failure were not asked for again
		expect(events.map((e) => e.occur_time)).toEqual(Array.from({length: 50}, (_, i) => T + i * 1000));
		expect(server.queries.slice(before).every((query) => (query.start_time ?? 0) >= T + 17_000)).toBe(true);
	});

	it('honours since and until, inclusive', async () => {
		const server = new MemoryEvents();
		server.add([event(T), event(T + 10), event(T + 20), event(T + 30)]);
		const sync = createEventSync({client: server.client(), serviceId: 'svc', since: T + 10, until: T + 20});

		expect((await sync.poll()).map((e) => e.occur_time)).toEqual([T + 10, T + 20]);
		server.add([event(T + 15), event(T + 25)]);
		expect((await sync.poll()).map((e) => e.occur_time)).toEqual([T + 15]);
	});

	it('catches a late arrival inside the re-read window, but not one far older', async () => {
		// Given a delivered history
		const server = new MemoryEvents();
		server.add([event(T), event(T + 60_000)]);
		const sync = createEventSync({client: server.client(), serviceId: 'svc', overlapMs: 5000});
		await sync.poll();

		// When an event dated 2 s before the newest shows up late, and one dated a minute earlier
		server.add([event(T + 58_000, 'late'), event(T + 1000, 'very late')]);

		// Then the first is delivered; the second is outside the bounded window
		expect(await sync.poll()).toEqual([event(T + 58_000, 'late')]);
	});

	it('asks for a small constant number of bytes per poll, whatever the history size', async () => {
		const bytesPerPoll = async (historySize: number): Promise<number> => {
			// Given a simulator with a long history, many events sharing a millisecond
			const sim = await startSimulator({now: () => T + 10_000_000});
			simulators.push(sim);
			sim.addEvents(sim.serviceId, Array.from({length: historySize}, (_, i) => event(T + Math.floor(i / 3) * 250, `event ${i % 7}`)));
			const client = createClient({endpoint: sim.url, projectId: sim.projectId, auth: tokenAuth(sim.token)});
			const sync = createEventSync({client, serviceId: sim.serviceId});
			expect((await sync.poll()).length).toBe(historySize + 1);

			// When it polls again with nothing new
			const before = sim.requests.length;
			expect(await sync.poll()).toEqual([]);

			// Then (measured below) one small request
			const later = sim.requests.slice(before);
			expect(later).toHaveLength(1);
			return later.reduce((sum, request) => sum + request.bytes, 0);
		};

		const small = await bytesPerPoll(300);
		const large = await bytesPerPoll(6000);
		expect(large).toBe(small);
		expect(large).toBeLessThan(4000);
	});
});
