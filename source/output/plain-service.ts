// What the plain log adds for a watch of several services: each line starts with its
// service's name in a column of one width, so lines of one service can be read (and
// grepped) together, and the log closes with a line about the whole set.
import stringWidth from 'string-width';
import {setCountsText} from '../core/words/wording.js';
import type {Outcome} from '../core/types.js';

/** Names longer than this are cut, so one long name does not push every line to the right. */
const MAX_NAME_COLUMN = 24;

/** The width of the name column for these (already sanitised) names. */
export function nameColumnWidth(names: readonly string[]): number {
	return Math.min(MAX_NAME_COLUMN, Math.max(1, ...names.map(name => stringWidth(name))));
}

/** `name` fitted to `width` columns: cut with `~` when longer (the column stays straight), padded when shorter. */
export function nameColumn(name: string, width: number): string {
	let kept = '';
	for (const character of name) {
		if (stringWidth(kept + character) > width - (stringWidth(name) > width ? 1 : 0)) break;
		kept += character;
	}

	const cut = stringWidth(name) > width ? `${kept}~` : kept;
	return cut + ' '.repeat(Math.max(0, width - stringWidth(cut)));
}

/** A line of one service: blank lines (between blocks) stay blank. */
export function prefixed(column: string, line: string): string {
	return line === '' ? '' : `${column}  ${line}`;
}

/** `all 3 services: 1 succeeded · 1 failed · 1 in progress`. */
export function plainSummaryAllLine(outcomes: readonly Outcome[]): string {
	return `all ${outcomes.length} services: ${setCountsText(outcomes)}`;
}
