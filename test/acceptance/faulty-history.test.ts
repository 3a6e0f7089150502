// Issue #4, done when: `--output json --exit-status` against a 5,000-event history with live
// appends and a quarter of responses faulty emits every event exactly once and exits 0 when
// the service becomes running — with `offset` read as a page number and as a record offset.
import {beforeAll, describe, expect, it} from 'vitest';
import type {ApiEvent} from '../../source/core/types.js';
import type {Simulator} from '../../source/sim/server.js';
import {assertBuilt, records} from '../cli/harness.js';
import {simulator, watchSim} from './helpers.js';

beforeAll(assertBuilt);

/** Every fault a response can suffer except a hang (which only costs the client's time-out). */
const FAULTS = ['500', '502', '503', '429', 'truncated', 'invalid-json', 'reset', 'slow'] as const;

/** The server's whole event list, read directly (faults off), oldest first. */
async function serverEvents(sim: Simulator, offsetMode: 'page' | 'record'): Promise<ApiEvent[]> {
	sim.setFaults(undefined);
	const all: ApiEvent[] = [];
	for (let page = 0; ; page++) {
		const offset = offsetMode === 'page' ? page : all.length;
		const url = `${sim.url}/v1/${sim.projectId}/services/${sim.serviceId}/events?order=asc&limit=1000&offset=${offset}`;
		const body = (await (await fetch(url, {headers: {'X-Auth-Token': sim.token}})).json()) as {events: ApiEvent[]; total_count: number};
		all.push(...body.events);
		if (body.events.length === 0 || all.length >= body.total_count) return all;
	}
}

const identity = (event: Readonly<Record<string, unknown>> | ApiEvent) => JSON.stringify([event.occur_time, event.event_type, event.event_info]);

describe.concurrent('a 5,000-event history, live appends and 25% faulty responses', () => {
	it.for(['page', 'record'] as const)('offset as %s: every event exactly once, exit 0 when running', {timeout: 90_000}, async (offsetMode, context) => {
		// Given the big history, its live deployment at 8× speed (running after ~5 s), and a
		// quarter of the events and details responses failing in every way but a hang
		const sim = await simulator(context, {
			scenario: 'big-history',
			speed: 8,
			offsetMode,
			clockStart: 'first-request',
			faults: {rate: 0.25, kinds: FAULTS, seed: offsetMode === 'page' ? 7 : 11, retryAfterSeconds: 1, slowChunkMs: 50},
		});
		// …and more events appended, three at a time in one millisecond, during the first 2.5 s
		let appended = 0;
		const appender = setInterval(() => {
			const now = Date.now();
			sim.addEvents(sim.serviceId, [0, 1, 2].map(index => ({event_type: 'normal', event_info: `live append ${appended} (${index % 2})`, occur_time: now})));
			appended += 1;
		}, 200);
		setTimeout(() => clearInterval(appender), 2500);
		context.onTestFinished(() => clearInterval(appender));

		// When the CLI waits for the deployment to end
		const result = await watchSim(sim, ['--json', '--exit-status']);

		// Then it succeeded, and its events are exactly the server's, each once, oldest first
		expect(result.code, result.stderr).toBe(0);
		const lines = records(result.stdout);
		expect(lines.at(-1)).toMatchObject({kind: 'summary', outcome: 'succeeded', status: 'running'});
		const printed = lines.filter(line => line['kind'] === 'event');
		const onServer = await serverEvents(sim, offsetMode);
		expect(onServer.length).toBeGreaterThan(5000 + 9);
		expect(printed.map(identity).sort()).toEqual(onServer.map(identity).sort());
		const times = printed.map(event => event['occur_time'] as number);
		expect(times).toEqual([...times].sort((a, b) => a - b));
		// The faults really happened, and the user heard about the retries on stderr only
		expect(sim.requests.some(request => request.fault !== null)).toBe(true);
		expect(result.stderr).toMatch(/retrying in \d+s/);
	});
});
