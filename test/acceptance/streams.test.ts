// Issue #6 without a terminal: usage errors for a forced TTY and bad zones, automatic ASCII
// outside UTF-8 locales, time zones and dates in the plain log, and the sync state notes
// that go to stderr (plain) while stdout keeps only data (plain lines or NDJSON).
import {beforeAll, describe, expect, it} from 'vitest';
import {assertBuilt, records, runCli} from '../cli/harness.js';
import {FINISHED, simulator, watchSim} from './helpers.js';

beforeAll(assertBuilt);

describe.concurrent('usage errors (exit 2) that only show at run time', () => {
	it('--output tty without a terminal', async () => {
		const result = await runCli(['svc', '--output', 'tty', '--endpoint', 'http://127.0.0.1:9'], {env: {MODELARTS_TOKEN: 'some-token-value'}});
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/terminal/);
		expect(result.stdout).toBe('');
	});

	it('an unknown --tz zone, naming the flag', async () => {
		const result = await runCli(['svc', '--tz', 'Mars/Olympus', '--endpoint', 'http://127.0.0.1:9'], {env: {MODELARTS_TOKEN: 'some-token-value'}});
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('--tz');
	});
});

const UNICODE_TEXT = 'naïve ✓ 模型 done';
const OLD = Date.UTC(2024, 0, 2, 3, 4, 5);

describe.concurrent('what the plain log prints', () => {
	it.for([
		['a UTF-8 locale keeps the text', {LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8'}, UNICODE_TEXT],
		['the C locale switches to ASCII by itself', {LANG: 'C', LC_ALL: 'C'}, 'na?ve ? ?? done'],
		['no locale at all switches to ASCII too', {LANG: '', LC_ALL: ''}, 'na?ve ? ?? done'],
	] as const)('%s', async ([, locale, shown], context) => {
		const sim = await simulator(context, {scenario: 'success', speed: FINISHED});
		sim.addEvents(sim.serviceId, [{event_type: 'normal', event_info: UNICODE_TEXT, occur_time: Date.now() - 60_000}]);
		const result = await watchSim(sim, ['--output', 'plain', '--once'], {env: locale});
		expect(result.code).toBe(0);
		expect(result.stdout).toContain(`normal    ${shown}`);
	});

	it.for([
		['--utc: times end in Z, and an old event shows its date', ['--utc'], '2024-01-02 03:04:05Z'],
		['--tz Asia/Kolkata: the zone\'s wall clock', ['--tz', 'Asia/Kolkata'], '2024-01-02 08:34:05'],
		['local time by default (TZ=America/New_York)', [], '2024-01-01 22:04:05'],
	] as const)('%s', async ([, flags, shown], context) => {
		// Given an event from long ago and one from now
		const sim = await simulator(context, {scenario: 'success', speed: FINISHED});
		sim.addEvents(sim.serviceId, [{event_type: 'normal', event_info: 'old event', occur_time: OLD}]);

		// When the plain log prints them
		const result = await watchSim(sim, ['--output', 'plain', '--once', ...flags], {env: {TZ: 'America/New_York'}});

		// Then the old one carries its date, today's only the time
		expect(result.code).toBe(0);
		expect(result.stdout).toContain(`${shown}  normal    old event`);
		expect(result.stdout).toMatch(/^\d\d:\d\d:\d\dZ? {2}normal {4}start to deploy service$/m);
	});
});

describe.concurrent('sync state changes', () => {
	it('plain: a short note on stderr when retrying and when connected again; stdout unchanged', async context => {
		const sim = await simulator(context, {scenario: 'success', speed: FINISHED, faults: {script: ['503', 'ok', 'ok', 'reset']}});
		const result = await watchSim(sim, ['--output', 'plain', '--exit-status']);
		expect(result.code, result.stderr).toBe(0);
		expect(result.stderr).toMatch(/^retrying in \d+s \(HTTP 503 from a gateway, not ModelArts, attempt 1\)$/m);
		expect(result.stderr).toMatch(/^connected again$/m);
		expect(result.stdout).not.toMatch(/retrying|connected again/);
		expect(result.stdout.match(/start to deploy service/g)).toHaveLength(1);
	});

	it('json: stdout carries records only, through the same faults', async context => {
		const sim = await simulator(context, {scenario: 'success', speed: FINISHED, faults: {script: ['503', 'ok', 'ok', 'reset']}});
		const result = await watchSim(sim, ['--json', '--exit-status']);
		expect(result.code, result.stderr).toBe(0);
		expect(result.stderr).toMatch(/retrying in/);
		const kinds = records(result.stdout).map(line => line['kind']);
		expect(new Set(kinds)).toEqual(new Set(['event', 'status', 'instances', 'summary']));
		expect(kinds.filter(kind => kind === 'event')).toHaveLength(9);
	});
});
