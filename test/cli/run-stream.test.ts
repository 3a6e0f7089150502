import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {NotFoundError} from '../../source/api/errors.js';
import type {Config} from '../../source/config/types.js';
import {makeConfig} from '../fixtures/config.js';
import type {WatchMessage} from '../../source/core/watch/data.js';
import type {WatchResult, Watcher} from '../../source/api/poll/watcher-types.js';
import {runStream} from '../../source/cli/run-stream.js';
import {createDataNotes} from '../../source/output/data-notes.js';

const T0 = Date.parse('2026-11-27T10:00:00Z');

const baseConfig = makeConfig({serviceId: 'svc', serviceName: null, intervalMs: 3000, output: 'plain', color: false});

/** A watcher the test drives by hand: it emits what the test says, and ends when told. */
function fakeWatcher() {
	let emit: (message: WatchMessage) => void = () => {};
	let finish: (end: WatchResult) => void = () => {};
	const calls: string[] = [];
	const watcher: Watcher & {stopped: boolean} = {
		stopped: false,
		start() {},
		refreshNow() {},
		readUpdateLogs() {
			calls.push('read-update-logs');
		},
		stop() {
			watcher.stopped = true;
			finish({reason: 'stopped'});
		},
		done: new Promise<WatchResult>(resolve => (finish = resolve)),
	};
	return {
		watcher,
		calls,
		factory: (onMessage: (message: WatchMessage) => void) => ((emit = onMessage), watcher),
		emit: (message: WatchMessage) => emit(message),
		finish: (end: WatchResult) => finish(end),
	};
}

function run(config: Partial<Config>) {
	const fake = fakeWatcher();
	const stdout: string[] = [];
	const stderr: string[] = [];
	const exit = runStream({
		config: {...baseConfig, ...config},
		serviceId: 'svc',
		auth: null,
		createWatcher: fake.factory,
		stdout: line => stdout.push(line),
		stderr: line => stderr.push(line),
		now: Date.now,
		notes: createDataNotes(line => stderr.push(line)),
	});
	return {...fake, stdout, stderr, exit};
}

const event = (info: string, at: number, type = 'normal'): WatchMessage => ({type: 'events', events: [{event_type: type, event_info: info, occur_time: at}], at});
const details = (status: string): WatchMessage => ({type: 'details', details: {service_id: 'svc', service_name: 'my-service', status}, at: Date.now()});
const ok: WatchMessage = {type: 'sync', state: {kind: 'ok', lastSuccessAt: T0, nextPollAt: null}, at: T0};

describe('runStream', () => {
	beforeEach(() => {
		vi.useFakeTimers({now: T0});
	});
	afterEach(() => {
		vi.useRealTimers();
	});

	it('prints a heartbeat after 30 s of silence, on stdout in plain mode', async () => {
		const cli = run({});
		cli.emit(event('[TF 3.0.0] pulling model image', T0));
		vi.advanceTimersByTime(30_000);
		expect(cli.stdout.at(-1)).toBe('still pulling the image, 30s');
		cli.finish({reason: 'terminal'});
		expect(await cli.exit).toBe(0);
	});

	it('writes the events of a long read as its parts come, and its phases once it is whole', async () => {
		// Given a read handed over in two parts: the first ends inside an old deployment
		const cli = run({});
		const part = (events: Array<[string, number]>, more: boolean): WatchMessage => ({
			type: 'events',
			events: events.map(([info, at]) => ({event_type: 'normal', event_info: info, occur_time: at})),
			at: T0,
			...(more ? {more: true as const} : {}),
		});
		cli.emit(part([['start to deploy service', T0 - 7_200_000], ['building image for model [TF 2.0.0]', T0 - 7_199_000], ['model (TF 2.0.0) build image success', T0 - 7_195_000], ['preparing environment', T0 - 7_190_000]], true));
		const afterFirstPart = [...cli.stdout];
		cli.emit(part([['start to deploy service', T0 - 60_000], ['[TF 3.0.0] pulling model image', T0 - 1000]], false));

		// Then the first part's events are out at once, with no phase of the deployment it cut
		expect(afterFirstPart).toHaveLength(4);
		expect(cli.stdout.filter(line => /\bphase\b/.test(line) && line.includes('TF 2.0.0'))).toEqual([]);
		// And the whole read's phases follow: those of the newest deployment
		expect(cli.stdout.filter(line => /\bphase\b/.test(line) && line.includes('TF 3.0.0')).length).toBeGreaterThan(0);
		cli.finish({reason: 'terminal'});
		expect(await cli.exit).toBe(0);
	});

	it('sends the heartbeat to stderr in JSON mode, keeping stdout for objects', async () => {
		const cli = run({output: 'json'});
		vi.advanceTimersByTime(30_000);
		expect(cli.stderr.some(line => line.startsWith('still watching'))).toBe(true);
		expect(cli.stdout).toEqual([]);
		cli.finish({reason: 'terminal'});
		await cli.exit;
	});

	it('--timeout stops the watcher, prints the summary and exits 5', async () => {
		const cli = run({output: 'json', timeoutMs: 10_000});
		cli.emit(event('start to deploy service', T0));
		vi.advanceTimersByTime(10_000);
		expect(await cli.exit).toBe(5);
		expect(cli.watcher.stopped).toBe(true);
		expect(JSON.parse(cli.stdout.at(-1)!)).toMatchObject({kind: 'summary', outcome: 'in_progress'});
		expect(cli.stderr.join('\n')).toContain('--timeout');
	});

	it.each([
		[false, 0],
		[true, 8],
	])('--once ends after the first complete poll (exit-status %s → %i)', async (exitStatus, code) => {
		const cli = run({once: true, exitStatus, output: 'json'});
		cli.emit(event('start to deploy service', T0));
		cli.emit(details('deploying'));
		cli.emit(ok);
		expect(await cli.exit).toBe(code);
		expect(cli.stdout.map(line => JSON.parse(line).kind)).toEqual(['event', 'status', 'summary']);
	});

	it.each([
		['running', 0],
		['failed', 1],
		['stopped', 1],
	])('with --exit-status, a service that ends %s exits %i', async (status, code) => {
		const cli = run({exitStatus: true, output: 'json'});
		cli.emit(event('start to deploy service', T0));
		cli.emit(details(status));
		cli.finish({reason: 'terminal'});
		expect(await cli.exit).toBe(code);
	});

	it('a permanent error ends with its message and exit code, and no summary', async () => {
		const cli = run({output: 'json'});
		cli.finish({reason: 'permanent-error', error: new NotFoundError('Service svc does not exist', 404)});
		expect(await cli.exit).toBe(4);
		expect(cli.stdout).toEqual([]);
		expect(cli.stderr).toEqual(['modelarts-watch: Service svc does not exist']);
	});

	it('notes retries and unavailable details on stderr', async () => {
		const cli = run({});
		cli.emit({type: 'sync', state: {kind: 'retrying', attempt: 2, reason: 'HTTP 503', retryAt: T0 + 4000, lastSuccessAt: null}, at: T0});
		cli.emit({type: 'details-unavailable', reason: 'HTTP 403', at: T0});
		expect(cli.stderr).toEqual(['retrying in 4s (HTTP 503, attempt 2)', 'service details unavailable (HTTP 403): progress is read from the events alone']);
		expect(cli.stdout).toEqual([]);
		cli.finish({reason: 'terminal'});
		await cli.exit;
	});

	it('notes an absent monitor once on stderr, and goes on', async () => {
		const cli = run({});
		const absent: WatchMessage = {type: 'monitor-unavailable', reason: 'HTTP 403 ModelArts.0204', at: T0};
		cli.emit(absent);
		cli.emit(absent);
		expect(cli.stderr).toEqual(['service monitor unavailable (HTTP 403 ModelArts.0204): carrying on without instance counts']);
		cli.emit(event('start to deploy service', T0));
		expect(cli.stdout).toHaveLength(1);
		cli.finish({reason: 'terminal'});
		await cli.exit;
	});

	it('asks the watcher for the update logs when an update begins and when it ends, not otherwise', async () => {
		// Given a watch that sees a deploy, then an update, then its end
		const cli = run({});
		cli.emit(event('start to deploy service', T0));
		cli.emit(details('deploying'));
		expect(cli.calls).toEqual([]);
		cli.emit(event('The service is being updated.', T0 + 1000));
		expect(cli.calls).toEqual(['read-update-logs']);
		cli.emit(details('deploying'));
		cli.emit(details('running'));

		// Then it asked twice, and the records it is given become one update line
		expect(cli.calls).toEqual(['read-update-logs', 'read-update-logs']);
		cli.emit({
			type: 'update-logs',
			records: [
				{update_time: T0 + 1000, result: 'SUCCESS', config: [{model_name: 'TF', model_version: '3.0.1'}]},
				{update_time: T0 - 1000, result: 'SUCCESS', config: [{model_name: 'TF', model_version: '3.0.0'}]},
			],
			at: T0,
		});
		expect(cli.stdout.at(-1)).toMatch(/config\s+update succeeded: TF 3\.0\.0 → 3\.0\.1$/);
		cli.finish({reason: 'terminal'});
		await cli.exit;
	});

	it('--type abnormal hides normal events from the log but not from the summary count', async () => {
		const cli = run({typeFilter: 'abnormal', output: 'json'});
		cli.emit(event('fine', T0));
		cli.emit(event('broken', T0 + 1, 'abnormal'));
		cli.finish({reason: 'terminal'});
		await cli.exit;
		const lines = cli.stdout.map(line => JSON.parse(line));
		expect(lines.filter(line => line.kind === 'event').map(line => line.event_info)).toEqual(['broken']);
		expect(lines.at(-1)).toMatchObject({events_total: 2});
	});

	it('--exit-status without the details API ends when the events alone show the end', async () => {
		const cli = run({exitStatus: true, output: 'json'});
		cli.emit(event('start to deploy service', T0));
		cli.emit({type: 'details-unavailable', reason: 'HTTP 403', at: T0});
		expect(cli.watcher.stopped).toBe(false);
		cli.emit(event('Service my-service started.', T0 + 1000));
		expect(await cli.exit).toBe(0);
		expect(cli.watcher.stopped).toBe(true);
		expect(JSON.parse(cli.stdout.at(-1)!)).toMatchObject({kind: 'summary', outcome: 'succeeded', status: null});
	});

	it('says once on stderr what is odd about the events, never on stdout', async () => {
		const cli = run({output: 'json'});
		cli.emit(event('odd', T0, 'WARNING'));
		cli.emit(event('odd again', T0 + 1, 'WARNING'));
		// A day after the server's own clock (its Date header, carried as serverNow)
		cli.emit({type: 'events', events: [{event_type: 'normal', event_info: 'from the future', occur_time: T0 + 86_400_000}], at: T0, serverNow: T0});
		expect(cli.stderr).toEqual([
			'note: the server sent event_type "WARNING", which the API does not document; it is shown as abnormal',
			"note: an event is dated 2026-11-28T10:00:00.000Z, in the future by the server's own clock: it is shown, but times, phases and warnings ignore it",
		]);
		cli.finish({reason: 'terminal'});
		await cli.exit;
		expect(cli.stdout.every(line => JSON.parse(line))).toBe(true);
	});
});
