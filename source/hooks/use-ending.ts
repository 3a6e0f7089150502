import {useLayoutEffect, useRef} from 'react';
import type {EndSource, ExitEnding, OutsideEnd} from '../model/run-end.js';

/**
 * The end of a program's run, carried out: the signals and the --timeout are dispatched into
 * its reducer while it is mounted, and the `exit` effect the reducer returns is handed to
 * `onExit` once the frame it produced has been committed, so the frame Ink leaves in the
 * scrollback is the reducer's final one. Returns the handler of the exit effect.
 */
export function useEnding(ends: EndSource | null, dispatch: (message: OutsideEnd) => void, onExit: ((ending: ExitEnding) => void) | null): (ending: ExitEnding) => void {
	const pending = useRef<ExitEnding | null>(null);
	// A layout effect: subscribed in the commit that mounted the program, so no signal slips by.
	useLayoutEffect(() => {
		if (ends === null) return undefined;
		const unsubscribe = ends.subscribe(dispatch);
		return () => {
			unsubscribe();
		};
	}, [ends, dispatch]);
	useLayoutEffect(() => {
		const ending = pending.current;
		if (ending === null) return;
		pending.current = null;
		onExit?.(ending);
	});
	return ending => {
		pending.current = ending;
	};
}
