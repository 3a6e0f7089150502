// When a watch is over, why, with which exit code and which closing line. One rule for the
// live view, the overview, the picker and the plain/JSON logs: each applies it after every
// message and every outside event (a signal, the timeout, a key) through run-end.ts, and
// ends when it says so.
import {formatDuration} from '../deployment/elapsed.js';
import {EXIT} from './exit-codes.js';
import type {Outcome} from '../types.js';

/** The signals a watch ends on. */
export const END_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
export type EndSignal = (typeof END_SIGNALS)[number];

/** A permanent error, already worded and given its exit code by the CLI (which knows the error types). */
export interface WatchFailure {
	readonly exitCode: number;
	/** The closing line (`modelarts-watch: …`). */
	readonly message: string;
	/** What went wrong, without the program's name: for a line inside a list or a screen. */
	readonly reason: string;
}

/** What is known about the watch right now. Every field only ever moves one way. */
export interface WatchFacts {
	/** The current deployment's outcome, as the output shows it. */
	readonly outcome: Outcome;
	/** The details API cannot be used: only the events can show that the deployment ended. */
	readonly detailsUnavailable: boolean;
	/** At least one poll completed. */
	readonly polled: boolean;
	/** The poll loop saw a terminal status and made its final fetch (it does so with --exit-status). */
	readonly pollingDone: boolean;
	readonly timedOut: boolean;
	readonly signal: EndSignal | null;
	/** q (quit) or Ctrl+C (interrupt) in the live view or the picker. */
	readonly key: 'quit' | 'interrupt' | null;
	readonly failure: WatchFailure | null;
}

export const NOTHING_KNOWN: WatchFacts = {
	outcome: 'in_progress',
	detailsUnavailable: false,
	polled: false,
	pollingDone: false,
	timedOut: false,
	signal: null,
	key: null,
	failure: null,
};

/** The flags that decide when a watch ends. */
export interface EndRules {
	readonly once: boolean;
	readonly exitStatus: boolean;
	readonly timeoutMs: number | null;
	/** The part of --timeout spent before the watch started (--wait-for-service waiting for the service). */
	readonly timeoutSpentMs?: number;
	/** The watch was opened from the service picker: a permanent error returns to the list. */
	readonly fromPicker?: boolean;
}

export type EndReason = 'failure' | 'signal' | 'interrupt' | 'quit' | 'once' | 'terminal' | 'settled' | 'timeout';

/** How the watch ends. */
export type WatchEnding =
	| {
			readonly kind: 'exit';
			readonly reason: EndReason;
			readonly exitCode: number;
			/** The closing line on stderr, or null. */
			readonly message: string | null;
			/** Whether the plain/JSON logs write their summary (not after a permanent error). */
			readonly summary: boolean;
	  }
	/** A watch opened from the picker failed for good: show why in the list, and go on there. */
	| {readonly kind: 'back'; readonly message: string};

const SIGNAL_EXIT: Readonly<Record<EndSignal, number>> = {SIGINT: EXIT.interrupted, SIGHUP: 129, SIGTERM: 143};

/**
 * The exit code once the watch ended by itself (terminal state, --once, --timeout after the
 * end). Without --exit-status a watch that ran to its end succeeded as a watch: 0.
 */
export function exitCodeForOutcome(outcome: Outcome, exitStatus: boolean): number {
	if (!exitStatus) return EXIT.ok;
	switch (outcome) {
		case 'succeeded':
			return EXIT.ok;
		case 'in_progress':
			return EXIT.inProgress;
		default:
			return EXIT.failed;
	}
}

function byOutcome(reason: EndReason, facts: WatchFacts, rules: EndRules): WatchEnding {
	return {kind: 'exit', reason, exitCode: exitCodeForOutcome(facts.outcome, rules.exitStatus), message: null, summary: true};
}

/**
 * Whether the watch is over, and how. Checked in order of precedence: a permanent error,
 * a signal or Ctrl+C, q, then the endings the flags ask for. `null`: keep watching.
 */
export function decideEnd(facts: WatchFacts, rules: EndRules): WatchEnding | null {
	if (facts.failure !== null) {
		if (rules.fromPicker === true && facts.signal === null && facts.key === null) return {kind: 'back', message: facts.failure.reason};
		return {kind: 'exit', reason: 'failure', exitCode: facts.failure.exitCode, message: facts.failure.message, summary: false};
	}

	if (facts.signal !== null) return {kind: 'exit', reason: 'signal', exitCode: SIGNAL_EXIT[facts.signal], message: null, summary: true};
	if (facts.key === 'interrupt') return {kind: 'exit', reason: 'interrupt', exitCode: EXIT.interrupted, message: null, summary: true};
	if (facts.key === 'quit') return {kind: 'exit', reason: 'quit', exitCode: EXIT.ok, message: null, summary: true};
	if (rules.once && facts.polled) return byOutcome('once', facts, rules);
	if (facts.pollingDone) return byOutcome('terminal', facts, rules);
	// Without details the poll loop never sees a terminal status: the events must say it.
	if (rules.exitStatus && facts.detailsUnavailable && facts.outcome !== 'in_progress') return byOutcome('settled', facts, rules);
	if (facts.timedOut) {
		if (facts.outcome !== 'in_progress') return byOutcome('timeout', facts, rules);
		return {kind: 'exit', reason: 'timeout', exitCode: EXIT.timeout, message: timeoutMessage(rules, 'the deployment is still in progress'), summary: true};
	}

	return null;
}

/** `modelarts-watch: --timeout reached after 20m00s; <what is still going on>`. */
export function timeoutMessage(rules: EndRules, stillGoing: string): string {
	return `modelarts-watch: --timeout reached after ${formatDuration(rules.timeoutMs ?? 0)}; ${stillGoing}`;
}
