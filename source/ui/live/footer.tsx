import React from 'react';
import type {Order, TypeFilter} from '../../config/types.js';
import {counted} from '../../core/words/plural.js';
import {glyphsFor, type Glyphs} from '../kit/glyphs.js';
import {SegmentLine} from '../kit/segment-line.js';
import {ALWAYS, keyBarSegments, type Hint} from '../kit/key-bar.js';
import {safeText, type Segment} from '../kit/text-fit.js';
import type {Display} from '../kit/display.js';

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
	/** The run ended (the frame kept in the scrollback): no keys work, so none are named. */
	readonly final?: boolean;
	/** A word for a key that had nothing to do; it takes the settings' place for a moment. */
	readonly flash?: string | null;
	readonly width: number;
	readonly display: Display;
}

// The forms of the settings, the most explicit first; the footer takes the first that fits.
const FORMS = ['wide', 'named', 'short'] as const;

function settingsText(props: FooterProps, form: (typeof FORMS)[number], separator: string): string {
	const {typeFilter, order, page, pageCount, matching} = props;
	const newest = order === 'desc' ? 'newest' : 'oldest';
	switch (form) {
		case 'wide': {
			return `filter ${typeFilter} ${separator} ${newest} first ${separator} page ${page}/${pageCount} (${counted(matching, 'event')})`;
		}

		case 'named': {
			return `filter ${typeFilter} ${separator} ${newest} ${separator} page ${page}/${pageCount}`;
		}

		case 'short': {
			return `${typeFilter} ${separator} ${newest} ${separator} ${page}/${pageCount}`;
		}
	}
}

// Hints in the order shown, each with a rank: the lowest ranks give way first when the
// line is short, in this one order at every width. The help overlay (?) lists every key.
function hints(props: FooterProps): readonly Hint[] {
	if (props.searchTyping) {
		return [
			['Enter keep', ALWAYS],
			['Esc clear', ALWAYS],
		];
	}

	return [
		...(props.whyShown ? [['w why', 8] as const] : []),
		...(props.updateShown ? [['u update', 8] as const] : []),
		['f filter', 5],
		['o order', 2],
		[`${props.display.ascii ? '</>' : '←/→'} page`, 7],
		['/ search', 6],
		['space pause', 4],
		['t time', 1],
		['? help', ALWAYS],
		...(props.canGoBack ? [['Esc back', 9] as const] : []),
		['q quit', ALWAYS],
	];
}

function pausedSegments(waiting: number, glyphs: Glyphs, separator: string): Segment[] {
	return [{text: `${glyphs.paused} paused ${separator} ${waiting} new`, color: 'yellow', bold: true}, {text: ` ${separator} `}];
}

// While typing, the end of the search stays in sight: it is where the typing happens.
const TYPED_ROOM = 24;

function searchSegments(props: FooterProps, glyphs: Glyphs, separator: string): Segment[] {
	const text = safeText(props.search, props.display.ascii);
	if (props.searchTyping) {
		const characters = [...text];
		const tail = characters.length > TYPED_ROOM ? `${glyphs.ellipsis}${characters.slice(-TYPED_ROOM).join('')}` : text;
		return [{text: `/${tail}${glyphs.cursor}`, color: 'cyan', bold: true}, {text: ` ${separator} `}];
	}

	return props.search === '' ? [] : [{text: `search "${text}"`, color: 'cyan', bold: true}, {text: ` ${separator} `}];
}

/** One line: paused and search state, the filter, order and page, then the keys at the right edge. */
export function Footer(props: FooterProps) {
	const {width, display, waiting} = props;
	const {ascii} = display;
	const glyphs = glyphsFor(ascii);
	const separator = glyphs.separator;
	const before = [...(waiting === null ? [] : pausedSegments(waiting, glyphs, separator)), ...searchSegments(props, glyphs, separator)];
	const states = props.flash
		? [[...before, {text: props.flash, color: 'yellow'}]]
		: FORMS.map(form => [...before, {text: settingsText(props, form, separator), bold: true}]);
	return <SegmentLine segments={keyBarSegments(states, props.final ? [] : hints(props), width, ascii)} width={width} display={display} />;
}
