// When the watch of several ends: the rule for several (watch-end-many.ts) over each service's
// facts (its view's data, and how its poll loop ended) and the run's own (run-end.ts).
import type {OverviewService, OverviewState} from './types.js';
import {settleEnd, type EndEffect, type EndState, type RunFacts} from '../ending/run-end.js';
import {watchFacts} from '../watch/data.js';
import {decideManyEnd, type ServiceFacts} from '../ending/watch-end-many.js';

export const NOT_DONE: OverviewService['done'] = {pollingDone: false, failure: null};

/** What the rule for several knows of one service. */
export function serviceFactsOf(service: OverviewService): ServiceFacts {
	return {...watchFacts(service.view), ...service.done};
}

/** The rule applied after an action that brought `change` (or only moved the services on). */
export function settleOverviewEnd(state: OverviewState, change: Partial<RunFacts>): {readonly end: EndState; readonly effect: EndEffect | null} {
	return settleEnd(state.end, change, (facts, rules) => decideManyEnd(state.services.map(serviceFactsOf), {...facts, outcome: 'in_progress', detailsUnavailable: false, polled: false}, rules));
}
