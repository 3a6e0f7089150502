// A hostile or badly skewed server may date an event far in the future. The sync's re-read
// window must not follow it there: correctly dated events arriving afterwards are still new.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {TransientError} from '../../../source/api/errors.js';
import {createEventSync} from '../../../source/api/poll/sync.js';
import type {ApiEvent} from '../../../source/core/types.js';
import {FAITHFUL, MemoryEvents} from '../memory-events.js';
import {pollThrough} from '../poll-through.js';

const BASE = 1_700_000_000_000;
const YEAR = 365 * 86_400_000;
const event = (occur_time: number, event_info = 'preparing environment'): ApiEvent => ({occur_time, event_type: 'normal', event_info});

describe('event sync and future-dated events', () => {
	it('still delivers events dated after a poll that saw an event from 2099', async () => {
		// Given a server whose history holds one event dated decades ahead of the clock
		let now = BASE;
		const server = new MemoryEvents();
		server.add([event(BASE - 1000, 'start to deploy service'), event(Date.UTC(2099, 0, 1), 'forged')]);
		const sync = createEventSync({client: server.client(), serviceId: 'svc', now: () => now});
		expect(await sync.poll()).toHaveLength(2);

		// When correctly dated events arrive over the next minutes
		now += 60_000;
		server.add([event(now - 500, 'building image for model [TF 3.0.0]')]);
		const second = await sync.poll();
		now += 60_000;
		server.add([event(now - 500, '[TF 3.0.0] pull image success')]);
		const third = await sync.poll();

		// Then each is delivered once, and the forged event is never delivered again
		expect(second.map((e) => e.event_info)).toEqual(['building image for model [TF 3.0.0]']);
		expect(third.map((e) => e.event_info)).toEqual(['[TF 3.0.0] pull image success']);
		expect(await sync.poll()).toEqual([]);
	});

	it('page by page, a future-dated event the clock has caught up with makes no re-read event new again', async () => {
		// Given six past events and one dated 20 minutes ahead, read two to a page and re-read two
		let now = BASE;
		const server = new MemoryEvents();
		server.add([...Array.from({length: 6}, (_, i) => event(BASE - 60_000 + i * 1000, `event ${i}`)), event(BASE + 20 * 60_000, 'ahead')]);
		const sync = createEventSync({client: server.client(), serviceId: 'svc', now: () => now, pageSize: 2, overlapEvents: 2, partEvents: 1});
		expect(await pollThrough(sync, true)).toHaveLength(7);

		// When the clock reaches that event and the sync re-reads its window page by page
		now = BASE + 21 * 60_000;
		const again = await pollThrough(sync, true);

		// Then nothing is delivered twice
		expect(again).toEqual([]);
	});

	it('tolerates a server clock a little ahead of the client: its events still anchor the window', async () => {
		// Given a server 2 minutes ahead, and a long history
		const now = BASE;
		const server = new MemoryEvents();
		server.add(Array.from({length: 200}, (_, i) => event(BASE + 120_000 - (200 - i) * 1000, `event ${i}`)));
		const sync = createEventSync({client: server.client(), serviceId: 'svc', now: () => now});
		await sync.poll();

		// When it polls again with nothing new
		const before = server.queries.length;
		expect(await sync.poll()).toEqual([]);

		// Then the re-read starts near the newest event, not at the beginning of the history
		const query = server.queries[before];
		expect(query?.start_time).toBeGreaterThanOrEqual(BASE + 120_000 - 30_000);
	});

	it('delivers every event exactly once however many future-dated events are mixed in (property)', async () => {
		const appended = fc.array(fc.record({dt: fc.integer({min: 0, max: 3000}), info: fc.constantFrom('a', 'b', 'c')}), {maxLength: 6});
		const round = fc.record({appended, forged: fc.array(fc.integer({min: 1, max: 80 * YEAR}), {maxLength: 2}), failing: fc.boolean()});
		await fc.assert(
			fc.asyncProperty(fc.array(round, {minLength: 1, maxLength: 6}), fc.integer({min: 1, max: 5}), async (rounds, pageSize) => {
				// Given a clock that moves a few seconds per poll, and a server whose new events are
				// dated up to 3 s before that clock, with forged future-dated ones mixed in
				let now = BASE;
				const server = new MemoryEvents({...FAITHFUL, offsetMode: 'record'});
				const sync = createEventSync({client: server.client(), serviceId: 'svc', pageSize, now: () => now});
				let failNext = false;
				server.beforeAnswer = () => {
					if (failNext) {
						failNext = false;
						throw new TransientError('fault');
					}
				};

				const delivered: ApiEvent[] = [];
				for (const {appended: added, forged, failing} of rounds) {
					now += 5000;
					server.add(added.map(({dt, info}) => event(now - dt, info)));
					server.add(forged.map((ahead) => event(now + 10 * 60_000 + ahead, 'forged')));
					failNext = failing;
					delivered.push(...(await pollThrough(sync)));
				}

				// Then every event on the server was delivered exactly once
				const key = (e: ApiEvent) => `${e.occur_time}|${e.event_info}`;
				expect(delivered.map(key).sort()).toEqual(server.events.map(key).sort());
			}),
			{numRuns: 150},
		);
	});
});
