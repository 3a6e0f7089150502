// Terminal columns of a string, without ICU for the text the view draws itself. string-width
// segments every non-ASCII string into graphemes, and the first Intl.Segmenter a process
// builds costs ~8 ms (ICU's break rules), a third of node's own start-up; the painted first
// frame (source/cli/first-frame.ts) has only ASCII and the view's own glyphs to measure.

import stringWidth from 'string-width';

/**
 * Code points string-width counts as one column each and never joins to a neighbour in a
 * grapheme: printable ASCII and Latin, punctuation, arrows, box drawing, block elements,
 * braille and the view's other glyphs. test/render/text-width.test.ts checks every one.
 */
const NARROW: ReadonlyArray<readonly [first: number, last: number]> = [
	[0x20, 0x7e],
	[0xa0, 0xac],
	[0xae, 0x2ff],
	[0x2010, 0x2027],
	[0x2030, 0x205e],
	[0x2190, 0x21ff],
	[0x2500, 0x259f],
	[0x25b8, 0x25b8],
	[0x26a0, 0x26a0],
	[0x2714, 0x2714],
	[0x2716, 0x2716],
	[0x2800, 0x28ff],
];

/**
 * Code points every terminal draws two columns wide, as string-width counts them, and that
 * never join a neighbour in a grapheme: CJK ideographs, kana, Hangul syllables, fullwidth
 * forms. Not emoji: terminals with older width tables draw those one column wide.
 */
const WIDE: ReadonlyArray<readonly [first: number, last: number]> = [
	[0x3000, 0x3029],
	[0x3031, 0x303c],
	[0x3041, 0x3096],
	[0x309b, 0x30ff],
	[0x3105, 0x312f],
	[0x3131, 0x3163],
	[0x3165, 0x318e],
	[0x3400, 0x4dbf],
	[0x4e00, 0x9fff],
	[0xac00, 0xd7a3],
	[0xf900, 0xfaff],
	[0xff01, 0xff60],
	[0xffe0, 0xffe6],
	[0x20000, 0x2fffd],
	[0x30000, 0x3fffd],
];

const SGR = /\u001B\[[\d;]*m/g;

const within = (table: typeof NARROW, code: number) => table.some(([first, last]) => code >= first && code <= last);

function isNarrow(code: number): boolean {
	return within(NARROW, code);
}

/**
 * Columns of the code point `code` when every terminal agrees on them and it is a grapheme
 * of its own (the NARROW and WIDE tables); null when a terminal might disagree, or it may
 * join its neighbours (emoji, combining marks, controls, anything else).
 */
export function certainColumns(code: number): 1 | 2 | null {
	if (isNarrow(code)) return 1;
	return within(WIDE, code) ? 2 : null;
}

/** Whether every character of `text` is one column and its own grapheme (colours aside). */
export function isNarrowText(text: string): boolean {
	const plain = text.includes('\u001B') ? text.replace(SGR, '') : text;
	for (let index = 0; index < plain.length; index++) {
		if (!isNarrow(plain.charCodeAt(index))) return false;
	}

	return true;
}

/** Columns `text` takes in a terminal, colour codes not counted (string-width's answer). */
export function textWidth(text: string): number {
	if (!isNarrowText(text)) return stringWidth(text);
	return text.includes('\u001B') ? text.replace(SGR, '').length : text.length;
}
