// The monitor and the update logs inside the poll loop: the monitor's own slower cadence,
// its read at the end of a deployment, the update logs only when asked, and both APIs'
// absence said once without slowing or stopping the watch.
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {ApiError, ForbiddenError, NotFoundError, TransientError} from '../../../source/api/errors.js';
import type {EventSync} from '../../../source/api/poll/sync.js';
import type {ModelArtsClient, UpdateLogs} from '../../../source/api/types.js';
import {createWatcher} from '../../../source/api/poll/watcher.js';
import type {Watcher, WatcherOptions} from '../../../source/api/poll/watcher-types.js';
import type {ServiceDetails, ServiceMonitor} from '../../../source/core/types.js';
import type {WatchMessage} from '../../../source/core/watch/data.js';

const START = Date.parse('2026-03-01T12:00:00Z');
const service = (status: string): ServiceDetails => ({service_id: 'svc', service_name: 'demo', status});
const monitor = (running: number): ServiceMonitor => ({service_running_instance_count: running, service_instance_count: 2, monitors: []});
const LOGS: UpdateLogs = {records: [{update_time: START, result: 'RUNNING', config: [{model_name: 'resnet', model_version: '1.1.0'}]}]};

type Answer<T> = T | ApiError;

interface Script {
	/** Details per cycle; the last one repeats. */
	readonly details?: readonly Answer<ServiceDetails>[];
	/** Monitor answers per request; the last one repeats. */
	readonly monitor?: readonly Answer<ServiceMonitor>[];
	readonly logs?: readonly Answer<UpdateLogs>[];
}

function next<T>(answers: Answer<T>[]): T {
	const answer = (answers.length > 1 ? answers.shift() : answers[0]) as Answer<T>;
	if (answer instanceof ApiError) throw answer;
	return answer;
}

/** A watcher over scripted answers, recording when each API was asked. */
/** Watcher options, and what the consumer does with each message (it may ask the watcher for things). */
type HarnessOptions = Partial<Omit<WatcherOptions, 'onMessage'>> & {readonly onMessage?: (message: WatchMessage, watcher: Watcher) => void};

function harness(script: Script, options: HarnessOptions = {}) {
	const details = [...(script.details ?? [service('deploying')])];
	const monitors = [...(script.monitor ?? [monitor(0)])];
	const logs = [...(script.logs ?? [LOGS])];
	const asked = {polls: [] as number[], monitor: [] as number[], logs: [] as number[]};
	const messages: WatchMessage[] = [];
	const sync: EventSync = {offsetMode: null, progress: 0, poll: async () => (asked.polls.push(Date.now() - START), [])};
	const client: ModelArtsClient = {
		listEvents: async () => ({service_id: null, service_name: null, total_count: 0, events: []}),
		listServices: async () => ({total_count: 0, services: []}),
		getService: async () => next(details),
		getMonitor: async () => (asked.monitor.push(Date.now() - START), next(monitors)),
		getUpdateLogs: async () => (asked.logs.push(Date.now() - START), next(logs)),
	};
	const {onMessage, ...rest} = options;
	const watcher: Watcher = createWatcher({
		client,
		serviceId: 'svc',
		sync,
		intervalMs: 2000,
		random: () => 0.5,
		onMessage: message => {
			messages.push(message);
			onMessage?.(message, watcher);
		},
		...rest,
	});
	const kinds = (type: WatchMessage['type']) => messages.filter(message => message.type === type);
	return {watcher, asked, messages, kinds};
}

beforeEach(() => {
	vi.useFakeTimers({now: START});
});
afterEach(() => {
	vi.useRealTimers();
});

describe('the monitor cadence', () => {
	it.each([
		// interval, polls in 40 s, monitor reads: the rarer of every 3rd poll and every 10 s
		[1000, [0, 10_000, 20_000, 30_000, 40_000]],
		[2000, [0, 10_000, 20_000, 30_000, 40_000]],
		[3000, [0, 12_000, 24_000, 36_000]],
		[5000, [0, 15_000, 30_000]],
	])('with --interval %i ms reads the monitor at %j', async (intervalMs, reads) => {
		// Given a deployment in progress
		const {watcher, asked} = harness({}, {intervalMs});

		// When the watch runs for 40 s
		watcher.start();
		await vi.advanceTimersByTimeAsync(40_000);
		watcher.stop();

		// Then the monitor was asked far less often than the events
		expect(asked.monitor).toEqual(reads);
		expect(asked.polls.length).toBeGreaterThan(asked.monitor.length);
	});

	it('reads once more as the deployment ends, then no more once the service is failed', async () => {
		// Given a deployment that fails on the fourth cycle
		const {watcher, asked} = harness({details: [service('deploying'), service('deploying'), service('deploying'), service('failed')]});

		// When the watch runs on for a minute after that
		watcher.start();
		await vi.advanceTimersByTimeAsync(66_000);
		watcher.stop();

		// Then the end (6 s) was read at once, and nothing after it
		expect(asked.monitor).toEqual([0, 6000]);
	});

	it('keeps reading a running service at the cadence (its resource use moves), but does not keep it busy', async () => {
		// Given a running service whose resource use changes with every answer
		const {watcher, asked} = harness({details: [service('running')], monitor: [monitor(0), monitor(1), monitor(2), monitor(1), monitor(2)]});

		// When the watch runs for two minutes
		watcher.start();
		await vi.advanceTimersByTimeAsync(120_000);
		watcher.stop();

		// Then the polls backed off as on any settled service, and the monitor followed at its cadence
		expect(asked.polls.length).toBeLessThan(30);
		expect(asked.monitor.length).toBeGreaterThan(2);
		for (let i = 1; i < asked.monitor.length; i++) expect(asked.monitor[i]! - asked.monitor[i - 1]!).toBeGreaterThanOrEqual(10_000);
	});

	it('reports an answer only when it differs from the last one', async () => {
		const {watcher, kinds} = harness({monitor: [monitor(0), monitor(0), monitor(1)]});
		watcher.start();
		await vi.advanceTimersByTimeAsync(30_000);
		watcher.stop();
		expect(kinds('monitor').map(message => message.type === 'monitor' && message.monitor.service_running_instance_count)).toEqual([0, 1]);
	});

	it.each([
		['403', new ForbiddenError('HTTP 403 ModelArts.0204', 403, {errorCode: 'ModelArts.0204', errorMsg: 'denied', requestId: null})],
		['404', new NotFoundError('HTTP 404', 404)],
	])('an absent monitor (%s) is said once, never asked again, and the watch goes on', async (_status, error) => {
		// Given a server without the monitor API
		const {watcher, asked, kinds} = harness({monitor: [error]});

		// When the watch runs for a minute
		watcher.start();
		await vi.advanceTimersByTimeAsync(60_000);
		watcher.stop();

		// Then one note, one request, and polling at the usual pace without any retry
		expect(kinds('monitor-unavailable')).toHaveLength(1);
		expect(asked.monitor).toEqual([0]);
		expect(asked.polls.length).toBeGreaterThanOrEqual(30);
		expect(kinds('sync').some(message => message.type === 'sync' && message.state.kind === 'retrying')).toBe(false);
	});

	it('retries a transient monitor fault like any other, and reads it on the retry', async () => {
		const {watcher, asked, kinds} = harness({monitor: [new TransientError('HTTP 503', 503), monitor(1)]});
		watcher.start();
		await vi.advanceTimersByTimeAsync(5000);
		watcher.stop();
		expect(kinds('sync').some(message => message.type === 'sync' && message.state.kind === 'retrying')).toBe(true);
		expect(asked.monitor.length).toBe(2);
		expect(kinds('monitor')).toHaveLength(1);
	});
});

describe('the update logs', () => {
	it('are never read unless asked', async () => {
		const {watcher, asked} = harness({});
		watcher.start();
		await vi.advanceTimersByTimeAsync(30_000);
		watcher.stop();
		expect(asked.logs).toEqual([]);
	});

	it('are read in the cycle that asked (from its events or details), once per ask', async () => {
		// Given a consumer that asks when it sees the details of the first and the fourth cycle
		let detailsSeen = 0;
		const {watcher, asked, kinds} = harness(
			{details: [service('deploying'), service('deploying'), service('deploying'), service('running')]},
			{
				onMessage(message, self) {
					if (message.type !== 'details') return;
					detailsSeen += 1;
					if (detailsSeen === 1 || message.details.status === 'running') self.readUpdateLogs();
				},
			},
		);

		// When the watch runs past both
		watcher.start();
		await vi.advanceTimersByTimeAsync(20_000);
		watcher.stop();

		// Then each ask was read in its own cycle, and the records reported each time
		expect(asked.logs).toEqual([0, 6000]);
		expect(kinds('update-logs')).toHaveLength(2);
	});

	it('without the API (404) say so once, and later asks are ignored', async () => {
		const {watcher, asked, kinds} = harness(
			{logs: [new NotFoundError('HTTP 404', 404)]},
			{onMessage: (message, self) => (message.type === 'details' ? self.readUpdateLogs() : undefined)},
		);
		watcher.start();
		await vi.advanceTimersByTimeAsync(20_000);
		watcher.stop();
		expect(asked.logs).toEqual([0]);
		expect(kinds('update-logs-unavailable')).toHaveLength(1);
	});

	it('asked at the end of a --exit-status watch are read before polling stops', async () => {
		const {watcher, asked} = harness(
			{details: [service('deploying'), service('running')]},
			{stopAfterTerminal: true, onMessage: (message, self) => (message.type === 'details' && message.details.status === 'running' ? self.readUpdateLogs() : undefined)},
		);
		watcher.start();
		await vi.advanceTimersByTimeAsync(10_000);
		expect(await watcher.done).toEqual({reason: 'terminal'});
		expect(asked.logs).toEqual([2000]);
	});
});
