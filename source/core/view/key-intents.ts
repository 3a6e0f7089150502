// What a key means in the live view. The hook (use-keys.ts) only reports keys; the meaning
// depends on the mode: while a search is typed every printable key is text, q included.
import {isInterrupt, typedText, type KeyPress} from '../key-press.js';
import type {KeyAction, ViewSettings} from './types.js';

// Printable keys and the intent each one asks for (outside search typing).
const CHARACTER_KEYS: Readonly<Record<string, KeyAction>> = {
	f: {type: 'cycle-filter'},
	o: {type: 'toggle-order'},
	n: {type: 'next-page'},
	// What the key bar names under --ascii, where it cannot draw the arrows.
	'>': {type: 'next-page'},
	'<': {type: 'prev-page'},
	g: {type: 'first-page'},
	G: {type: 'last-page'},
	'?': {type: 'toggle-help'},
	'/': {type: 'search-start'},
	' ': {type: 'toggle-pause'},
	t: {type: 'cycle-time'},
	u: {type: 'open-update'},
	w: {type: 'open-why'},
	p: {type: 'open-pods'},
	r: {type: 'refresh'},
	q: {type: 'quit'},
};

const NAMED_KEYS: Partial<Readonly<Record<NonNullable<KeyPress['name']>, KeyAction>>> = {
	up: {type: 'select-prev'},
	down: {type: 'select-next'},
	return: {type: 'open-detail'},
	right: {type: 'next-page'},
	pageDown: {type: 'next-page'},
	left: {type: 'prev-page'},
	pageUp: {type: 'prev-page'},
	home: {type: 'first-page'},
	end: {type: 'last-page'},
	escape: {type: 'escape'},
};

/** While searching, keys are text: only Enter, Esc, Backspace and Ctrl+C keep a meaning. */
function searchIntent(press: KeyPress): KeyAction | null {
	if (press.name === 'escape') return {type: 'escape'};
	if (press.name === 'return') return {type: 'search-accept'};
	if (press.name === 'backspace') return {type: 'search-backspace'};
	const text = typedText(press);
	return text === null ? null : {type: 'search-input', text};
}

/** The intent of one key in the view's current mode, or null for a key that means nothing here. */
export function keyIntent(settings: ViewSettings, press: KeyPress): KeyAction | null {
	if (isInterrupt(press)) return {type: 'interrupt'};
	if (settings.searchTyping) return searchIntent(press);
	if (press.name !== null) return NAMED_KEYS[press.name] ?? null;
	if (press.ctrl || press.meta) return null;
	return CHARACTER_KEYS[press.text] ?? null;
}
