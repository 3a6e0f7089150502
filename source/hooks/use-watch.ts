import {useCallback, useEffect, useRef} from 'react';
import type {WatcherFactory, Watcher} from '../api/watcher.js';
import type {WatchMessage} from '../model/watch-messages.js';

/**
 * Starts the watcher on mount and stops it on unmount; every message it reports is
 * dispatched as is. The factory is read once: a new function on re-render must not
 * restart polling.
 */
export function useWatch(factory: WatcherFactory, dispatch: (message: WatchMessage) => void): {refreshNow: () => void} {
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
	return {refreshNow};
}
