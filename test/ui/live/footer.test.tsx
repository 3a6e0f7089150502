import React from 'react';
import {afterEach, describe, expect, test} from 'vitest';
import {Footer, type FooterProps} from '../../../source/ui/live/footer.js';
import {frameWidth, renderSized, type Rendered} from '../helpers.js';

let mounted: Rendered[] = [];
afterEach(() => {
	for (const rendered of mounted) rendered.unmount();
	mounted = [];
});

const BASE: Omit<FooterProps, 'width'> = {
	typeFilter: 'all',
	order: 'desc',
	page: 1,
	pageCount: 3,
	matching: 69,
	search: '',
	searchTyping: false,
	waiting: null,
	canGoBack: false,
	updateShown: false,
	display: {ascii: false, color: false},
};

function footer(props: Partial<FooterProps> & {width: number}): string {
	const rendered = renderSized(<Footer {...BASE} {...props} />, {columns: props.width, rows: 5});
	mounted.push(rendered);
	return rendered.lastFrame();
}

/** The hints and where they start: after the last run of three spaces. */
function hints(line: string): {readonly column: number; readonly text: string} {
	const text = line.trimEnd().split(/\s{3,}/).at(-1) ?? '';
	return {column: line.trimEnd().length - text.length, text};
}

describe('the key bar', () => {
	test.each([120, 100, 80, 40])('at %i columns the hints stay put whatever the filter, order, search and pause', width => {
		const before = hints(footer({width}));
		expect(before.text).toMatch(/\? help {2}q quit$/);
		for (const change of [
			{typeFilter: 'abnormal', matching: 1},
			{order: 'asc'},
			{search: 'a search long enough to crowd the line', typeFilter: 'abnormal'},
			{waiting: 1234, page: 10, pageCount: 12},
		] as const) {
			const frame = footer({width, ...change});
			expect(hints(frame), JSON.stringify(change)).toEqual(before);
			expect(frameWidth(frame)).toBeLessThanOrEqual(width);
		}
	});

	test('hints give way in one order as the line narrows', () => {
		expect(hints(footer({width: 120})).text).toBe('f filter  ←/→ page  / search  space pause  ? help  q quit');
		expect(hints(footer({width: 100})).text).toBe('f filter  ←/→ page  / search  ? help  q quit');
		expect(hints(footer({width: 40})).text).toBe('? help  q quit');
		expect(hints(footer({width: 100, whyShown: true})).text).toBe('w why  ←/→ page  / search  ? help  q quit');
	});

	test('counts agree with their noun, and --ascii names keys that page', () => {
		expect(footer({width: 120, matching: 1, pageCount: 1})).toContain('page 1/1 (1 event)');
		expect(footer({width: 120, display: {ascii: true, color: false}})).toContain('</> page');
	});
});
