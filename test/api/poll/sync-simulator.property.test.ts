// Property: against the embedded simulator (both readings of offset), through the real HTTP
// client, with random faults (5xx, gateway HTML, 429, truncated and invalid JSON, resets,
// slow bodies), random page sizes, same-millisecond repeats and events arriving while paging
// and between polls, the sync delivers every event exactly once, in server order.
import fc from 'fast-check';
import {afterEach, describe, expect, it} from 'vitest';
import {createClient} from '../../../source/api/client.js';
import {createEventSync} from '../../../source/api/poll/sync.js';
import type {EventsQuery, ModelArtsClient} from '../../../source/api/types.js';
import type {ApiEvent} from '../../../source/core/types.js';
import {startSimulator, type FaultKind, type Simulator} from '../../../source/sim/server.js';
import {tokenAuth} from '../token-auth.js';
import {pollThrough} from '../poll-through.js';

const NOW = 1_750_000_000_000;
const FAULTS: readonly (FaultKind | 'ok')[] = ['ok', 'ok', 'ok', '500', '502', '503', '429', 'truncated', 'invalid-json', 'reset', 'slow'];
const INFOS = ['[TF 3.0.0] pulling model image', 'preparing environment', 'Insufficient resources.'] as const;

const simulators: Simulator[] = [];
afterEach(async () => {
	await Promise.all(simulators.splice(0).map((sim) => sim.close()));
});

const batch = (maxLength: number) =>
	fc.array(fc.record({dt: fc.integer({min: 0, max: 3}), abnormal: fc.boolean(), info: fc.constantFrom(...INFOS)}), {maxLength});

const scenario = fc.record({
	offsetMode: fc.constantFrom('page' as const, 'record' as const),
	pageSize: fc.integer({min: 2, max: 8}),
	history: batch(30),
	rounds: fc.array(fc.record({between: batch(10), whilePaging: batch(5), atRequest: fc.nat(4)}), {maxLength: 3}),
	faults: fc.array(fc.constantFrom(...FAULTS), {maxLength: 12}),
	paged: fc.boolean(),
});

/** A client whose `beforeRequest` hook lets a test add events while the sync is paging. */
function hooked(client: ModelArtsClient, beforeRequest: () => void): ModelArtsClient {
	return {
		...client,
		listEvents: (serviceId: string, query: EventsQuery, signal?: AbortSignal) => {
			beforeRequest();
			return client.listEvents(serviceId, query, signal);
		},
	};
}

async function serverEvents(sim: Simulator, client: ModelArtsClient): Promise<ApiEvent[]> {
	sim.setFaults(undefined);
	const page = await client.listEvents(sim.serviceId, {order: 'asc', limit: 1000}, undefined);
	expect(page.total_count).toBeLessThanOrEqual(1000);
	return [...page.events];
}

describe('event sync against the simulator', () => {
	it('delivers every event exactly once, in server order, through faults and live appends', async () => {
		await fc.assert(
			fc.asyncProperty(scenario, async ({offsetMode, pageSize, history, rounds, faults, paged}) => {
				// Given a simulator with a history full of same-millisecond repeats and a fault script
				const sim = await startSimulator({offsetMode, now: () => NOW, faults: {script: faults, slowChunkMs: 1, seed: 7}});
				simulators.push(sim);
				let newest = NOW;
				const add = (events: readonly {dt: number; abnormal: boolean; info: string}[], strictlyNewer: boolean): void => {
					const base = newest + (strictlyNewer ? 1 : 0);
					const apiEvents = events.map(({dt, abnormal, info}) => ({occur_time: base + dt, event_type: abnormal ? 'abnormal' : 'normal', event_info: info}));
					newest = Math.max(newest, ...apiEvents.map((e) => e.occur_time));
					sim.addEvents(sim.serviceId, apiEvents);
				};

				add(history, false);
				let hook: () => void = () => undefined;
				const client = createClient({endpoint: sim.url, projectId: sim.projectId, auth: tokenAuth(sim.token), timeoutMs: 5000});
				// A narrow re-read window keeps each run to a few dozen requests.
				const sync = createEventSync({client: hooked(client, () => hook()), serviceId: sim.serviceId, pageSize, overlapEvents: 4, partEvents: 1});

				// When it polls while events arrive between polls and during paging
				const delivered = [await pollThrough(sync, paged)];
				for (const round of rounds) {
					add(round.between, false);
					let requests = 0;
					hook = () => {
						if (requests++ === round.atRequest) add(round.whilePaging, true);
					};
					delivered.push(await pollThrough(sync, paged));
					hook = () => undefined;
				}

				delivered.push(await pollThrough(sync, paged));

				// Then the events delivered are exactly the server's, in the server's order
				expect(delivered.flat()).toEqual(await serverEvents(sim, client));
			}),
			{numRuns: 50},
		);
	}, 60_000);
});
