import React from 'react';
import type {Order, TypeFilter} from '../config/types.js';
import {glyphsFor} from './glyphs.js';
import {SegmentLine} from './segment-line.js';
import type {Segment} from './text-fit.js';

/** Props of the footer: the view settings that must always be visible, and the key hint. */
export interface FooterProps {
	readonly typeFilter: TypeFilter;
	readonly order: Order;
	readonly page: number;
	readonly pageCount: number;
	/** Events matching the filter. */
	readonly matching: number;
	readonly width: number;
	readonly ascii: boolean;
	readonly color: boolean;
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

function hintText(wide: boolean, ascii: boolean): string {
	if (!wide) {
		return '? help  q quit';
	}

	const arrows = ascii ? '</>' : '←/→';
	return `f filter  o order  ${arrows} page  r refresh  ? help  q quit`;
}

/** One line: current filter, order and page, then the keys. */
export function Footer(props: FooterProps) {
	const {width, ascii, color} = props;
	const wide = width >= 70;
	const separator = glyphsFor(ascii).separator;
	const segments: Segment[] = [
		{text: settingsText(props, wide, separator), bold: true},
		{text: '   '},
		{text: hintText(wide, ascii), dim: true},
	];
	return <SegmentLine segments={segments} width={width} color={color} ascii={ascii} />;
}
