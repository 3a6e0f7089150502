import {describe, expect, test} from 'vitest';
import type {SyncState} from '../../../source/core/watch/sync-state.js';
import {glyphsFor} from '../../../source/ui/kit/glyphs.js';
import {syncStatusText} from '../../../source/ui/live/status-text.js';

const NOW = 1_800_000_000_000;

describe('syncStatusText', () => {
	test.each<[SyncState, string, string]>([
		[{kind: 'loading'}, 'connecting…', 'normal'],
		[{kind: 'ok', lastSuccessAt: NOW - 3000, nextPollAt: NOW + 2000}, 'updated 3s ago · next in 2s', 'normal'],
		[{kind: 'ok', lastSuccessAt: NOW - 400, nextPollAt: null}, 'updated 0s ago', 'normal'],
		[{kind: 'ok', lastSuccessAt: NOW - 3000, nextPollAt: NOW - 500}, 'updated 3s ago · next in 0s', 'normal'],
		[{kind: 'retrying', attempt: 3, reason: 'HTTP 503', retryAt: NOW + 7100, lastSuccessAt: null}, 'retrying in 8s (HTTP 503, attempt 3)', 'warning'],
		[
			{kind: 'retrying', attempt: 1, reason: 'HTTP 429 APIGW.0308', retryAt: NOW + 2000, lastSuccessAt: NOW - 61_000},
			'retrying in 2s (HTTP 429 APIGW.0308, attempt 1) · updated 61s ago',
			'warning',
		],
		[{kind: 'stopped', message: 'The token expired: sign in again.', errorKind: 'auth'}, 'stopped: The token expired: sign in again.', 'error'],
	])('%j', (sync, text, tone) => {
		expect(syncStatusText(sync, NOW, glyphsFor(false))).toEqual({text, tone});
	});

	test('--ascii uses ASCII separators', () => {
		const sync: SyncState = {kind: 'ok', lastSuccessAt: NOW - 3000, nextPollAt: NOW + 2000};
		expect(syncStatusText(sync, NOW, glyphsFor(true)).text).toBe('updated 3s ago - next in 2s');
	});
});
