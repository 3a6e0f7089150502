// Which cells of a line changed: a spinner glyph, a digit of a timer, a colour. The log-update
// (log-update.ts) otherwise rewrites a changed line whole, and ten spinning rows of the
// overview cost ~2.4 kB/s that way. When the old and the new line differ only where every
// terminal agrees on the columns, the frame writer (frame-writer.ts) moves to each changed
// column and writes the changed cells in their styles. Anything this cannot be sure of is
// left to the whole-line rewrite (null).
//
// It relies on what Ink guarantees for every line it writes: the line starts and ends in the
// default style (a line that does not end there is never patched).
import {Buffer} from 'node:buffer';
import {styledChars, type Code} from './sgr-line.js';
import {certainColumns} from './text-width.js';

const CSI = '\u001B[';
/** About what a style change costs (`ESC[36m`), to judge whether rewriting a stretch beats jumping over it. */
const STYLE_BYTES = 5;

/** A code point as drawn: its columns and the styles in force. */
export interface Cell {
	readonly char: string;
	/** Columns every terminal gives it; null when unsure (allowed only after the last change). */
	readonly columns: 1 | 2 | null;
	readonly codes: readonly Code[];
	/** The styles as one comparable key (the order codes were given in does not matter). */
	readonly style: string;
}

const isControl = (code: number) => code < 0x20 || (code >= 0x7f && code <= 0x9f);
const styleKey = (codes: readonly Code[]) => [...new Set(codes.map(code => code.code))].sort().join('');

/** The cells of a line of text and SGR codes that ends in the default style; null for anything else. */
function cellsOf(line: string): Cell[] | null {
	const parsed = styledChars(line);
	if (parsed === null || parsed.end.length > 0) return null;
	const cells: Cell[] = [];
	// Characters in one style share one array of codes: their key is computed once.
	let [codes, style]: [readonly Code[], string] = [[], ''];
	for (const {char, styles} of parsed.chars) {
		const code = char.codePointAt(0)!;
		if (isControl(code)) return null;
		if (styles !== codes) [codes, style] = [styles, styleKey(styles)];
		cells.push({char, columns: certainColumns(code), codes, style});
	}

	return cells;
}

/** Cells to write from `column` on. */
export interface Change {
	readonly column: number;
	readonly cells: Cell[];
}

const same = (a: Cell, b: Cell) => a.char === b.char && a.style === b.style;
const columnsOf = (cells: readonly Cell[]) => cells.reduce((sum, cell) => sum + (cell.columns ?? Number.NaN), 0);

/** Changed cells starting at `column`, or unchanged ones between two changes. */
interface Span {
	readonly column: number;
	readonly before: readonly Cell[];
	readonly after: readonly Cell[];
}

/**
 * The changed region cut where both lines have a cell boundary at the same column, so each
 * span can be kept or rewritten on its own (a wide cell may replace two narrow ones).
 */
function spansOf(before: readonly Cell[], after: readonly Cell[], column: number): Span[] {
	const spans: Span[] = [];
	let current = {column, before: [] as Cell[], after: [] as Cell[]};
	let [i, j, atBefore, atAfter] = [0, 0, column, column];
	while (i < before.length || j < after.length) {
		if (atBefore <= atAfter && i < before.length) {
			current.before.push(before[i]!);
			atBefore += before[i++]!.columns!;
		} else {
			current.after.push(after[j]!);
			atAfter += after[j++]!.columns!;
		}

		if (atBefore === atAfter) {
			spans.push(current);
			current = {column: atBefore, before: [], after: []};
		}
	}

	return spans;
}

const unchanged = (span: Span) => span.before.length === span.after.length && span.before.every((cell, index) => same(cell, span.after[index]!));

const bytesOf = (cells: readonly Cell[]) => cells.reduce((sum, cell, index) => sum + Buffer.byteLength(cell.char) + (cell.style === (cells[index - 1]?.style ?? '') ? 0 : STYLE_BYTES), 0);

/** The changed spans as runs of cells to write; an unchanged stretch between two is written too when that is shorter than jumping over it. */
function changesIn(spans: readonly Span[]): Change[] {
	const changes: Change[] = [];
	let gap: Cell[] = [];
	for (const span of spans) {
		if (unchanged(span)) {
			gap.push(...span.after);
			continue;
		}

		const last = changes.at(-1);
		if (last !== undefined && bytesOf(gap) <= `${CSI}${span.column + 1}G`.length) last.cells.push(...gap, ...span.after);
		else changes.push({column: span.column, cells: [...span.after]});
		gap = [];
	}

	return changes;
}

/** About the bytes writing `changes` takes: the cells, their style changes, a cursor move each. */
export function changeBytes(changes: readonly Change[]): number {
	return changes.reduce((sum, change) => sum + `${CSI}${change.column + 1}G`.length + bytesOf(change.cells), 0);
}

/**
 * What changed from line `before` to line `after`, both drawn from column 0: runs of cells to
 * write at their columns; [] when they look the same. Null when only a whole-line rewrite is
 * safe: other escape sequences or control characters, a line not ending in the default
 * style, a change whose columns a terminal might count differently (emoji, combining marks),
 * or changed parts of different widths.
 */
export function changesOf(before: string, after: string): Change[] | null {
	const a = cellsOf(before);
	const b = cellsOf(after);
	if (a === null || b === null) return null;
	let start = 0;
	while (start < a.length && start < b.length && same(a[start]!, b[start]!)) start++;
	let [endA, endB] = [a.length, b.length];
	while (endA > start && endB > start && same(a[endA - 1]!, b[endB - 1]!)) {
		endA--;
		endB--;
	}

	if (start === endA && start === endB) return [];
	// Unsure columns up to the end of the change would put the cursor or the text in the wrong
	// place (NaN), and an unsure cell right after it may join the last changed one (a combining
	// mark, a variation selector).
	const [upToA, upToB] = [columnsOf(a.slice(0, endA)), columnsOf(b.slice(0, endB))];
	if (Number.isNaN(upToA) || upToA !== upToB || b[endB]?.columns === null) return null;
	return changesIn(spansOf(a.slice(start, endA), b.slice(start, endB), columnsOf(b.slice(0, start))));
}
