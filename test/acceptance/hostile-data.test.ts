// Issue #8: odd or hostile server data — wrong types, `events: null`, a negative total_count,
// undocumented event types, duplicates, dates in the future — is handled without a crash, and
// said once on stderr (not once per poll); JSON keeps hostile text exactly as sent.
import type {IncomingMessage, ServerResponse} from 'node:http';
import {beforeAll, describe, expect, it} from 'vitest';
import type {SimRoute} from '../../source/sim/server.js';
import {assertBuilt, records, waitFor} from '../cli/harness.js';
import {FINISHED, simulator, watchSim} from './helpers.js';

beforeAll(assertBuilt);

const EVENTS_PATH = /^\/v1\/[^/]+\/services\/[^/]+\/events\/?$/;

/** Answers the events endpoint with `body` (the details endpoint stays the simulator's). */
function eventsAnswer(body: () => unknown): SimRoute {
	return (request: IncomingMessage, response: ServerResponse) => {
		if (!EVENTS_PATH.test(new URL(request.url ?? '/', 'http://sim.local').pathname)) return false;
		response.writeHead(200, {'content-type': 'application/json'});
		response.end(JSON.stringify(body()));
		return true;
	};
}

const NOW = Date.now();
const ODD_PAGE = {
	service_id: 'whatever',
	total_count: -3,
	events: [
		{event_type: 'normal', event_info: 'time as a string', occur_time: String(NOW - 5000)},
		{event_type: 'normal', event_info: 42, occur_time: NOW - 4000},
		{event_type: 'WARNING', event_info: 'an undocumented type', occur_time: NOW - 3000},
		{event_type: 'normal', event_info: 'sent twice', occur_time: NOW - 2000},
		{event_type: 'normal', event_info: 'sent twice', occur_time: NOW - 2000},
		null,
	],
};

describe.concurrent('odd server data', () => {
	it('wrong types, a negative total_count, an unknown type and duplicates: no crash, one note each', async context => {
		// Given a deploying service whose events endpoint answers this page to every poll
		const sim = await simulator(context, {scenario: 'stuck', routes: [eventsAnswer(() => ODD_PAGE)]});

		// When the CLI watches it for several polls
		const result = await watchSim(sim, ['--json', '--exit-status', '--timeout', '4']);

		// Then it ran to its time-out, showing the usable events once each
		expect(result.code, result.stderr).toBe(5);
		const events = records(result.stdout).filter(line => line['kind'] === 'event');
		expect(events.map(event => event['event_info'])).toEqual(['time as a string', 'an undocumented type', 'sent twice', 'sent twice']);
		expect(events[1]).toMatchObject({event_type: 'abnormal'});
		// …and each oddity was said once, however many polls saw it
		expect(result.stderr.match(/event_type "WARNING"/g)).toHaveLength(1);
		expect(result.stderr.match(/identical events/g)).toHaveLength(1);
		// …including what had to be dropped and the unusable total_count
		expect(result.stderr.match(/does not fit the ModelArts API \(events: .*dropped/g)).toHaveLength(1);
		expect(result.stderr.match(/total_count missing or invalid/g)).toHaveLength(1);
		expect(result.stderr).not.toMatch(/unexpected error|TypeError|at .*\.js:\d+/);
	});

	it('`events: null` reads as no events', async context => {
		const sim = await simulator(context, {scenario: 'success', speed: FINISHED, routes: [eventsAnswer(() => ({events: null, total_count: 0}))]});
		const result = await watchSim(sim, ['--json', '--exit-status']);
		expect(result.code, result.stderr).toBe(0);
		expect(records(result.stdout)).toEqual([
			expect.objectContaining({kind: 'status', status: 'running'}),
			expect.objectContaining({kind: 'instances', running: 1, total: 1}),
			expect.objectContaining({kind: 'summary', events_total: 0}),
		]);
	});

	it('an event dated in 2099 is noted once and hides none of the events after it', async context => {
		// Given a deploying service with a forged future-dated event in its history
		const sim = await simulator(context, {scenario: 'stuck', clockStart: 'first-request'});
		sim.addEvents(sim.serviceId, [{event_type: 'normal', event_info: 'forged', occur_time: Date.UTC(2099, 0, 1)}]);

		// When the CLI has seen it, and correctly dated events follow
		const result = await watchSim(sim, ['--json', '--exit-status'], {
			onStart(_child, output) {
				void (async () => {
					await waitFor(() => output.stdout().includes('"forged"'));
					sim.addEvents(sim.serviceId, [{event_type: 'normal', event_info: 'after the forged one', occur_time: Date.now()}]);
					await waitFor(() => output.stdout().includes('after the forged one'));
					sim.setService(sim.serviceId, {status: 'running'});
				})();
			},
		});

		// Then those events arrive once each, the run ends as running, and the clock skew was noted once
		expect(result.code, result.stderr).toBe(0);
		const infos = records(result.stdout).filter(line => line['kind'] === 'event').map(line => line['event_info']);
		expect(infos.filter(info => info === 'after the forged one')).toHaveLength(1);
		expect(infos.filter(info => info === 'forged')).toHaveLength(1);
		expect(result.stderr.match(/2099-01-01T00:00:00\.000Z, in the future/g)).toHaveLength(1);
	});
});

describe.concurrent('hostile text', () => {
	const HOSTILE = 'x\u001B[2J\u001B]0;pwned\u0007\u009B31m\r\nend';

	it('JSON keeps the original text exactly', async context => {
		const sim = await simulator(context, {scenario: 'success', speed: FINISHED});
		sim.addEvents(sim.serviceId, [{event_type: 'abnormal', event_info: HOSTILE, occur_time: Date.now() - 1000}]);
		const result = await watchSim(sim, ['--json', '--once']);
		expect(records(result.stdout).some(line => line['event_info'] === HOSTILE)).toBe(true);
	});

	it('plain shows it visibly, with no control byte from it', async context => {
		const sim = await simulator(context, {scenario: 'success', speed: FINISHED});
		sim.addEvents(sim.serviceId, [{event_type: 'normal', event_info: HOSTILE, occur_time: Date.now() - 1000}]);
		const result = await watchSim(sim, ['--output', 'plain', '--once']);
		expect(result.stdout).toContain('x␛[2J␛]0;pwned␇�31m⏎⏎end');
		expect(result.stdout).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/);
	});
});
