import {useCallback, useEffect, useRef} from 'react';
import type {WatcherFactory, Watcher, WatchResult} from '../api/poll/watcher-types.js';
import type {EndMessage} from '../core/ending/run-end.js';
import type {WatchMessage} from '../core/watch/data.js';

/** What the view's effects ask of the running watcher. */
export type WatcherControls = Pick<Watcher, 'refreshNow' | 'readUpdateLogs'>;

/** The watcher's end as a message (cli/watch-ending.ts), or null when it was stopped. */
export type WatchDoneReader = (done: Promise<WatchResult>) => Promise<Extract<EndMessage, {type: 'watch-done'}> | null>;

/**
 * Starts the watcher on mount and stops it on unmount; every message it reports is
 * dispatched as is, and so is its end (when `readDone` is given). A watcher left behind by
 * an unmounted view dispatches nothing more: it can no longer end the run. The factory is
 * read once: a new function on re-render must not restart polling.
 */
export function useWatch(
	factory: WatcherFactory,
	dispatch: (message: WatchMessage | EndMessage) => void,
	readDone: WatchDoneReader | null = null,
): WatcherControls {
	const first = useRef({factory, readDone});
	const watcherRef = useRef<Watcher | null>(null);
	useEffect(() => {
		let mounted = true;
		const watcher = first.current.factory(dispatch);
		watcherRef.current = watcher;
		void first.current.readDone?.(watcher.done).then(message => {
			if (mounted && message !== null) dispatch(message);
		});
		watcher.start();
		return () => {
			mounted = false;
			watcherRef.current = null;
			watcher.stop();
		};
	}, [dispatch]);
	const refreshNow = useCallback(() => {
		watcherRef.current?.refreshNow();
	}, []);
	// Asked from inside a message the watcher is dispatching: the ref is set by then.
	const readUpdateLogs = useCallback(() => {
		watcherRef.current?.readUpdateLogs();
	}, []);
	return {refreshNow, readUpdateLogs};
}
