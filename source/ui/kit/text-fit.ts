// Terminal-width arithmetic for the views. Widths are measured as string-width measures
// them so CJK and emoji (two columns each) never push a line past the terminal's edge.
import {sanitizeForAsciiTerminal, sanitizeForTerminal} from '../../core/events/sanitize.js';
import {isNarrowText, textWidth} from '../../render/text-width.js';

// Built on first use: the first Intl.Segmenter costs ~8 ms, and the first frame needs none.
let segmenter: Intl.Segmenter | undefined;
const graphemesOf = (text: string) => (segmenter ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'})).segment(text);

/** Cuts `text` to at most `width` columns, marking the cut with an ellipsis. */
export function truncateTo(text: string, width: number, ascii = false): string {
	if (width <= 0) {
		return '';
	}

	if (textWidth(text) <= width) {
		return text;
	}

	const mark = ascii ? '~' : '…';
	const room = width - textWidth(mark);
	if (isNarrowText(text)) {
		return text.slice(0, Math.max(0, room)) + mark;
	}

	// Cut by grapheme (an emoji with modifiers is one), measuring each: cli-truncate can
	// overshoot by a column on emoji, which would wrap the line.
	let kept = '';
	let used = 0;
	for (const {segment} of graphemesOf(text)) {
		const segmentWidth = textWidth(segment);
		if (used + segmentWidth > room) {
			break;
		}

		kept += segment;
		used += segmentWidth;
	}

	return kept + mark;
}

/** Exactly `width` columns: cut with an ellipsis when too long, padded with spaces when short. */
export function fitTo(text: string, width: number, ascii = false, align: 'left' | 'right' = 'left'): string {
	const cut = truncateTo(text, width, ascii);
	const fill = ' '.repeat(Math.max(0, width - textWidth(cut)));
	return align === 'left' ? cut + fill : fill + cut;
}

/** Columns `text` takes in a terminal. */
export function widthOf(text: string): number {
	return textWidth(text);
}

/** A run of text drawn in one style; a line is a list of them. */
export interface Segment {
	readonly text: string;
	readonly color?: string | undefined;
	readonly bold?: boolean;
	readonly dim?: boolean;
}

/** Cuts a line of segments to `width` columns; the segment crossing the edge gets the ellipsis. */
export function fitSegments(segments: readonly Segment[], width: number, ascii = false): Segment[] {
	const fitted: Segment[] = [];
	let used = 0;
	for (const segment of segments) {
		const segmentWidth = widthOf(segment.text);
		if (used + segmentWidth <= width) {
			fitted.push(segment);
			used += segmentWidth;
			continue;
		}

		const rest = width - used;
		if (rest > 0) {
			fitted.push({...segment, text: truncateTo(segment.text, rest, ascii)});
		}

		break;
	}

	return fitted;
}

/** Server text made safe to draw: no control sequences; ASCII only in --ascii mode. */
export function safeText(text: string, ascii: boolean): string {
	return ascii ? sanitizeForAsciiTerminal(text) : sanitizeForTerminal(text);
}

/**
 * Breaks `text` into lines of at most `width` columns: at spaces where possible, inside a
 * word only when the word alone is wider than a line. Measures graphemes, so CJK and emoji
 * never overflow. Expects text already made safe (no line breaks or controls).
 */
export function wrapText(text: string, width: number): string[] {
	if (width <= 0) {
		return [];
	}

	const lines: string[] = [];
	let line = '';
	let used = 0;
	const push = () => {
		lines.push(line.trimEnd());
		line = '';
		used = 0;
	};

	for (const word of text.split(/(?<= )/)) {
		const wordWidth = widthOf(word.trimEnd());
		if (used > 0 && used + wordWidth > width) {
			push();
		}

		for (const {segment} of graphemesOf(word)) {
			const segmentWidth = widthOf(segment);
			if (used + segmentWidth > width && segment !== ' ') {
				push();
			}

			if (used === 0 && segment === ' ') {
				continue;
			}

			line += segment;
			used += segmentWidth;
		}
	}

	if (line.trimEnd() !== '' || lines.length === 0) {
		push();
	}

	return lines;
}
