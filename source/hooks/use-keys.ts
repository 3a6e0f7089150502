import {useApp, useInput, type Key} from 'ink';
import type {KeyAction} from '../model/view-state.js';

/** What the keys can reach besides the reducer. */
export interface KeyOptions {
	/** Ask the watcher to poll now (`r`). */
	readonly refreshNow: () => void;
	/** Whether help is open, so Esc can close it and nothing else. */
	readonly helpOpen: boolean;
	/** False when stdin cannot be read raw (keys are then ignored, not fatal). */
	readonly isActive: boolean;
}

// Printable keys and the intent each one asks for.
const CHARACTER_KEYS: Readonly<Record<string, KeyAction>> = {
	f: {type: 'cycle-filter'},
	o: {type: 'toggle-order'},
	n: {type: 'next-page'},
	p: {type: 'prev-page'},
	g: {type: 'first-page'},
	G: {type: 'last-page'},
	'?': {type: 'toggle-help'},
};

/**
 * Keys → intents. f filter, o order, ←/→ PgUp/PgDn n/p pages, Home/End or g/G first/last
 * page, r refresh now, ? help, Esc closes help, q quits (Ink keeps the last frame on screen).
 */
export function useKeys(dispatch: (action: KeyAction) => void, {refreshNow, helpOpen, isActive}: KeyOptions): void {
	const {exit} = useApp();
	useInput(
		(input, key) => {
			if (input === 'q' && !key.ctrl && !key.meta) {
				exit();
				return;
			}

			if (input === 'r' && !key.ctrl && !key.meta) {
				refreshNow();
				return;
			}

			if (key.escape) {
				if (helpOpen) {
					dispatch({type: 'close-help'});
				}

				return;
			}

			const action = intentOf(input, key);
			if (action) {
				dispatch(action);
			}
		},
		{isActive},
	);
}

function intentOf(input: string, key: Key): KeyAction | null {
	if (key.rightArrow || key.pageDown) {
		return {type: 'next-page'};
	}

	if (key.leftArrow || key.pageUp) {
		return {type: 'prev-page'};
	}

	if (key.home) {
		return {type: 'first-page'};
	}

	if (key.end) {
		return {type: 'last-page'};
	}

	if (key.ctrl || key.meta) {
		return null;
	}

	return CHARACTER_KEYS[input] ?? null;
}
