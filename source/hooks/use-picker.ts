import {useEffect} from 'react';
import {ApiError} from '../api/errors.js';
import type {ServiceSummary} from '../core/types.js';
import type {PickerAction} from '../core/picker/reducer.js';
import {useClock} from './use-clock.js';
import {useKeys} from './use-keys.js';
import {useTerminalSize} from './use-terminal-size.js';

/** Reads every service of the project (source/api/service-list.ts in the CLI). */
export type ServiceLoader = (signal: AbortSignal) => Promise<readonly ServiceSummary[]>;

/** What the picker needs from outside. */
export interface PickerOptions {
	readonly loadServices: ServiceLoader;
	/** Time between refreshes of the list. */
	readonly refreshMs: number;
	readonly now: () => number;
	readonly interactive: boolean;
}

function reasonOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/**
 * Loads the list now and then every `refreshMs` (a setTimeout chain: the next load is
 * planned only when the last one ended, so a slow server is never asked twice at once).
 * A permanent error (bad credential, no access) stops the chain: asking again cannot help,
 * and repeated failed signatures can lock an access key.
 */
function useServiceList(dispatch: (action: PickerAction) => void, loadServices: ServiceLoader, refreshMs: number, now: () => number): void {
	useEffect(() => {
		const controller = new AbortController();
		let timer: ReturnType<typeof setTimeout> | undefined;
		const load = async () => {
			try {
				const services = await loadServices(controller.signal);
				dispatch({type: 'loaded', services, at: now()});
			} catch (error) {
				if (controller.signal.aborted) return;
				dispatch({type: 'load-failed', reason: reasonOf(error), at: now()});
				if (error instanceof ApiError && !error.retryable) return;
			}

			if (!controller.signal.aborted) timer = setTimeout(() => void load(), refreshMs);
		};

		void load();
		return () => {
			controller.abort();
			clearTimeout(timer);
		};
	}, [dispatch, loadServices, refreshMs, now]);
}

/** The service picker's effects: the refreshed list, the size, the clock and the keys, all dispatched. */
export function usePicker(dispatch: (action: PickerAction) => void, options: PickerOptions): void {
	useServiceList(dispatch, options.loadServices, options.refreshMs, options.now);
	useTerminalSize(dispatch);
	// Ages ("3m ago") move: once a second, redrawing only lines whose text changed.
	useClock(dispatch, {ticking: true, animate: false, now: options.now});
	useKeys(dispatch, options.interactive);
}
