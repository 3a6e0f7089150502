// Every symbol the live view draws, in a Unicode and an ASCII set (--ascii), so no view
// hard-codes a glyph that a plain terminal or a screen reader would garble.
import {ASCII_PUNCTUATION, UNICODE_PUNCTUATION, type Punctuation} from '../../core/words/punctuation.js';
import type {PhaseState} from '../../core/types.js';

/** The symbols of one character set. */
export interface Glyphs {
	readonly phase: Readonly<Record<Exclude<PhaseState, 'active'>, string>>;
	/** Spinner frames for the active phase. */
	readonly spinner: readonly string[];
	/** The active phase without animation (--low-bandwidth). */
	readonly active: string;
	readonly warning: string;
	readonly abnormal: string;
	readonly separator: string;
	readonly ellipsis: string;
	readonly pageLeft: string;
	readonly pageRight: string;
	/** Marks the selected row. */
	readonly selected: string;
	/** The search cursor while typing. */
	readonly cursor: string;
	/** Shown while the view is paused. */
	readonly paused: string;
	/** One per phase, filling the timeline's bars (distinct without colour). */
	readonly timeline: readonly [string, string, string, string, string];
}

const UNICODE: Glyphs = {
	phase: {pending: '·', done: '✔', failed: '✖'},
	spinner: ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'],
	active: '▸',
	warning: '⚠',
	abnormal: '!',
	separator: '·',
	ellipsis: '…',
	pageLeft: '←',
	pageRight: '→',
	selected: '›',
	cursor: '▏',
	paused: '‖',
	timeline: ['█', '▓', '▒', '░', '▞'],
};

const ASCII: Glyphs = {
	phase: {pending: '.', done: '+', failed: 'x'},
	spinner: ['|', '/', '-', '\\'],
	active: '>',
	warning: '!',
	abnormal: '!',
	separator: '-',
	ellipsis: '...',
	pageLeft: '<-',
	pageRight: '->',
	selected: '>',
	cursor: '_',
	paused: '||',
	timeline: ['B', 'E', 'S', 'P', 'M'],
};

export function glyphsFor(ascii: boolean): Glyphs {
	return ascii ? ASCII : UNICODE;
}

/** The active phase's glyph: frame `frame` of the spinner, or the static mark when null. */
export function spinnerGlyph(glyphs: Glyphs, frame: number | null): string {
	return frame === null ? glyphs.active : (glyphs.spinner[frame % glyphs.spinner.length] ?? glyphs.active);
}

/** The separator and arrow the core's one-line wordings join their parts with. */
export function punctuationFor(ascii: boolean): Punctuation {
	return ascii ? ASCII_PUNCTUATION : UNICODE_PUNCTUATION;
}
