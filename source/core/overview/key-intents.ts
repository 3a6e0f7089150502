// What a key means on the overview. The hook only reports keys; the meaning depends on the
// mode: while a search is typed every printable key is text, q included.
import {isInterrupt, typedText, type KeyPress} from '../key-press.js';

/** A user intent on the overview (the open service's view has its own, see core/view/key-intents.ts). */
export type OverviewIntent =
	| {readonly type: 'move'; readonly step: number}
	/** A page of rows down (1) or up (-1). */
	| {readonly type: 'page'; readonly step: 1 | -1}
	| {readonly type: 'first'}
	| {readonly type: 'last'}
	/** The selected service's single view. */
	| {readonly type: 'open'}
	| {readonly type: 'cycle-filter'}
	| {readonly type: 'search-start'}
	| {readonly type: 'search-input'; readonly text: string}
	| {readonly type: 'search-backspace'}
	| {readonly type: 'search-accept'}
	/** Closes the innermost open thing: search typing, help, the search. */
	| {readonly type: 'escape'}
	| {readonly type: 'toggle-help'}
	/** Poll every service now. */
	| {readonly type: 'refresh'}
	| {readonly type: 'quit'}
	| {readonly type: 'interrupt'};

const CHARACTER_KEYS: Readonly<Record<string, OverviewIntent>> = {
	f: {type: 'cycle-filter'},
	'/': {type: 'search-start'},
	'?': {type: 'toggle-help'},
	r: {type: 'refresh'},
	q: {type: 'quit'},
	n: {type: 'page', step: 1},
	p: {type: 'page', step: -1},
	'>': {type: 'page', step: 1},
	'<': {type: 'page', step: -1},
	g: {type: 'first'},
	G: {type: 'last'},
};

const NAMED_KEYS: Partial<Readonly<Record<NonNullable<KeyPress['name']>, OverviewIntent>>> = {
	up: {type: 'move', step: -1},
	down: {type: 'move', step: 1},
	pageDown: {type: 'page', step: 1},
	right: {type: 'page', step: 1},
	pageUp: {type: 'page', step: -1},
	left: {type: 'page', step: -1},
	home: {type: 'first'},
	end: {type: 'last'},
	return: {type: 'open'},
	escape: {type: 'escape'},
};

function searchIntent(press: KeyPress): OverviewIntent | null {
	if (press.name === 'escape') return {type: 'escape'};
	if (press.name === 'return') return {type: 'search-accept'};
	if (press.name === 'backspace') return {type: 'search-backspace'};
	const text = typedText(press);
	return text === null ? null : {type: 'search-input', text};
}

/** The intent of one key, or null for a key that means nothing on the overview. */
export function overviewIntent(searchTyping: boolean, press: KeyPress): OverviewIntent | null {
	if (isInterrupt(press)) return {type: 'interrupt'};
	if (searchTyping) return searchIntent(press);
	if (press.name !== null) return NAMED_KEYS[press.name] ?? null;
	if (press.ctrl || press.meta) return null;
	return CHARACTER_KEYS[press.text] ?? null;
}
