// Keys as the reducers see them: the terminal library's key report, reduced to what the
// views read. Deciding what a key means belongs to the reducers (a `q` is a letter while a
// search is typed, and quits otherwise), so the hooks only translate and dispatch.
import type {Step} from './step.js';

/** Keys that are not text. */
export type KeyName =
	| 'up'
	| 'down'
	| 'left'
	| 'right'
	| 'pageUp'
	| 'pageDown'
	| 'home'
	| 'end'
	| 'return'
	| 'escape'
	/** Backspace, and Delete: the keys hook reads both as one (terminals differ on which Backspace sends). */
	| 'backspace'
	| 'tab';

/** One key. `text` is what it types ('' for a named key); `ctrl`/`meta` are the modifiers held. */
export interface KeyPress {
	readonly text: string;
	readonly name: KeyName | null;
	readonly ctrl: boolean;
	readonly meta: boolean;
}

/** A key, as the reducers receive it. */
export interface KeyPressAction {
	readonly type: 'key';
	readonly press: KeyPress;
}

/** Typed text without anything a terminal would act on (a paste may carry line breaks). */
function printableText(input: string): string {
	return input.replaceAll(/[\u0000-\u001f\u007f-\u009f]/g, '');
}

/**
 * The keys in one chunk of input. Fast typing and pastes arrive as one chunk ("/abc", or two
 * Backspaces as "\x7f\x7f"): each character is a key of its own, and a Backspace inside the
 * chunk is a Backspace, not text. A chunk of nothing but carriage returns is that many Enters
 * (two presses read at once); inside other text a line break stays a paste's, never a command.
 */
function splitPress(press: KeyPress): KeyPress[] {
	const characters = [...press.text];
	if (characters.length <= 1 || press.ctrl || press.meta || press.name !== null) return [press];
	if (characters.every(character => character === '\r')) return characters.map(() => ({...press, text: '', name: 'return'}));
	return characters.map(character =>
		character === '\u007F' || character === '\b' ? {...press, text: '', name: 'backspace'} : {...press, text: character},
	);
}

/**
 * Every key of a chunk in turn through `step`, each seeing the state the one before it
 * produced (a `/` then a `q` in one burst is a search for "q"); the effects in order.
 */
export function foldKeys<State, Effect>(state: State, press: KeyPress, step: (state: State, press: KeyPress) => Step<State, Effect>): Step<State, Effect> {
	let current = state;
	const effects: Effect[] = [];
	for (const one of splitPress(press)) {
		const [next, asked] = step(current, one);
		current = next;
		effects.push(...asked);
	}

	return [current, effects];
}

/** Text typed into a search or a filter, or null for a key that types nothing. */
export function typedText(press: KeyPress): string | null {
	if (press.name !== null || press.ctrl || press.meta) return null;
	const text = printableText(press.text);
	return text === '' ? null : text;
}

/** Ctrl+C: in raw mode it arrives as a key, not as SIGINT. */
export function isInterrupt(press: KeyPress): boolean {
	return press.ctrl && press.text === 'c';
}

/** Removes the last character of typed text: a whole grapheme, so an emoji with modifiers goes at once. */
export function withoutLastCharacter(text: string): string {
	const graphemes = [...new Intl.Segmenter(undefined, {granularity: 'grapheme'}).segment(text)];
	return graphemes
		.slice(0, -1)
		.map(({segment}) => segment)
		.join('');
}
