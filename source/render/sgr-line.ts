// Ink prints each line after reading its styles character by character and writing them
// back in a minimal form (@alcalzone/ansi-tokenize). That library splits text into
// graphemes with Intl.Segmenter, whose first use costs ~8 ms; the painted first frame
// writes its lines back in the same form with this, for the lines it can draw: one-column
// characters (text-width.ts) and SGR colour codes. test/render/sgr-line.test.ts checks it
// against the library. The log-update reads the styles of each cell with it too (line-diff.ts).
import {isNarrowText} from './text-width.js';

/** One SGR code in force, and the code that ends it. */
export interface Code {
	readonly code: string;
	readonly endCode: string;
}

const sgr = (n: number) => `\u001B[${n}m`;
const RESET = sgr(0);
const BOLD = sgr(1);
const DIM = sgr(2);

/** The code that ends each SGR start code we draw with (ansi-styles' table). */
function endCodeOf(n: number): number | null {
	if (n === 1 || n === 2) return 22;
	if (n >= 3 && n <= 9 && n !== 5 && n !== 6) return 20 + n;
	if ((n >= 30 && n <= 37) || (n >= 90 && n <= 97)) return 39;
	if ((n >= 40 && n <= 47) || (n >= 100 && n <= 107)) return 49;
	return null;
}

const END_CODES = new Set([22, 23, 24, 27, 28, 29, 39, 49].map(sgr));
const isIntensity = (code: Code) => code.code === BOLD || code.code === DIM;

/** The styles in force after `code`: the library's reduceAnsiCodesIncremental. */
function reduce(codes: readonly Code[], code: Code): Code[] {
	if (code.code === RESET) return [];
	if (END_CODES.has(code.code)) return codes.filter(active => active.endCode !== code.code);
	if (isIntensity(code)) return codes.some(active => active.code === code.code) ? [...codes] : [...codes, code];
	return [...codes.filter(active => active.endCode !== code.endCode), code];
}

const undo = (codes: readonly Code[]): Code[] => [...codes].reverse().map(code => ({...code, code: code.endCode}));

/** The codes that turn style `from` into `to` (the library's diffAnsiCodes). */
function diff(from: readonly Code[], to: readonly Code[]): Code[] {
	const endCodesInTo = new Set(to.map(code => code.endCode));
	const startCodesInTo = new Set(to.map(code => code.code));
	const startCodesInFrom = new Set(from.map(code => code.code));
	const removed = from.filter(code => (isIntensity(code) ? !startCodesInTo.has(code.code) : !endCodesInTo.has(code.endCode)));
	return [...undo(removed), ...to.filter(code => !startCodesInFrom.has(code.code))];
}

const written = (codes: readonly Code[]) => [...new Set(codes.map(code => code.code))].join('');

/** A code point and the SGR styles in force where it is drawn. */
export interface StyledChar {
	readonly char: string;
	readonly styles: readonly Code[];
}

/**
 * Each code point of `line` with the styles in force, and the styles in force at its end;
 * null for codes this cannot read (anything but SGR codes with one parameter).
 */
export function styledChars(line: string): {readonly chars: StyledChar[]; readonly end: readonly Code[]} | null {
	const chars: StyledChar[] = [];
	let styles: readonly Code[] = [];
	for (let index = 0; index < line.length; index++) {
		if (line[index] !== '\u001B') {
			const char = String.fromCodePoint(line.codePointAt(index)!);
			chars.push({char, styles});
			index += char.length - 1;
			continue;
		}

		const match = /^\u001B\[(\d+)m/.exec(line.slice(index));
		if (match === null) return null;
		const n = Number(match[1]);
		const end = END_CODES.has(sgr(n)) || n === 0 ? n : endCodeOf(n);
		if (end === null) return null;
		styles = reduce(styles, {code: sgr(n), endCode: sgr(end)});
		index += match[0].length - 1;
	}

	return {chars, end: styles};
}

/**
 * `line` (text and SGR codes, as chalk writes them) the way Ink prints it, or null when it
 * holds anything else: other escape sequences, or characters that are not one column wide.
 */
export function normaliseSgrLine(line: string): string | null {
	if (!isNarrowText(line)) return null;
	const chars = styledChars(line)?.chars;
	if (chars === undefined) return null;
	let out = '';
	chars.forEach(({char, styles}, index) => {
		out += written(index === 0 ? styles : diff(chars[index - 1]!.styles, styles)) + char;
		if (index === chars.length - 1) out += written(diff(styles, []));
	});
	return out;
}
