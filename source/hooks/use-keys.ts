import {useRef} from 'react';
import {useApp, useInput, type Key} from 'ink';
import {viewReducer, type KeyAction, type ViewState} from '../model/view-state.js';
import {escapeTarget} from '../model/view-state-keys.js';

/** What the keys can reach besides the reducer. */
export interface KeyOptions {
	/** Ask the watcher to poll now (`r`). */
	readonly refreshNow: () => void;
	/** The view's state: its settings decide what Esc closes and whether keys are typed text. */
	readonly state: ViewState;
	/** Back to the service picker, when the watch was opened from it (Esc with nothing to close). */
	readonly onBack: (() => void) | null;
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
	'/': {type: 'search-start'},
	' ': {type: 'toggle-pause'},
	t: {type: 'cycle-time'},
};

/** Typed text without anything a terminal would act on (a paste may carry line breaks). */
export function printableText(input: string): string {
	return input.replaceAll(/[\u0000-\u001f\u007f-\u009f]/g, '');
}

/**
 * The keys in one chunk of input. Fast typing and pastes arrive as one chunk ("/abc", or
 * two Backspaces as "\x7f\x7f") that Ink reports as a single input: each character is a
 * key of its own, and a Backspace inside the chunk is a Backspace, not text.
 */
export function splitKeys(input: string, key: Key): Array<readonly [string, Key]> {
	const characters = [...input];
	if (characters.length <= 1 || key.ctrl || key.meta) return [[input, key]];
	return characters.map(character =>
		character === '\u007F' || character === '\b' ? (['', {...key, backspace: true}] as const) : ([character, key] as const),
	);
}

/** While searching, keys are text: only Enter, Esc and Backspace keep a meaning. */
function searchIntent(input: string, key: Key): KeyAction | null {
	if (key.escape) return {type: 'escape'};
	if (key.return) return {type: 'search-accept'};
	if (key.backspace || key.delete) return {type: 'search-backspace'};
	if (key.ctrl || key.meta) return null;
	const text = printableText(input);
	return text === '' ? null : {type: 'search-input', text};
}

function navigationIntent(key: Key): KeyAction | null {
	if (key.upArrow) return {type: 'select-prev'};
	if (key.downArrow) return {type: 'select-next'};
	if (key.return) return {type: 'open-detail'};
	if (key.rightArrow || key.pageDown) return {type: 'next-page'};
	if (key.leftArrow || key.pageUp) return {type: 'prev-page'};
	if (key.home) return {type: 'first-page'};
	if (key.end) return {type: 'last-page'};
	return null;
}

function intentOf(input: string, key: Key): KeyAction | null {
	const navigation = navigationIntent(key);
	if (navigation !== null || key.ctrl || key.meta) return navigation;
	return CHARACTER_KEYS[input] ?? null;
}

/**
 * Keys → intents (the help overlay lists them). Esc closes the innermost open thing — help,
 * details, search, selection — and only then goes back to the picker. While typing a
 * search every printable key is text, q included. q quits (Ink keeps the last frame).
 */
export function useKeys(dispatch: (action: KeyAction) => void, {refreshNow, state, onBack, isActive}: KeyOptions): void {
	const {exit} = useApp();
	// Keys can arrive faster than React renders ("/" then "q" in one burst): each key must see
	// the settings the keys before it produced, so the pure reducer is run here as well.
	const latest = useRef(state);
	latest.current = state;
	const send = (action: KeyAction) => {
		latest.current = viewReducer(latest.current, action);
		dispatch(action);
	};

	const onKey = (input: string, key: Key) => {
		const {settings} = latest.current;
		if (settings.searchTyping) {
			const action = searchIntent(input, key);
			if (action) send(action);
			return;
		}

		if (key.escape) {
			if (escapeTarget(settings) !== null) send({type: 'escape'});
			else onBack?.();
			return;
		}

		if (!key.ctrl && !key.meta && (input === 'q' || input === 'r')) {
			if (input === 'q') exit();
			else refreshNow();
			return;
		}

		const action = intentOf(input, key);
		if (action) send(action);
	};

	useInput(
		(input, key) => {
			for (const [character, characterKey] of splitKeys(input, key)) onKey(character, characterKey);
		},
		{isActive},
	);
}
