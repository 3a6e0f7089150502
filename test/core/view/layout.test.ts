import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {planLayout, tracksFitAsColumns, type LayoutPlan} from '../../../source/core/view/layout.js';

function usedLines(plan: LayoutPlan): number {
	return (
		plan.headerLines +
		plan.phaseLines +
		plan.outcomeLines +
		plan.timelineLines +
		plan.resourceLines +
		plan.updateLines +
		plan.whyLines +
		(plan.spacers ? 2 : 0) +
		(plan.tableHeader ? 1 : 0) +
		plan.eventRows +
		(plan.footer ? 1 : 0)
	);
}

describe('planLayout', () => {
	test('never uses more than rows - 1 lines, whatever the terminal and the content', () => {
		fc.assert(
			fc.property(
				fc.integer({min: 0, max: 300}),
				fc.integer({min: 1, max: 8}),
				fc.boolean(),
				fc.array(fc.integer({min: 1, max: 3}), {maxLength: 3}),
				fc.record({
					timelineLines: fc.integer({min: 0, max: 3}),
					resourceLines: fc.integer({min: 0, max: 1}),
					updateLines: fc.integer({min: 0, max: 1}),
					whyLines: fc.integer({min: 0, max: 5}),
				}),
				(rows, trackCount, tracksAsColumns, noticeLines, parts) => {
					const plan = planLayout({rows, trackCount, tracksAsColumns, noticeLines, ...parts});
					expect(usedLines(plan)).toBeLessThanOrEqual(Math.max(0, rows - 1));
					expect([0, Math.min(1, parts.whyLines), parts.whyLines]).toContain(plan.whyLines);
					expect(plan.noticeLines.reduce((sum, lines) => sum + lines, 0)).toBe(plan.outcomeLines);
					plan.noticeLines.forEach((granted, index) => expect(granted).toBeLessThanOrEqual(noticeLines[index]!));
					expect(plan.headerLines + plan.helpLines + (plan.footer ? 1 : 0)).toBeLessThanOrEqual(Math.max(0, rows - 1));
				},
			),
		);
	});

	test('from 12 rows up the footer and at least one event row always show', () => {
		fc.assert(
			fc.property(fc.integer({min: 12, max: 300}), fc.integer({min: 1, max: 4}), fc.array(fc.constant(1), {maxLength: 3}), (rows, trackCount, noticeLines) => {
				const plan = planLayout({rows, trackCount, tracksAsColumns: true, noticeLines});
				expect(plan.footer).toBe(true);
				expect(plan.eventRows).toBeGreaterThanOrEqual(1);
			}),
		);
	});

	test.each([
		{rows: 40, expected: {headerLines: 2, phaseMode: 'full', spacers: true, tableHeader: true, eventRows: 28}},
		{rows: 24, expected: {headerLines: 2, phaseMode: 'full', spacers: true, tableHeader: true, eventRows: 12}},
		{rows: 12, expected: {headerLines: 2, phaseMode: 'full', spacers: false, tableHeader: true, eventRows: 2}},
		{rows: 8, expected: {headerLines: 2, phaseMode: 'compact', spacers: false, tableHeader: true, eventRows: 2}},
		{rows: 6, expected: {headerLines: 1, phaseMode: 'compact', spacers: false, tableHeader: false, eventRows: 2}},
	])('one model at $rows rows', ({rows, expected}) => {
		expect(planLayout({rows, trackCount: 1, tracksAsColumns: false, noticeLines: []})).toMatchObject(expected);
	});

	test.each([
		// rows: what is left of the resource line, the timeline, and the update line
		{rows: 20, expected: {resourceLines: 1, timelineLines: 3, updateLines: 1, spacers: true}},
		{rows: 19, expected: {resourceLines: 0, timelineLines: 3, updateLines: 1, spacers: true}},
		{rows: 18, expected: {resourceLines: 0, timelineLines: 0, updateLines: 1, spacers: true}},
		{rows: 9, expected: {resourceLines: 0, timelineLines: 0, updateLines: 1, headerLines: 1, phaseMode: 'compact'}},
		{rows: 8, expected: {resourceLines: 0, timelineLines: 0, updateLines: 0, headerLines: 1, tableHeader: true}},
	])('the resource line goes first, the update line late, at $rows rows', ({rows, expected}) => {
		const plan = planLayout({rows, trackCount: 1, tracksAsColumns: false, noticeLines: [1], timelineLines: 3, resourceLines: 1, updateLines: 1});
		expect(plan).toMatchObject(expected);
	});

	test('a failure notice on a 12-row terminal compacts the phases before hiding events', () => {
		const plan = planLayout({rows: 12, trackCount: 1, tracksAsColumns: false, noticeLines: [1]});
		expect(plan).toMatchObject({phaseMode: 'compact', outcomeLines: 1, noticeLines: [1], footer: true});
		expect(plan.eventRows).toBeGreaterThanOrEqual(2);
	});

	test('a small terminal cuts a wrapped failure to one line before dropping the notices after it', () => {
		const plan = planLayout({rows: 12, trackCount: 1, tracksAsColumns: false, noticeLines: [3, 1, 1]});
		expect(plan.noticeLines).toEqual([1, 0, 0]);
		expect(planLayout({rows: 40, trackCount: 1, tracksAsColumns: false, noticeLines: [3, 1, 1]}).noticeLines).toEqual([3, 1, 1]);
	});

	// A failed deployment: a wrapped error (3 lines), a timeline (3) and a Why block of 5 lines.
	const failure = {trackCount: 1, tracksAsColumns: false, noticeLines: [3], timelineLines: 3, whyLines: 5};
	test.each([
		// rows: the Why block in full, then its headline alone while the rest of the failure stays, then gone last
		{rows: 40, expected: {whyLines: 5, timelineLines: 3, spacers: true, phaseMode: 'full', outcomeLines: 3}},
		{rows: 24, expected: {whyLines: 5, timelineLines: 0, spacers: true, phaseMode: 'full', outcomeLines: 3}},
		{rows: 20, expected: {whyLines: 5, timelineLines: 0, spacers: false, phaseMode: 'full', outcomeLines: 3}},
		{rows: 19, expected: {whyLines: 1, phaseMode: 'full', outcomeLines: 3, headerLines: 2}},
		{rows: 15, expected: {whyLines: 1, phaseMode: 'compact', outcomeLines: 3}},
		{rows: 8, expected: {whyLines: 1, phaseMode: 'compact', outcomeLines: 1, headerLines: 1}},
		{rows: 7, expected: {whyLines: 1, phaseMode: 'hidden', outcomeLines: 1, tableHeader: false}},
		{rows: 6, expected: {whyLines: 0, phaseMode: 'hidden', outcomeLines: 1}},
	])('the Why block of a failure at $rows rows', ({rows, expected}) => {
		const plan = planLayout({...failure, rows});
		expect(plan).toMatchObject(expected);
		expect(plan.eventRows).toBeGreaterThanOrEqual(2);
	});

	test('the Why block shrinks to its headline before anything else of the failure goes', () => {
		// Given the largest terminal where the block no longer fits in full
		const rows = [...Array(40).keys()].reverse().find(candidate => planLayout({...failure, rows: candidate}).whyLines < 5)!;
		// Then it is down to one line, and the phases and the wrapped error are still whole
		expect(planLayout({...failure, rows})).toMatchObject({whyLines: 1, phaseMode: 'full', outcomeLines: 3, headerLines: 2});
	});

	test.each([
		{trackCount: 1, tracksAsColumns: false, shape: 'single'},
		{trackCount: 2, tracksAsColumns: true, shape: 'columns'},
		{trackCount: 6, tracksAsColumns: false, shape: 'rows'},
	] as const)('$trackCount model(s), columns fit: $tracksAsColumns → $shape', ({trackCount, tracksAsColumns, shape}) => {
		expect(planLayout({rows: 40, trackCount, tracksAsColumns, noticeLines: []}).phaseShape).toBe(shape);
	});
});

describe('tracksFitAsColumns', () => {
	test.each([
		{columns: 80, tracks: 1, fits: false},
		{columns: 80, tracks: 2, fits: true},
		{columns: 80, tracks: 5, fits: true},
		{columns: 80, tracks: 6, fits: false},
		{columns: 40, tracks: 2, fits: true},
		{columns: 40, tracks: 3, fits: false},
	])('$tracks models at $columns columns: $fits', ({columns, tracks, fits}) => {
		expect(tracksFitAsColumns(columns, tracks)).toBe(fits);
	});
});
