// When a watch of several services is over. The facts of each service are folded into the
// facts of one watch, and the one rule (watch-end.ts) decides on those: --exit-status ends
// once every service ended (0 when all succeeded, 1 when any failed or stopped), --timeout
// gives 5 while any is still in progress, --once waits for a first poll of each. A permanent
// error on one service ends that service only; only when every service has one (a rejected
// credential is the usual case) does it end the watch, with that error's exit code.
import {decideEnd, timeoutMessage, type EndRules, type WatchEnding, type WatchFacts, type WatchFailure} from './watch-end.js';
import {EXIT} from './exit-codes.js';
import type {Outcome} from '../types.js';

/** What is known about one service of several; the run-wide facts (signal, timeout, keys) stay in WatchFacts. */
export type ServiceFacts = Pick<WatchFacts, 'outcome' | 'detailsUnavailable' | 'polled' | 'pollingDone' | 'failure'>;

export const NOTHING_KNOWN_OF_SERVICE: ServiceFacts = {outcome: 'in_progress', detailsUnavailable: false, polled: false, pollingDone: false, failure: null};

/** A service that will say nothing more: its poll loop made its final fetch, or stopped on a permanent error. */
function hasEnded(service: ServiceFacts, exitStatus: boolean): boolean {
	if (service.failure !== null || service.pollingDone) return true;
	// Without details its poll loop never sees a terminal status: the events must say it (as for one service).
	return exitStatus && service.detailsUnavailable && service.outcome !== 'in_progress';
}

/** A service's outcome as the set counts it: one stopped by a permanent error failed (it did not succeed). */
export function serviceOutcome(service: ServiceFacts): Outcome {
	return service.failure === null ? service.outcome : 'failed';
}

/** The outcome of the set: in progress while any service is; else failed when any failed, stopped when any stopped, else succeeded. */
export function setOutcome(services: readonly ServiceFacts[]): Outcome {
	const outcomes = services.map(serviceOutcome);
	for (const outcome of ['in_progress', 'failed', 'stopped'] as const) if (outcomes.includes(outcome)) return outcome;
	return 'succeeded';
}

/** The failure that ends the watch once every service has one: theirs when they agree on the exit code. */
function commonFailure(failures: readonly WatchFailure[]): WatchFailure {
	const [first] = failures;
	if (failures.every(failure => failure.exitCode === first!.exitCode)) return first!;
	const reason = `none of the ${failures.length} services can be watched`;
	return {exitCode: EXIT.failed, message: `modelarts-watch: ${reason}`, reason};
}

/** The facts of one watch that the set amounts to. */
export function aggregateFacts(services: readonly ServiceFacts[], exitStatus: boolean): ServiceFacts {
	const failures = services.flatMap(service => (service.failure === null ? [] : [service.failure]));
	return {
		outcome: setOutcome(services),
		detailsUnavailable: false,
		polled: services.every(service => service.polled || service.failure !== null),
		// The poll loops of several services always stop after an end; the watch ends there only
		// with --exit-status, as a watch of one does.
		pollingDone: exitStatus && services.every(service => hasEnded(service, exitStatus)),
		failure: failures.length > 0 && failures.length === services.length ? commonFailure(failures) : null,
	};
}

/** Whether a watch of several is over, and how (`null`: keep watching). `facts` gives the run-wide facts. */
export function decideManyEnd(services: readonly ServiceFacts[], facts: WatchFacts, rules: EndRules): WatchEnding | null {
	const ending = decideEnd({...facts, ...aggregateFacts(services, rules.exitStatus)}, rules);
	if (ending?.kind !== 'exit' || ending.reason !== 'timeout' || ending.exitCode !== EXIT.timeout) return ending;
	const open = services.filter(service => service.failure === null && service.outcome === 'in_progress').length;
	return {...ending, message: timeoutMessage(rules, `${open} of ${services.length} services ${open === 1 ? 'is' : 'are'} still in progress`)};
}
