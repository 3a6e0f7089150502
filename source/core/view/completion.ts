// When to nudge the user: the deployment this watch saw in progress has just succeeded or
// failed. A service that was already running (or failed) when the watch began never
// nudges, and neither does the first poll: before it, "in progress" only means "no data".
import type {DeploymentProgress, Outcome} from '../types.js';
import {deploymentDuration} from '../words/wording.js';

/** A completion worth a bell and a desktop notification. */
export interface Nudge {
	readonly outcome: 'succeeded' | 'failed';
	/** How long the deployment took (first to last event), null when unknown. */
	readonly elapsedMs: number | null;
	/** Counts nudges in this watch, so each one is a new value even with equal contents. */
	readonly serial: number;
}

/** What the completion tracking remembers between polls. */
export interface CompletionState {
	/** The outcome at the last successful poll; null before the first. */
	readonly seen: Outcome | null;
	readonly nudge: Nudge | null;
}

export const NO_COMPLETION: CompletionState = {seen: null, nudge: null};

/**
 * The tracking after a successful poll whose data gave `deployment`. Returns `state` itself
 * when nothing changed, so the reducer can keep its state object.
 */
export function trackCompletion(state: CompletionState, deployment: DeploymentProgress): CompletionState {
	const outcome = deployment.outcome;
	if (outcome === state.seen) return state;
	const ended = outcome === 'succeeded' || outcome === 'failed';
	if (state.seen === 'in_progress' && ended) {
		const nudge: Nudge = {outcome, elapsedMs: deploymentDuration(deployment, null), serial: (state.nudge?.serial ?? 0) + 1};
		return {seen: outcome, nudge};
	}

	return {seen: outcome, nudge: state.nudge};
}
