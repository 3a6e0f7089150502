import {useInput, type Key} from 'ink';
import type {KeyName, KeyPress, KeyPressAction} from '../core/key-press.js';
import {suspendByKey} from '../render/suspend.js';

// Ink's key flags, in the order they are checked (Ink reports Backspace as `delete` on many terminals).
const NAMES: ReadonlyArray<readonly [keyof Key, KeyName]> = [
	['upArrow', 'up'],
	['downArrow', 'down'],
	['leftArrow', 'left'],
	['rightArrow', 'right'],
	['pageUp', 'pageUp'],
	['pageDown', 'pageDown'],
	['home', 'home'],
	['end', 'end'],
	['return', 'return'],
	['escape', 'escape'],
	['backspace', 'backspace'],
	['delete', 'backspace'],
	['tab', 'tab'],
];

/** Ink's report of a key as the reducers read it. */
function keyPressOf(input: string, key: Key): KeyPress {
	const name = NAMES.find(([flag]) => key[flag] === true)?.[1] ?? null;
	return {text: name === null ? input : '', name, ctrl: key.ctrl, meta: key.meta};
}

/**
 * Reports every key to the reducer, and nothing else: what a key means (a letter typed into
 * a search, or a command) is the reducer's to decide, in the order the keys came. Ctrl+Z is
 * the terminal's job control, not the view's: it suspends the process (render/suspend.ts).
 */
export function useKeys(dispatch: (action: KeyPressAction) => void, isActive: boolean): void {
	useInput(
		(input, key) => {
			if (key.ctrl && input === 'z') {
				suspendByKey();
				return;
			}

			dispatch({type: 'key', press: keyPressOf(input, key)});
		},
		{isActive},
	);
}
