import {useCallback, useEffect, useRef} from 'react';
import type {WatcherFactory, Watcher} from '../api/watcher.js';
import type {WatchMessage} from '../model/watch-messages.js';

/** What the view's effects ask of the running watcher. */
export type WatcherControls = Pick<Watcher, 'refreshNow' | 'readUpdateLogs'>;

/**
 * Starts the watcher on mount and stops it on unmount; every message it reports is
 * dispatched as is. The factory is read once: a new function on re-render must not
 * restart polling.
 */
export function useWatch(factory: WatcherFactory, dispatch: (message: WatchMessage) => void): WatcherControls {
	const factoryRef = useRef(factory);
	const watcherRef = useRef<Watcher | null>(null);
	useEffect(() => {
		const watcher = factoryRef.current(dispatch);
		watcherRef.current = watcher;
		watcher.start();
		return () => {
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
