// Writes one frame's changes, top to bottom, knowing where the cursor is and which styles are
// in force, so each move and each style change is the shortest there is: ten spinner glyphs
// one below the other cost a glyph and four bytes each (down one row, back one column), in
// the colour set once. Rows count from the top of the frame; every line takes one row (the
// log-update repaints whole when a line would wrap).
import type {Change} from './line-diff.js';
import type {Code} from './sgr-line.js';

const CSI = '\u001B[';
const RESET = `${CSI}0m`;
const ERASE_LINE = `${CSI}2K`;
const ERASE_DOWN = `${CSI}J`;

const isIntensity = (code: Code) => code.code === `${CSI}1m` || code.code === `${CSI}2m`;

/** The codes that turn the terminal's styles `from` into `to`. */
function styleChange(from: readonly Code[], to: readonly Code[]): string {
	const written = (codes: readonly Code[]) => codes.map(code => code.code).join('');
	if (to.length === 0) return from.length === 0 ? '' : RESET;
	const starts = new Set(to.map(code => code.code));
	// A colour replaces the colour in force; bold and dim add up, and only a reset ends one of them.
	const replaced = (code: Code) => starts.has(code.code) || (!isIntensity(code) && to.some(each => each.endCode === code.endCode));
	if (!from.every(code => replaced(code))) return RESET + written(to);
	const kept = new Set(from.map(code => code.code));
	return written(to.filter(code => !kept.has(code.code)));
}

export interface FrameWriter {
	/** Line `row`, written whole over what was there; the cursor goes on to the next row if `endsRow`. */
	line(row: number, text: string, endsRow: boolean): void;
	/** The changed cells of line `row`. */
	cells(row: number, changes: readonly Change[]): void;
	/**
	 * Everything to write: the cursor ends at column 0 of `row` (below the frame when it ends
	 * in a newline; null: where the last line written left it), the rest of the screen erased if `erase`.
	 */
	finish(row: number | null, erase: boolean): string;
}

/**
 * A writer for a frame whose cursor starts on row `startRow` (the row below the last frame,
 * or its last row), at a column taken as unknown: a terminal `columns` wide.
 */
export function createFrameWriter(startRow: number, columns: number): FrameWriter {
	let out = '';
	let row = startRow;
	// Null when unknown: at the start, and after the last column (the terminal may wrap next).
	let column: number | null = null;
	let styles: readonly Code[] = [];

	const toColumn = (target: number) => {
		if (column === target) return '';
		if (target === 0) return '\r';
		if (column === target + 1) return '\b';
		return `${CSI}${target + 1}G`;
	};

	const moveTo = (targetRow: number, targetColumn: number) => {
		const down = targetRow - row;
		if (down < 0) out += `${CSI}${-down}A`;
		if (down > 0 && targetColumn === 0) {
			out += `${CSI}${down}E`;
			column = 0;
		} else if (down > 0) {
			// Down keeps the column: the next glyph below is often right there.
			out += down === 1 ? `${CSI}B` : `${CSI}${down}B`;
		}

		out += toColumn(targetColumn);
		row = targetRow;
		column = targetColumn;
	};

	const setStyles = (to: readonly Code[]) => {
		out += styleChange(styles, to);
		styles = to;
	};

	return {
		line(target, text, endsRow) {
			moveTo(target, 0);
			setStyles([]);
			out += ERASE_LINE + text + (endsRow ? '\n' : '');
			// The line ends in the default style, as every line Ink writes does.
			row = endsRow ? target + 1 : target;
			column = endsRow ? 0 : null;
		},
		cells(target, changes) {
			for (const change of changes) {
				moveTo(target, change.column);
				let at = change.column;
				for (const cell of change.cells) {
					setStyles(cell.codes);
					out += cell.char;
					at += cell.columns ?? 0;
				}

				column = at < columns ? at : null;
			}
		},
		finish(target, erase) {
			setStyles([]);
			if (target !== null) moveTo(target, 0);
			return out + (erase ? ERASE_DOWN : '');
		},
	};
}
