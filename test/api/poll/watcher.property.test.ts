// Property: whatever mix of successes, failures, throttling and refresh presses the watcher
// meets, it never starts two cycles less than a second apart, never asks again before a
// Retry-After has passed, counts attempts from 1 after each success, and stops for good on
// a permanent error.
import fc from 'fast-check';
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {ApiError, BadRequestError, ThrottledError, TransientError} from '../../../source/api/errors.js';
import type {EventSync} from '../../../source/api/poll/sync.js';
import type {ModelArtsClient} from '../../../source/api/types.js';
import {createWatcher} from '../../../source/api/poll/watcher.js';
import type {ApiEvent} from '../../../source/core/types.js';
import type {SyncState} from '../../../source/core/watch/sync-state.js';
import {WITHOUT_EXTRAS} from '../without-extras.js';

type Step = {readonly kind: 'ok'; readonly events: number} | {readonly kind: 'transient'} | {readonly kind: 'throttled'; readonly retryAfterMs: number} | {readonly kind: 'permanent'};

const step: fc.Arbitrary<Step> = fc.oneof(
	{weight: 4, arbitrary: fc.record({kind: fc.constant('ok' as const), events: fc.nat(2)})},
	{weight: 3, arbitrary: fc.constant({kind: 'transient' as const})},
	{weight: 2, arbitrary: fc.record({kind: fc.constant('throttled' as const), retryAfterMs: fc.integer({min: 0, max: 8000})})},
	{weight: 1, arbitrary: fc.constant({kind: 'permanent' as const})},
);

function outcome(s: Step, index: number): ApiEvent[] | ApiError {
	switch (s.kind) {
		case 'ok':
			return Array.from({length: s.events}, (_, i) => ({occur_time: index * 10 + i, event_type: 'normal', event_info: 'x'}));
		case 'transient':
			return new TransientError('HTTP 503 ModelArts.0001', 503, {errorCode: 'ModelArts.0001', errorMsg: 'busy', requestId: null});
		case 'throttled':
			return new ThrottledError('HTTP 429 APIGW.0308', 429, {errorCode: 'APIGW.0308', errorMsg: 'over ratelimit', requestId: null}, s.retryAfterMs);
		case 'permanent':
			return new BadRequestError('HTTP 400', 400);
	}
}

beforeEach(() => {
	vi.useFakeTimers({now: 0});
});
afterEach(() => {
	vi.useRealTimers();
});

describe('watcher pacing', () => {
	it('never hammers, honours Retry-After and stops on permanent errors', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(step, {minLength: 1, maxLength: 25}), fc.array(fc.integer({min: 0, max: 5000}), {maxLength: 6}), fc.double({min: 0, max: 0.999, noNaN: true}), async (steps, refreshAt, jitter) => {
				// Given scripted poll outcomes, refresh presses at random moments and a fixed jitter
				vi.setSystemTime(0);
				const pollTimes: number[] = [];
				const states: SyncState[] = [];
				const sync: EventSync = {
					offsetMode: null,
					progress: 0,
					poll: async () => {
						const index = pollTimes.length;
						pollTimes.push(Date.now());
						const next = steps[index] ? outcome(steps[index], index) : [];
						if (next instanceof ApiError) throw next;
						return next;
					},
				};
				const client = {...WITHOUT_EXTRAS, getService: async () => ({service_id: 's', service_name: 's', status: 'deploying'})} as unknown as ModelArtsClient;
				const watcher = createWatcher({client, serviceId: 's', sync, intervalMs: 2000, random: () => jitter, onMessage: (m) => m.type === 'sync' && states.push(m.state)});

				// When it runs for ten minutes of fake time
				watcher.start();
				for (const at of [...refreshAt].sort((a, b) => a - b)) {
					await vi.advanceTimersByTimeAsync(at - Date.now());
					watcher.refreshNow();
				}

				await vi.advanceTimersByTimeAsync(600_000 - Date.now());
				watcher.stop();

				// Then cycles start at least a second apart, and never before a Retry-After ends
				for (let i = 1; i < pollTimes.length; i++) {
					expect((pollTimes[i] as number) - (pollTimes[i - 1] as number)).toBeGreaterThanOrEqual(1000);
					const before = steps[i - 1];
					if (before?.kind === 'throttled') expect((pollTimes[i] as number) - (pollTimes[i - 1] as number)).toBeGreaterThanOrEqual(before.retryAfterMs);
				}

				// Attempts count the failures since the last success (a refresh may restart the count),
				// and the first permanent error is the last poll
				const run = steps.slice(0, pollTimes.length);
				const permanentAt = run.findIndex((s) => s.kind === 'permanent');
				let streak = 0;
				const streaks = run.flatMap((s) => {
					streak = s.kind === 'ok' ? 0 : streak + 1;
					return s.kind === 'transient' || s.kind === 'throttled' ? [streak] : [];
				});
				const attempts = states.flatMap((s) => (s.kind === 'retrying' ? [s.attempt] : []));
				expect(attempts).toHaveLength(streaks.length);
				attempts.forEach((attempt, i) => {
					expect(attempt).toBeGreaterThanOrEqual(1);
					if (refreshAt.length === 0) expect(attempt).toBe(streaks[i]);
					else expect(attempt).toBeLessThanOrEqual(streaks[i] as number);
				});
				if (permanentAt >= 0) {
					expect(pollTimes).toHaveLength(permanentAt + 1);
					expect(states.at(-1)?.kind).toBe('stopped');
					expect((await watcher.done).reason).toBe('permanent-error');
				}
			}),
			{numRuns: 150},
		);
	});
});
