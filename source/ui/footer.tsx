import React from 'react';
import type {Order, TypeFilter} from '../config/types.js';
import {glyphsFor, type Glyphs} from './glyphs.js';
import {SegmentLine} from './segment-line.js';
import {safeText, widthOf, type Segment} from './text-fit.js';
import type {Display} from './display.js';

export interface FooterProps {
	readonly typeFilter: TypeFilter;
	readonly order: Order;
	readonly page: number;
	readonly pageCount: number;
	/** Events matching the filter and the search. */
	readonly matching: number;
	/** The search text ('' for none) and whether keys are typed into it. */
	readonly search: string;
	readonly searchTyping: boolean;
	/** New events waiting while paused, or null when not paused. */
	readonly waiting: number | null;
	/** Esc goes back to the service list (the watch was opened from the picker). */
	readonly canGoBack: boolean;
	/** An update line is shown: `u` opens what it changes. */
	readonly updateShown: boolean;
	/** A diagnosis is shown: `w` opens all of it. */
	readonly whyShown?: boolean;
	readonly width: number;
	readonly display: Display;
}

// The settings come first so that truncation on a narrow screen only ever eats the hints.
function settingsText(props: FooterProps, wide: boolean, separator: string): string {
	const {typeFilter, order, page, pageCount, matching} = props;
	if (!wide) {
		return `${typeFilter} ${separator} ${order === 'desc' ? 'newest' : 'oldest'} ${separator} ${page}/${pageCount}`;
	}

	const orderText = order === 'desc' ? 'newest first' : 'oldest first';
	return `filter ${typeFilter} ${separator} ${orderText} ${separator} page ${page}/${pageCount} (${matching} events)`;
}

// Hints in the order shown, each with a rank: the lowest ranks give way first when the
// line is short. The help overlay (?) always lists every key.
function hints(props: FooterProps): ReadonlyArray<readonly [text: string, rank: number]> {
	if (props.searchTyping) {
		return [
			['Enter keep', 9],
			['Esc clear', 9],
		];
	}

	return [
		...(props.whyShown ? [['w why', 7] as const] : []),
		...(props.updateShown ? [['u update', 5] as const] : []),
		['f filter', 4],
		['o order', 3],
		[`${props.display.ascii ? '</>' : '←/→'} page`, 5],
		['/ search', 6],
		['space pause', 2],
		['t time', 1],
		['? help', 9],
		...(props.canGoBack ? [['Esc back', 7] as const] : []),
		['q quit', 8],
	];
}

/** The hints that fit `room` columns, the lowest ranks given up first (one is always kept). */
export function fittedHints(hints: ReadonlyArray<readonly [text: string, rank: number]>, room: number): string {
	let kept = hints;
	const text = () => kept.map(([hint]) => hint).join('  ');
	while (kept.length > 1 && widthOf(text()) > room) {
		const lowest = Math.min(...kept.map(([, rank]) => rank));
		kept = kept.filter(([, rank]) => rank !== lowest);
	}

	return text();
}

function pausedSegments(waiting: number, glyphs: Glyphs, separator: string): Segment[] {
	return [{text: `${glyphs.paused} paused ${separator} ${waiting} new`, color: 'yellow', bold: true}, {text: ` ${separator} `}];
}

// While typing, the search comes first: what the user types must stay in sight.
function searchSegments(props: FooterProps, glyphs: Glyphs, separator: string): Segment[] {
	const text = safeText(props.search, props.display.ascii);
	if (props.searchTyping) {
		return [{text: `/${text}${glyphs.cursor}`, color: 'cyan', bold: true}, {text: ` ${separator} `}];
	}

	return props.search === '' ? [] : [{text: `search "${text}"`, color: 'cyan', bold: true}, {text: ` ${separator} `}];
}

/** One line: paused and search state, the filter, order and page, then the keys. */
export function Footer(props: FooterProps) {
	const {width, display, waiting} = props;
	const {ascii} = display;
	const wide = width >= 70;
	const glyphs = glyphsFor(ascii);
	const separator = glyphs.separator;
	const state: Segment[] = [
		...(waiting === null ? [] : pausedSegments(waiting, glyphs, separator)),
		...searchSegments(props, glyphs, separator),
		{text: settingsText(props, wide, separator), bold: true},
		{text: '   '},
	];
	const room = width - state.reduce((used, segment) => used + widthOf(segment.text), 0);
	const segments: Segment[] = [...state, {text: fittedHints(hints(props), room), dim: true}];
	return <SegmentLine segments={segments} width={width} display={display} />;
}
