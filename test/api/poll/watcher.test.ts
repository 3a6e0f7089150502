import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {ApiError, AuthError, ForbiddenError, HopError, NotFoundError, ThrottledError, TransientError} from '../../../source/api/errors.js';
import type {EventSync} from '../../../source/api/poll/sync.js';
import type {ModelArtsClient} from '../../../source/api/types.js';
import {createWatcher} from '../../../source/api/poll/watcher.js';
import type {WatcherOptions} from '../../../source/api/poll/watcher-types.js';
import type {ApiEvent, ServiceDetails} from '../../../source/core/types.js';
import type {WatchMessage} from '../../../source/core/watch/data.js';
import type {SyncState} from '../../../source/core/watch/sync-state.js';
import {WITHOUT_EXTRAS} from '../without-extras.js';

const START = Date.parse('2026-03-01T12:00:00Z');
const event = (occur_time: number, event_info = 'preparing environment'): ApiEvent => ({occur_time, event_type: 'normal', event_info});
const service = (status: string, progress?: number): ServiceDetails => ({service_id: 'svc', service_name: 'demo', status, ...(progress === undefined ? {} : {progress})});

type Outcome<T> = T | ApiError;

/** A watcher over scripted answers: each poll / details call takes the next one; the last details answer repeats. */
function harness(script: {readonly polls?: readonly Outcome<ApiEvent[]>[]; readonly details?: readonly Outcome<ServiceDetails>[]}, options: Partial<WatcherOptions> = {}) {
	const polls = [...(script.polls ?? [])];
	const details = [...(script.details ?? [service('deploying', 10)])];
	const messages: WatchMessage[] = [];
	const calls = {polls: 0, details: 0, signals: [] as AbortSignal[]};
	const sync: EventSync = {
		offsetMode: null,
		progress: 0,
		poll: async (signal) => {
			calls.polls += 1;
			if (signal) calls.signals.push(signal);
			const next = polls.shift() ?? [];
			if (next instanceof ApiError) throw next;
			return next;
		},
	};
	const client: ModelArtsClient = {
		listEvents: async () => ({service_id: null, service_name: null, total_count: 0, events: []}),
		getService: async () => {
			calls.details += 1;
			const next = (details.length > 1 ? details.shift() : details[0]) as Outcome<ServiceDetails>;
			if (next instanceof ApiError) throw next;
			return next;
		},
		listServices: async () => ({total_count: 0, services: []}),
		// A server without the bonus APIs: the watch must work as it does without them.
		getMonitor: async () => {
			throw new NotFoundError('HTTP 404 APIGW.0101', 404);
		},
		getUpdateLogs: async () => {
			throw new NotFoundError('HTTP 404 APIGW.0101', 404);
		},
	};
	const watcher = createWatcher({client, serviceId: 'svc', sync, intervalMs: 2000, random: () => 0.5, onMessage: (m) => messages.push(m), ...options});
	const syncStates = (): SyncState[] => messages.flatMap((m) => (m.type === 'sync' ? [m.state] : []));
	const gaps = (): number[] =>
		syncStates().flatMap((s) => (s.kind === 'ok' && s.nextPollAt !== null ? [s.nextPollAt - s.lastSuccessAt] : s.kind === 'retrying' ? [s.retryAt - Date.now()] : []));
	return {watcher, messages, calls, syncStates, gaps};
}

beforeEach(() => {
	vi.useFakeTimers({now: START});
});
afterEach(() => {
	vi.useRealTimers();
});

describe('createWatcher', () => {
	it('with a consumer that paces it, hands a long read over in parts and asks nothing while the consumer is busy', async () => {
		// Given a sync whose read comes in three parts, and a consumer that says when it can take more
		const sync: EventSync = {
			offsetMode: null,
			progress: 0,
			poll: async (_signal, onPage) => {
				await onPage?.([event(1), event(2)]);
				await onPage?.([event(3)]);
				return [event(4)];
			},
		};
		const gates: Array<() => void> = [];
		const readyForMore = () => new Promise<void>((resolve) => gates.push(resolve));
		const {watcher, messages, calls} = harness({}, {sync, readyForMore});
		const parts = () => messages.flatMap((m) => (m.type === 'events' ? [{times: m.events.map((e) => e.occur_time), more: m.more === true}] : []));

		// When it starts, and the consumer lets it go on one step at a time
		watcher.start();
		await vi.advanceTimersByTimeAsync(0);
		const beforeReady = parts();
		gates.shift()!();
		await vi.advanceTimersByTimeAsync(0);
		const afterOneStep = parts();
		while (gates.length > 0) {
			gates.shift()!();
			await vi.advanceTimersByTimeAsync(0);
		}

		// Then nothing is read before the consumer is ready, each part waits for it, and the last part says it is the last
		expect(beforeReady).toEqual([]);
		expect(afterOneStep).toEqual([{times: [1, 2], more: true}]);
		expect(parts()).toEqual([{times: [1, 2], more: true}, {times: [3], more: true}, {times: [4], more: false}]);
		expect(calls.details).toBe(1);
		watcher.stop();
	});

	it('polls every interval while a deployment is in progress, emitting events and changed details only', async () => {
		// Given a deploying service whose events come in two polls
		const {watcher, messages, calls} = harness({polls: [[event(1)], [], [event(2)]], details: [service('deploying', 10), service('deploying', 10), service('deploying', 60)]});

		// When it runs for three intervals
		watcher.start();
		await vi.advanceTimersByTimeAsync(4000);

		// Then it polled at 0, 2 s and 4 s, and reported only what changed
		expect(calls.polls).toBe(3);
		const kinds = messages.map((m) => (m.type === 'sync' ? `sync:${m.state.kind}` : m.type));
		expect(kinds).toEqual(['sync:loading', 'events', 'details', 'monitor-unavailable', 'sync:ok', 'sync:ok', 'events', 'details', 'sync:ok']);
		expect(messages.at(-1)).toMatchObject({type: 'sync', state: {kind: 'ok', lastSuccessAt: START + 4000, nextPollAt: START + 6000}});
		watcher.stop();
	});

	it('backs off gradually while nothing changes on a running service, up to 5× the interval', async () => {
		const {watcher, gaps} = harness({details: [service('running')]});

		watcher.start();
		await vi.advanceTimersByTimeAsync(120_000);

		expect(gaps().slice(0, 10)).toEqual([2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10_000, 10_000]);
		watcher.stop();
	});

	it('caps the quiet cadence at 30 s', async () => {
		const {watcher, gaps} = harness({details: [service('stopped')]}, {intervalMs: 10_000});

		watcher.start();
		await vi.advanceTimersByTimeAsync(600_000);

		expect(Math.max(...gaps())).toBe(30_000);
		watcher.stop();
	});

	it('polls at once on refreshNow and returns to the normal interval', async () => {
		// Given a quiet running service that has backed off
		const {watcher, calls, gaps} = harness({details: [service('running')]});
		watcher.start();
		await vi.advanceTimersByTimeAsync(21_000);
		const before = calls.polls;

		// When the user asks for a refresh
		watcher.refreshNow();
		await vi.advanceTimersByTimeAsync(0);

		// Then it polls right away and the next wait is the plain interval again
		expect(calls.polls).toBe(before + 1);
		expect(gaps().at(-1)).toBe(2000);
		watcher.stop();
	});

	it('never starts cycles closer than a second apart, however often refresh is asked', async () => {
		const {watcher, calls} = harness({});
		watcher.start();
		await vi.advanceTimersByTimeAsync(0);

		for (let i = 0; i < 20; i++) {
			watcher.refreshNow();
			await vi.advanceTimersByTimeAsync(100);
		}

		// 2 s of refresh spam: the first cycle plus at most two more
		expect(calls.polls).toBeLessThanOrEqual(3);
		watcher.stop();
	});

	it('retries transient failures with growing back-off, and resets it after a success', async () => {
		const fail = () => new TransientError('HTTP 503', 503);
		const {watcher, messages} = harness({polls: [fail(), fail(), fail(), [], fail()]}, {random: () => 0.999_999});

		watcher.start();
		await vi.advanceTimersByTimeAsync(20_000);

		// Then waits grow 1 s, 2 s, 4 s (full jitter at its top; never under 1 s) and start over after the success
		const retries = messages.flatMap((m) => (m.type === 'sync' && m.state.kind === 'retrying' ? [{...m.state, wait: m.state.retryAt - m.at}] : []));
		expect(retries.map((s) => [s.attempt, s.reason, s.wait])).toEqual([
			[1, 'HTTP 503', 1000],
			[2, 'HTTP 503', 1999],
			[3, 'HTTP 503', 3999],
			[1, 'HTTP 503', 1000],
		]);
		watcher.stop();
	});

	it('starts the back-off again when a failed poll still moved the sync on', async () => {
		// Given a large first load whose every poll gets one page further before a fault
		const messages: WatchMessage[] = [];
		let pages = 0;
		const sync: EventSync = {
			offsetMode: null,
			get progress() {
				return pages;
			},
			poll: async () => {
				if (pages >= 4) return [];
				pages += 1;
				throw new TransientError('HTTP 503', 503);
			},
		};
		const client = {...WITHOUT_EXTRAS, getService: async () => service('deploying')} as unknown as ModelArtsClient;
		const loading = createWatcher({client, serviceId: 'svc', sync, intervalMs: 2000, random: () => 0.999_999, onMessage: (m) => messages.push(m)});

		loading.start();
		await vi.advanceTimersByTimeAsync(10_000);

		// Then every retry waits the first back-off step, not a growing one
		const retries = messages.flatMap((m) => (m.type === 'sync' && m.state.kind === 'retrying' ? [[m.state.attempt, m.state.retryAt - m.at]] : []));
		expect(retries).toEqual([
			[1, 1000],
			[1, 1000],
			[1, 1000],
			[1, 1000],
		]);
		loading.stop();
	});

	it('waits at least Retry-After after a 429, even when asked to refresh', async () => {
		const throttled = new ThrottledError('HTTP 429 APIGW.0308: over ratelimit — throttled', 429, {errorCode: 'APIGW.0308', errorMsg: 'over ratelimit', requestId: null}, 5000);
		const {watcher, calls, syncStates} = harness({polls: [throttled]}, {random: () => 0});

		watcher.start();
		await vi.advanceTimersByTimeAsync(0);
		watcher.refreshNow();
		await vi.advanceTimersByTimeAsync(4900);
		expect(calls.polls).toBe(1);
		await vi.advanceTimersByTimeAsync(200);

		expect(calls.polls).toBe(2);
		expect(syncStates().find((s) => s.kind === 'retrying')).toMatchObject({attempt: 1, reason: 'HTTP 429 APIGW.0308', retryAt: START + 5000});
		watcher.stop();
	});

	it.each([
		['a 404 on events', {polls: [new NotFoundError('HTTP 404 ModelArts.3502: Service x does not exist — service svc not found; check the service id', 404)]}, 'not_found'],
		['a 401 on events', {polls: [new AuthError('HTTP 401 ModelArts.0203 — renew the token', 401)]}, 'auth'],
		['a 403 on events', {polls: [new ForbiddenError('HTTP 403 ModelArts.0210 — check the project id', 403)]}, 'forbidden'],
		['a 401 on details', {details: [new AuthError('HTTP 401 APIGW.0301 — renew the token', 401)]}, 'auth'],
		['an untrusted certificate', {polls: [new HopError('TLS: the certificate of m.example:443 is not signed by a CA this machine trusts', 'endpoint-tls', false)]}, 'hop'],
		['a proxy refusing the tunnel', {polls: [new HopError('the proxy p:3128 (HTTPS_PROXY) refused the tunnel to m.example:443 (403)', 'proxy-refused', false, 403)]}, 'hop'],
		['a proxy wanting credentials on details', {details: [new HopError('the proxy p:3128 (HTTPS_PROXY) wants credentials (407)', 'proxy-auth', false, 407)]}, 'hop'],
	] as const)('stops on %s and says what to do', async (_name, script, errorKind) => {
		const {watcher, calls, syncStates} = harness(script);

		watcher.start();
		const result = await vi.waitFor(() => watcher.done);
		await vi.advanceTimersByTimeAsync(60_000);

		expect(result.reason).toBe('permanent-error');
		expect(result.error?.kind).toBe(errorKind);
		expect(syncStates().at(-1)).toMatchObject({kind: 'stopped', errorKind, message: expect.stringContaining(result.error?.message ?? '?')});
		expect(calls.polls).toBe(1);
	});

	it('gives up after 5 attempts when the server never answered at all, saying why', async () => {
		// Given an endpoint that refuses every connection (a wrong --endpoint, a missing proxy)
		const refused = () => new TransientError('connection refused by 127.0.0.1:1 — check the endpoint');
		const {watcher, syncStates} = harness({polls: Array.from({length: 10}, refused)});

		// When it has retried for long enough
		watcher.start();
		await vi.advanceTimersByTimeAsync(600_000);

		// Then it stopped for good after the fifth attempt, naming the cause
		const result = await watcher.done;
		expect(result.reason).toBe('permanent-error');
		expect(result.error?.message).toBe('could not reach ModelArts after 5 attempts: connection refused by 127.0.0.1:1 — check the endpoint');
		expect(syncStates().filter((s) => s.kind === 'retrying')).toHaveLength(4);
		expect(syncStates().at(-1)).toMatchObject({kind: 'stopped'});
	});

	it('gives up after 5 attempts on a proxy that is down, as on any endpoint never reached', async () => {
		// Given a proxy that refuses every connection: the proxy answered nothing, ModelArts neither
		const down = () => new HopError('connection refused by the proxy 127.0.0.1:9 (HTTPS_PROXY) — is the proxy running? Check HTTPS_PROXY', 'proxy-tcp', true);
		const {watcher, syncStates} = harness({polls: Array.from({length: 10}, down)});

		watcher.start();
		await vi.advanceTimersByTimeAsync(600_000);

		expect((await watcher.done).error?.message).toBe('could not reach ModelArts after 5 attempts: connection refused by the proxy 127.0.0.1:9 (HTTPS_PROXY) — is the proxy running? Check HTTPS_PROXY');
		expect(syncStates().filter((s) => s.kind === 'retrying').map((s) => s.kind === 'retrying' && s.reason)).toEqual(Array.from({length: 4}, () => 'connection refused by the proxy 127.0.0.1:9 (HTTPS_PROXY)'));
	});

	it.each([
		['a gateway page', () => new HopError('HTTP 502 (an HTML page, not a ModelArts answer) from m:443 — a gateway or load balancer in front of ModelArts could not serve the request', 'gateway', true, 502)],
		['a cut-off body', () => new TransientError('invalid JSON from m:443', 200)],
		['a bare 503', () => new TransientError('HTTP 503', 503)],
	] as const)('gives up after 5 attempts when all that ever came was %s: ModelArts never answered', async (_what, failure) => {
		const {watcher} = harness({polls: Array.from({length: 10}, (): ApiError => failure())});

		watcher.start();
		await vi.advanceTimersByTimeAsync(600_000);

		expect((await watcher.done).error?.message).toMatch(/^could not reach ModelArts after 5 attempts: /);
	});

	it('keeps retrying a server that answered once, however long it fails', async () => {
		// Given a server that answered with ModelArts' own 503 before the connection started failing
		const failures = [new TransientError('HTTP 503 ModelArts.0001', 503, {errorCode: 'ModelArts.0001', errorMsg: 'busy', requestId: null}), ...Array.from({length: 9}, () => new TransientError('connection reset'))];
		const {watcher, syncStates} = harness({polls: failures});

		watcher.start();
		await vi.advanceTimersByTimeAsync(600_000);

		// Then every failure was retried and the watch still runs
		expect(syncStates().filter((s) => s.kind === 'retrying')).toHaveLength(10);
		expect(syncStates().at(-1)?.kind).not.toBe('stopped');
		watcher.stop();
	});

	it('goes on with events alone when details are forbidden', async () => {
		const {watcher, messages, calls} = harness({polls: [[event(1)], [event(2)]], details: [new ForbiddenError('HTTP 403 ModelArts.0206', 403)]});

		watcher.start();
		await vi.advanceTimersByTimeAsync(4000);

		expect(messages.filter((m) => m.type === 'details-unavailable')).toEqual([{type: 'details-unavailable', reason: 'HTTP 403', at: START}]);
		expect(messages.filter((m) => m.type === 'events')).toHaveLength(2);
		expect(calls.details).toBe(1);
		expect(calls.polls).toBe(3);
		watcher.stop();
	});

	it('with stopAfterTerminal, fetches events once more after the terminal status, then finishes', async () => {
		// Given a deployment that reaches running on the second poll, with a last event written meanwhile
		const {watcher, messages, calls} = harness(
			{polls: [[event(1)], [event(2)], [event(3, 'Service demo started.')]], details: [service('deploying', 50), service('running')]},
			{stopAfterTerminal: true},
		);

		// When it runs
		watcher.start();
		await vi.advanceTimersByTimeAsync(10_000);
		const result = await watcher.done;

		// Then the extra poll delivered the last event, and the watch ended as terminal
		expect(result).toEqual({reason: 'terminal'});
		expect(calls.polls).toBe(3);
		expect(calls.details).toBe(2);
		expect(messages.filter((m) => m.type === 'events').flatMap((m) => (m.type === 'events' ? m.events : []))).toEqual([event(1), event(2), event(3, 'Service demo started.')]);
		expect(messages.at(-1)).toMatchObject({type: 'sync', state: {kind: 'ok', nextPollAt: null}});
	});

	it('stops cleanly: done resolves, the request in flight is aborted, no poll follows', async () => {
		const {watcher, calls} = harness({});
		watcher.start();
		await vi.advanceTimersByTimeAsync(0);

		watcher.stop();
		await vi.advanceTimersByTimeAsync(60_000);

		expect(await watcher.done).toEqual({reason: 'stopped'});
		expect(calls.polls).toBe(1);
		expect(calls.signals[0]?.aborted).toBe(true);
	});
});
