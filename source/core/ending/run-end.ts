// Endings as commands (as Bubble Tea's tea.Quit): whatever ends a run arrives as a message
// (the watcher's end, a signal, the --timeout; q and Ctrl+C as keys), the reducer that embeds
// this state applies the one rule (watch-end.ts) after every action, and returns an `exit`
// effect carrying the ending. The runtime only carries it out; it decides nothing.
import {NOTHING_KNOWN, type EndRules, type EndSignal, type WatchEnding, type WatchFacts, type WatchFailure} from './watch-end.js';

/** An ending that leaves the program. */
export type ExitEnding = Extract<WatchEnding, {kind: 'exit'}>;

/** What ends a run from outside the watch's data. */
export type EndMessage =
	/** The watcher stopped by itself: after a terminal status (`failure` null) or on a permanent error. */
	| {readonly type: 'watch-done'; readonly failure: WatchFailure | null}
	| {readonly type: 'signal'; readonly signal: EndSignal}
	| {readonly type: 'timeout'};

/** The end messages from outside every watch: a signal, the timeout. */
export type OutsideEnd = Exclude<EndMessage, {type: 'watch-done'}>;

/** Where the signals and the timeout come from: every program that decides the end subscribes while it runs. */
export interface EndSource {
	subscribe(listener: (message: OutsideEnd) => void): () => void;
}

/** The facts of the run that do not come from the watch data. */
export type RunFacts = Pick<WatchFacts, 'pollingDone' | 'failure' | 'timedOut' | 'signal' | 'key'>;

/** What a program knows toward its end. */
export interface EndState {
	readonly rules: EndRules;
	readonly facts: RunFacts;
	/** Set once the rule said the run is over: the program then changes no more. */
	readonly ending: ExitEnding | null;
}

/** What the rule asks for: leave the program, or (a watch opened from the picker failed for good) go back to the list. */
export type EndEffect = {readonly type: 'exit'; readonly ending: ExitEnding} | {readonly type: 'back'; readonly notice: string};

export function initialEnd(rules: EndRules): EndState {
	const {pollingDone, failure, timedOut, signal, key} = NOTHING_KNOWN;
	return {rules, facts: {pollingDone, failure, timedOut, signal, key}, ending: null};
}

/** The fact an end message brings. */
export function factOf(message: EndMessage): Partial<RunFacts> {
	switch (message.type) {
		case 'watch-done':
			return message.failure === null ? {pollingDone: true} : {failure: message.failure};
		case 'signal':
			return {signal: message.signal};
		case 'timeout':
			return {timedOut: true};
	}
}

/** Whether an action is one of the end messages. */
export function isEndMessage(action: {readonly type: string}): action is EndMessage {
	return action.type === 'watch-done' || action.type === 'signal' || action.type === 'timeout';
}

/**
 * The rule applied to the run's facts (after `change`): the end state, and the effect it asks
 * for. `decide` adds the facts of the watch data and applies decideEnd (or decideManyEnd).
 * Returns `end` itself when nothing changed.
 */
export function settleEnd(
	end: EndState,
	change: Partial<RunFacts>,
	decide: (facts: RunFacts, rules: EndRules) => WatchEnding | null,
): {readonly end: EndState; readonly effect: EndEffect | null} {
	const facts = Object.keys(change).length === 0 ? end.facts : {...end.facts, ...change};
	const ending = decide(facts, end.rules);
	const same = facts === end.facts ? end : {...end, facts};
	if (ending === null) return {end: same, effect: null};
	// The list shows why, and the watch is gone: its failure must not end the run later.
	if (ending.kind === 'back') return {end: {...same, facts: {...facts, failure: null}}, effect: {type: 'back', notice: ending.message}};
	return {end: {...same, ending}, effect: {type: 'exit', ending}};
}
