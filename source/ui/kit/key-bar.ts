// The footer's layout, shared by the live view and the overview: what the view is set to on
// the left, the key hints on the right. The hints depend on the width alone, so pressing a
// key that changes the left part (a filter, the order, a search, pause) never moves or drops
// a hint; the left part is fitted into the room that is left instead.
import {truncateTo, widthOf, type Segment} from './text-fit.js';

/** A key hint and its rank: on a narrow line the lowest ranks give way first. */
export type Hint = readonly [text: string, rank: number];

/** Every hint of this rank stays at any width (`? help` and `q quit`). */
export const ALWAYS = 10;

const GAP = 3;

/** Room a view's settings get before hints give way: `width - 48` within these bounds. */
export interface StateRoom {
	readonly min: number;
	/** The most the settings get on a wide screen; a longer settings text takes a shorter form. */
	readonly max: number;
}

const LIVE_VIEW_ROOM: StateRoom = {min: 30, max: 56};

/** The hints that fit `room` columns, the lowest ranks given up first (ALWAYS ones are kept). */
function fittedHints(hints: readonly Hint[], room: number): string {
	let kept = hints;
	const text = () => kept.map(([hint]) => hint).join('  ');
	while (kept.some(([, rank]) => rank < ALWAYS) && widthOf(text()) > room) {
		const lowest = Math.min(...kept.map(([, rank]) => rank));
		kept = kept.filter(([, rank]) => rank !== lowest);
	}

	return text();
}

/** Columns the hints may use on a line of `width`: all but the settings' room, never less than the ALWAYS ones. */
function hintRoom(hints: readonly Hint[], width: number, bounds: StateRoom = LIVE_VIEW_ROOM): number {
	const always = fittedHints(hints, 0);
	const stateRoom = Math.min(bounds.max, Math.max(bounds.min, width - 48));
	return Math.max(widthOf(always), width - stateRoom - GAP);
}

/** The first of `choices` (each a line's left part) that fits `room`, else the last one cut to it. */
function firstFitting(choices: ReadonlyArray<readonly Segment[]>, room: number, ascii: boolean): Segment[] {
	const widthOfAll = (segments: readonly Segment[]) => segments.reduce((used, segment) => used + widthOf(segment.text), 0);
	const fitting = choices.find(segments => widthOfAll(segments) <= room);
	if (fitting) return [...fitting];
	const cut: Segment[] = [];
	let left = room;
	for (const segment of choices.at(-1) ?? []) {
		if (left <= 0) break;
		const text = truncateTo(segment.text, left, ascii);
		cut.push({...segment, text});
		left -= widthOf(text);
	}

	return cut;
}

/**
 * One footer line of `width`: the hints that fit by width alone at the right edge, and the
 * first of `states` (most detailed first) that fits the rest, cut when none does.
 */
export function keyBarSegments(
	states: ReadonlyArray<readonly Segment[]>,
	hints: readonly Hint[],
	width: number,
	ascii: boolean,
	bounds: StateRoom = LIVE_VIEW_ROOM,
): Segment[] {
	const hintText = fittedHints(hints, hintRoom(hints, width, bounds));
	if (hintText === '') return firstFitting(states, width, ascii);
	const room = Math.max(0, width - widthOf(hintText) - GAP);
	const state = firstFitting(states, room, ascii);
	const used = state.reduce((sum, segment) => sum + widthOf(segment.text), 0);
	return [...state, {text: ' '.repeat(Math.max(1, width - used - widthOf(hintText)))}, {text: hintText, dim: true}];
}
