import {describe, expect, it} from 'vitest';
import {NOTHING_KNOWN, type EndRules} from '../../../source/core/ending/watch-end.js';
import {aggregateFacts, decideManyEnd, NOTHING_KNOWN_OF_SERVICE, setOutcome, type ServiceFacts} from '../../../source/core/ending/watch-end-many.js';

const RULES: EndRules = {once: false, exitStatus: false, timeoutMs: null};
const service = (change: Partial<ServiceFacts>): ServiceFacts => ({...NOTHING_KNOWN_OF_SERVICE, polled: true, ...change});
const notFound = {exitCode: 4, message: 'modelarts-watch: Service b does not exist (404 ModelArts.3502)', reason: 'Service b does not exist (404 ModelArts.3502)'};
const rejected = {exitCode: 3, message: 'modelarts-watch: MODELARTS_TOKEN was rejected (401 ModelArts.0203)', reason: 'MODELARTS_TOKEN was rejected (401 ModelArts.0203)'};
const forbidden = {exitCode: 3, message: 'modelarts-watch: no access (403 ModelArts.0210)', reason: 'no access (403 ModelArts.0210)'};

const done = (outcome: ServiceFacts['outcome']) => service({outcome, pollingDone: true});

describe('decideManyEnd: when a watch of several services is over', () => {
	it.each<[string, ServiceFacts[], Partial<EndRules>, Partial<typeof NOTHING_KNOWN>, {reason: string; exitCode: number} | null]>([
		['three in progress', [service({}), service({}), service({})], {exitStatus: true}, {}, null],
		['--exit-status: two ended, one still deploying', [done('succeeded'), done('failed'), service({})], {exitStatus: true}, {}, null],
		['--exit-status: every service succeeded', [done('succeeded'), done('succeeded')], {exitStatus: true}, {}, {reason: 'terminal', exitCode: 0}],
		['--exit-status: one failed', [done('succeeded'), done('failed')], {exitStatus: true}, {}, {reason: 'terminal', exitCode: 1}],
		['--exit-status: one stopped', [done('succeeded'), done('stopped')], {exitStatus: true}, {}, {reason: 'terminal', exitCode: 1}],
		['--exit-status: one could not be watched (404), the other succeeded', [done('succeeded'), service({failure: notFound})], {exitStatus: true}, {}, {reason: 'terminal', exitCode: 1}],
		['--exit-status: details unavailable on one, its events show success', [done('succeeded'), service({detailsUnavailable: true, outcome: 'succeeded'})], {exitStatus: true}, {}, {reason: 'terminal', exitCode: 0}],
		['without --exit-status every service ended, the watch goes on', [done('succeeded'), done('failed')], {}, {}, null],
		['--timeout while one is in progress', [done('succeeded'), done('failed'), service({})], {timeoutMs: 60_000, exitStatus: true}, {timedOut: true}, {reason: 'timeout', exitCode: 5}],
		['--timeout after all ended, one failed', [service({outcome: 'succeeded'}), service({outcome: 'failed'})], {timeoutMs: 60_000, exitStatus: true}, {timedOut: true}, {reason: 'timeout', exitCode: 1}],
		['--once before every service polled', [service({}), service({polled: false})], {once: true}, {}, null],
		['--once once every service polled (or failed for good)', [service({}), service({polled: false, failure: notFound})], {once: true, exitStatus: true}, {}, {reason: 'once', exitCode: 8}],
		['a permanent error on one service: the others go on', [service({}), service({failure: notFound})], {}, {}, null],
		['the credential rejected for every service', [service({failure: rejected}), service({polled: false, failure: rejected})], {}, {}, {reason: 'failure', exitCode: 3}],
		['every service failed, for different reasons', [service({failure: rejected}), service({failure: notFound})], {}, {}, {reason: 'failure', exitCode: 1}],
		['403 on one and 401 on the other: both are exit 3', [service({failure: forbidden}), service({failure: rejected})], {}, {}, {reason: 'failure', exitCode: 3}],
		['q quits whatever the services do', [service({}), service({failure: notFound})], {exitStatus: true}, {key: 'quit'}, {reason: 'quit', exitCode: 0}],
		['SIGTERM', [service({})], {}, {signal: 'SIGTERM'}, {reason: 'signal', exitCode: 143}],
	])('%s', (_name, services, rules, run, expected) => {
		const ending = decideManyEnd(services, {...NOTHING_KNOWN, ...run}, {...RULES, ...rules});
		if (expected === null) {
			expect(ending).toBeNull();
			return;
		}

		expect(ending).toMatchObject({kind: 'exit', ...expected});
	});

	it('says how many services the timeout left in progress', () => {
		const ending = decideManyEnd([service({}), service({}), done('succeeded')], {...NOTHING_KNOWN, timedOut: true}, {...RULES, timeoutMs: 60_000});
		expect(ending).toMatchObject({exitCode: 5, message: 'modelarts-watch: --timeout reached after 1m00s; 2 of 3 services are still in progress', summary: true});
	});

	it('ends a credential rejected everywhere with that error, and no summaries', () => {
		const ending = decideManyEnd([service({failure: rejected}), service({failure: rejected})], NOTHING_KNOWN, RULES);
		expect(ending).toEqual({kind: 'exit', reason: 'failure', exitCode: 3, message: rejected.message, summary: false});
	});
});

describe('setOutcome: the outcome of the set', () => {
	it.each<[ServiceFacts['outcome'][], string]>([
		[['succeeded', 'succeeded'], 'succeeded'],
		[['succeeded', 'in_progress', 'failed'], 'in_progress'],
		[['succeeded', 'failed', 'stopped'], 'failed'],
		[['stopped', 'succeeded'], 'stopped'],
	])('%j → %s', (outcomes, expected) => {
		expect(setOutcome(outcomes.map(outcome => service({outcome})))).toBe(expected);
	});

	it('counts a service stopped by a permanent error as failed', () => {
		expect(setOutcome([service({outcome: 'succeeded'}), service({failure: notFound})])).toBe('failed');
		expect(aggregateFacts([service({outcome: 'succeeded'}), service({failure: notFound})], true).outcome).toBe('failed');
	});
});
