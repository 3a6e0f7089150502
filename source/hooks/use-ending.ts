import {useLayoutEffect, useRef, useState} from 'react';
import type {EndSource, ExitEnding, OutsideEnd} from '../core/ending/run-end.js';

/**
 * The end of a program's run, carried out: the signals and the --timeout are dispatched into
 * its reducer while it is mounted, and the `exit` effect the reducer returns is handed to
 * `onExit` once the frame it produced has been committed, so the frame Ink leaves in the
 * scrollback is the reducer's final one. Returns the handler of the exit effect.
 */
/** Signals and the --timeout, dispatched as messages to the program while it is mounted. */
export function useEndMessages(ends: EndSource | null, dispatch: (message: OutsideEnd) => void): void {
	// A layout effect: subscribed in the commit that mounted the program, so no signal slips by.
	useLayoutEffect(() => {
		if (ends === null) return undefined;
		return ends.subscribe(dispatch);
	}, [ends, dispatch]);
}

export function useEnding(ends: EndSource | null, dispatch: (message: OutsideEnd) => void, onExit: ((ending: ExitEnding) => void) | null): (ending: ExitEnding) => void {
	// State, not a ref: setting it commits once more whatever React already committed, and the
	// program's state (the final frame) was set before the effect ran, so that commit holds it.
	const [ending, setEnding] = useState<ExitEnding | null>(null);
	const latestOnExit = useRef(onExit);
	latestOnExit.current = onExit;
	useEndMessages(ends, dispatch);
	useLayoutEffect(() => {
		if (ending !== null) latestOnExit.current?.(ending);
	}, [ending]);
	return setEnding;
}
