import {describe, expect, it} from 'vitest';
import type {SyncState} from '../../source/core/watch/sync-state.js';
import {syncLine} from '../../source/output/sync-line.js';

const NOW = 1_000_000;
const ok: SyncState = {kind: 'ok', lastSuccessAt: NOW, nextPollAt: null};
const retrying: SyncState = {kind: 'retrying', attempt: 3, reason: 'HTTP 503', retryAt: NOW + 7_200, lastSuccessAt: null};

describe('syncLine', () => {
	it.each([
		['a retry, rounded up to whole seconds', ok, retrying, 'retrying in 8s (HTTP 503, attempt 3)'],
		['recovery after retrying', retrying, ok, 'connected again'],
		['a normal poll', ok, ok, null],
		['the first success', {kind: 'loading'} as SyncState, ok, null],
		['a permanent stop (the runner reports it)', ok, {kind: 'stopped', message: 'x', errorKind: 'auth'} as SyncState, null],
	])('%s', (_name, previous, next, expected) => {
		expect(syncLine(previous, next, NOW)).toBe(expected);
	});
});
