import {useEffect, useReducer} from 'react';
import {useApp, useInput, type Key} from 'ink';
import {ApiError} from '../api/errors.js';
import type {ServiceSummary} from '../model/types.js';
import {pickerLayout, pickerReducer, type PickerAction, type PickerState} from '../model/picker-state.js';
import {printableText, splitKeys} from './use-keys.js';
import {useClock} from './use-clock.js';
import {useTerminalSize} from './use-terminal-size.js';

/** Reads every service of the project (source/api/service-list.ts in the CLI). */
export type ServiceLoader = (signal: AbortSignal) => Promise<readonly ServiceSummary[]>;

/** What the picker needs from outside. */
export interface PickerOptions {
	readonly initialState: PickerState;
	readonly loadServices: ServiceLoader;
	/** Time between refreshes of the list. */
	readonly refreshMs: number;
	readonly now: () => number;
	readonly interactive: boolean;
	/** Enter on a service. */
	readonly onPick: (service: ServiceSummary) => void;
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

function pickerIntent(input: string, key: Key, listRows: number): PickerAction | null {
	if (key.upArrow) return {type: 'move', step: -1};
	if (key.downArrow) return {type: 'move', step: 1};
	if (key.pageUp) return {type: 'move', step: -Math.max(1, listRows)};
	if (key.pageDown) return {type: 'move', step: Math.max(1, listRows)};
	if (key.escape) return {type: 'filter-clear'};
	if (key.backspace || key.delete) return {type: 'filter-backspace'};
	if (key.ctrl || key.meta) return null;
	const text = printableText(input);
	return text === '' ? null : {type: 'filter-input', text};
}

/**
 * Typing filters by name; ↑/↓ PgUp/PgDn select; Enter watches; Esc clears the filter;
 * q quits while the filter is empty (once typing, q is a letter of the filter).
 */
function usePickerKeys(state: PickerState, dispatch: (action: PickerAction) => void, options: PickerOptions): void {
	const {exit} = useApp();
	useInput(
		(chunk, chunkKey) => {
			for (const [input, key] of splitKeys(chunk, chunkKey)) {
				if (key.return) dispatch({type: 'pick'});
				else if (input === 'q' && !key.ctrl && !key.meta) dispatch({type: 'quit-or-type'});
				else {
					// PgUp/PgDn move by a screenful of the list.
					const action = pickerIntent(input, key, pickerLayout(state.rows).listRows);
					if (action) dispatch(action);
				}
			}
		},
		{isActive: options.interactive},
	);
	const {onPick} = options;
	useEffect(() => {
		if (state.picked !== null) onPick(state.picked);
	}, [state.picked, onPick]);
	useEffect(() => {
		if (state.quit) exit();
	}, [state.quit, exit]);
}

/** The service picker's state and effects: the refreshed list, the size, the clock and the keys. */
export function usePicker(options: PickerOptions): PickerState {
	const [state, dispatch] = useReducer(pickerReducer, options.initialState);
	useServiceList(dispatch, options.loadServices, options.refreshMs, options.now);
	useTerminalSize(dispatch);
	// Ages ("3m ago") move: once a second, redrawing only lines whose text changed.
	useClock(dispatch, {ticking: true, animate: false, now: options.now});
	usePickerKeys(state, dispatch, options);
	return state;
}
