import {describe, expect, it} from 'vitest';
import {autoStopText} from '../../../source/core/deployment/auto-stop.js';

const NOW = 1_562_597_251_764;
const S = 1000;
const M = 60 * S;
const H = 60 * M;

describe('autoStopText', () => {
	it.each<[string, number | null | undefined, string | null]>([
		['58 minutes and some seconds away: rounded down', NOW + 58 * M + 59 * S, 'auto-stop in 58m'],
		['exactly one minute', NOW + M, 'auto-stop in 1m'],
		['under a minute', NOW + 30 * S, 'auto-stop in <1m'],
		['hours away', NOW + 2 * H + 5 * M + 30 * S, 'auto-stop in 2h05m'],
		['days away', NOW + 3 * 24 * H + 4 * H, 'auto-stop in 3d04h'],
		['now', NOW, 'auto-stop due'],
		['in the past', NOW - 5 * M, 'auto-stop due'],
		['no due_time', undefined, null],
		['null', null, null],
		['zero (not set)', 0, null],
		['negative', -1, null],
		['not a number', Number.NaN, null],
	])('%s', (_name, dueTime, text) => {
		expect(autoStopText(dueTime, NOW)).toBe(text);
	});
});
