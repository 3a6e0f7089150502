import {describe, expect, it} from 'vitest';
import {decideEnd, exitCodeForOutcome, NOTHING_KNOWN, type EndRules, type WatchFacts} from '../../../source/core/ending/watch-end.js';

const RULES: EndRules = {once: false, exitStatus: false, timeoutMs: null};
const facts = (change: Partial<WatchFacts>): WatchFacts => ({...NOTHING_KNOWN, ...change});
const failure = {exitCode: 4, message: 'modelarts-watch: Service svc does not exist', reason: 'Service svc does not exist'};

describe('decideEnd: when a watch is over, why, and with which exit code', () => {
	it.each<[string, Partial<WatchFacts>, Partial<EndRules>, {reason: string; exitCode: number} | null]>([
		['nothing known yet', {}, {}, null],
		['a deployment in progress, polled', {polled: true}, {}, null],
		['a failed deployment without --exit-status keeps watching', {outcome: 'failed', polled: true}, {}, null],
		['--once after the first poll, in progress', {polled: true}, {once: true}, {reason: 'once', exitCode: 0}],
		['--once --exit-status, in progress', {polled: true}, {once: true, exitStatus: true}, {reason: 'once', exitCode: 8}],
		['--once --exit-status, succeeded', {polled: true, outcome: 'succeeded'}, {once: true, exitStatus: true}, {reason: 'once', exitCode: 0}],
		['--once before any poll', {}, {once: true}, null],
		['the final fetch after a terminal status, succeeded', {pollingDone: true, outcome: 'succeeded'}, {exitStatus: true}, {reason: 'terminal', exitCode: 0}],
		['the final fetch after a terminal status, failed', {pollingDone: true, outcome: 'failed'}, {exitStatus: true}, {reason: 'terminal', exitCode: 1}],
		['the final fetch after a terminal status, stopped', {pollingDone: true, outcome: 'stopped'}, {exitStatus: true}, {reason: 'terminal', exitCode: 1}],
		['details unavailable, the events show a failure', {detailsUnavailable: true, outcome: 'failed'}, {exitStatus: true}, {reason: 'settled', exitCode: 1}],
		['details unavailable, the events show success', {detailsUnavailable: true, outcome: 'succeeded'}, {exitStatus: true}, {reason: 'settled', exitCode: 0}],
		['details unavailable, still in progress', {detailsUnavailable: true}, {exitStatus: true}, null],
		['details unavailable without --exit-status', {detailsUnavailable: true, outcome: 'failed'}, {}, null],
		['--timeout while in progress', {timedOut: true, polled: true}, {timeoutMs: 60_000}, {reason: 'timeout', exitCode: 5}],
		['--timeout after the deployment succeeded', {timedOut: true, outcome: 'succeeded'}, {timeoutMs: 60_000, exitStatus: true}, {reason: 'timeout', exitCode: 0}],
		['--timeout after it failed, with --exit-status', {timedOut: true, outcome: 'failed'}, {timeoutMs: 60_000, exitStatus: true}, {reason: 'timeout', exitCode: 1}],
		['SIGTERM', {signal: 'SIGTERM'}, {}, {reason: 'signal', exitCode: 143}],
		['SIGHUP', {signal: 'SIGHUP'}, {}, {reason: 'signal', exitCode: 129}],
		['SIGINT', {signal: 'SIGINT'}, {}, {reason: 'signal', exitCode: 130}],
		['Ctrl+C in the view', {key: 'interrupt'}, {}, {reason: 'interrupt', exitCode: 130}],
		['q, even with a failed deployment and --exit-status', {key: 'quit', outcome: 'failed'}, {exitStatus: true}, {reason: 'quit', exitCode: 0}],
		['a permanent error', {failure}, {}, {reason: 'failure', exitCode: 4}],
		['a permanent error wins over a timeout', {failure, timedOut: true}, {timeoutMs: 1}, {reason: 'failure', exitCode: 4}],
		['a signal wins over q and the timeout', {signal: 'SIGTERM', key: 'quit', timedOut: true}, {timeoutMs: 1}, {reason: 'signal', exitCode: 143}],
	])('%s', (_name, known, rules, expected) => {
		const ending = decideEnd(facts(known), {...RULES, ...rules});
		if (expected === null) {
			expect(ending).toBeNull();
			return;
		}

		expect(ending).toMatchObject({kind: 'exit', ...expected});
	});

	it('words the timeout once, with its duration, and writes the summary', () => {
		expect(decideEnd(facts({timedOut: true}), {...RULES, timeoutMs: 20 * 60_000})).toEqual({
			kind: 'exit',
			reason: 'timeout',
			exitCode: 5,
			message: 'modelarts-watch: --timeout reached after 20m00s; the deployment is still in progress',
			summary: true,
		});
	});

	it('ends a permanent error with its own message and no summary', () => {
		expect(decideEnd(facts({failure}), RULES)).toEqual({kind: 'exit', reason: 'failure', exitCode: 4, message: failure.message, summary: false});
	});

	it('sends a watch opened from the picker back to the list on a permanent error, unless the user is leaving', () => {
		expect(decideEnd(facts({failure}), {...RULES, fromPicker: true})).toEqual({kind: 'back', message: failure.reason});
		expect(decideEnd(facts({failure, key: 'quit'}), {...RULES, fromPicker: true})).toMatchObject({kind: 'exit', reason: 'failure'});
	});
});

describe('exitCodeForOutcome', () => {
	it.each([
		['succeeded', true, 0],
		['failed', true, 1],
		['stopped', true, 1],
		['in_progress', true, 8],
		['failed', false, 0],
		['in_progress', false, 0],
	] as const)('%s with --exit-status=%s → %i', (outcome, exitStatus, code) => {
		expect(exitCodeForOutcome(outcome, exitStatus)).toBe(code);
	});
});
