// What ends a run, from outside the program, as messages (core/ending/run-end.ts): the watcher's
// end, the signals and the --timeout. The program decides with the one rule; these only
// deliver. Every output mode hands the watcher's end over through watchDoneMessage.
import type {Authenticator} from '../api/http/authenticator.js';
import type {WatchResult} from '../api/poll/watcher-types.js';
import {factOf, initialEnd, settleEnd, type EndMessage, type EndSource, type ExitEnding, type OutsideEnd, type RunFacts} from '../core/ending/run-end.js';
import {END_SIGNALS, type EndRules, type EndSignal, type WatchEnding} from '../core/ending/watch-end.js';
import {failureOf} from './failure.js';

/** The watcher's end as a message; null when it was stopped (by the run, or by leaving its view). */
export async function watchDoneMessage(done: Promise<WatchResult>, auth: Authenticator | null): Promise<Extract<EndMessage, {type: 'watch-done'}> | null> {
	try {
		const result = await done;
		if (result.reason === 'terminal') return {type: 'watch-done', failure: null};
		if (result.reason === 'permanent-error') return {type: 'watch-done', failure: failureOf(result.error, auth)};
		return null;
	} catch (error) {
		return {type: 'watch-done', failure: failureOf(error, auth)};
	}
}

/** The signals and the --timeout as messages, until `dispose`. */
export interface EndListener extends EndSource {
	/**
	 * Stops listening; call it once the run has cleaned up. Until then a signal is taken (and
	 * ignored once the program ended): removing the listener inside a signal's own handler
	 * would let Ink's exit hook re-raise the signal and kill the process mid-way.
	 */
	dispose(): void;
}

/** `spentMs` of --timeout went before the watch started (--wait-for-service), so less is left. */
export function listenForEnds(timeoutMs: number | null, spentMs = 0): EndListener {
	const listeners = new Set<(message: OutsideEnd) => void>();
	const send = (message: OutsideEnd) => {
		for (const listener of [...listeners]) listener(message);
	};

	const onSignal = (signal: EndSignal) => send({type: 'signal', signal});
	for (const signal of END_SIGNALS) process.on(signal, onSignal);
	const timer = timeoutMs === null ? undefined : setTimeout(() => send({type: 'timeout'}), Math.max(1, timeoutMs - spentMs));
	return {
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		dispose() {
			clearTimeout(timer);
			for (const signal of END_SIGNALS) process.off(signal, onSignal);
		},
	};
}

/** The end of a plain or JSON run: the one rule settled after every message, and the ending it gave. */
export interface StreamEnding {
	/** Applies the rule after a message, or with a fact the run learned (its watcher's end). */
	settle(change?: Partial<RunFacts>): void;
	/** Resolves once, with the ending. */
	readonly ended: Promise<ExitEnding>;
	readonly dispose: () => void;
}

/** `decide` adds what the run's watch data say and applies decideEnd (or decideManyEnd). */
export function streamEnding(rules: EndRules, decide: (facts: RunFacts, rules: EndRules) => WatchEnding | null): StreamEnding {
	let end = initialEnd(rules);
	let resolve!: (ending: ExitEnding) => void;
	const ended = new Promise<ExitEnding>(done => (resolve = done));
	const settle = (change: Partial<RunFacts> = {}) => {
		if (end.ending !== null) return;
		const settled = settleEnd(end, change, decide);
		end = settled.end;
		if (settled.effect?.type === 'exit') resolve(settled.effect.ending);
	};

	const outside = listenForEnds(rules.timeoutMs, rules.timeoutSpentMs);
	outside.subscribe(message => settle(factOf(message)));
	return {settle, ended, dispose: outside.dispose};
}
