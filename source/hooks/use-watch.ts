import {useCallback, useEffect, useRef} from 'react';
import type {WatchMessage} from '../model/watch-messages.js';

/** What the live view needs of a watcher (source/api/watcher.ts satisfies it structurally). */
export interface WatchHandle {
	start(): unknown;
	refreshNow(): unknown;
	stop(): unknown;
}

/** Builds the watcher that will report to `onMessage`; the CLI binds client and service. */
export type WatcherFactory = (onMessage: (message: WatchMessage) => void) => WatchHandle;

/**
 * Starts the watcher on mount and stops it on unmount; every message it reports is
 * dispatched as is. The factory is read once: a new function on re-render must not
 * restart polling.
 */
export function useWatch(factory: WatcherFactory, dispatch: (message: WatchMessage) => void): {refreshNow: () => void} {
	const factoryRef = useRef(factory);
	const watcherRef = useRef<WatchHandle | null>(null);
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
