import {describe, expect, it} from 'vitest';
import {pageOf, planOverview} from '../../../source/core/overview/layout.js';

describe('planOverview', () => {
	it.each([
		[40, {header: true, tableHeader: true, footer: true, listRows: 36}],
		[6, {header: true, tableHeader: true, footer: true, listRows: 2}],
		[5, {header: true, tableHeader: false, footer: true, listRows: 2}],
		[4, {header: true, tableHeader: false, footer: false, listRows: 2}],
		[3, {header: false, tableHeader: false, footer: false, listRows: 2}],
		[1, {header: false, tableHeader: false, footer: false, listRows: 0}],
	])('%i rows: %j', (rows, expected) => {
		expect(planOverview(rows)).toMatchObject(expected);
	});

	it('never plans a line more than rows − 1', () => {
		for (let rows = 0; rows <= 60; rows++) {
			const plan = planOverview(rows);
			const lines = Number(plan.header) + Number(plan.tableHeader) + plan.listRows + Number(plan.footer);
			expect(lines).toBeLessThanOrEqual(Math.max(0, rows - 1));
			expect(Number(plan.header) + plan.helpLines + Number(plan.footer)).toBeLessThanOrEqual(Math.max(0, rows - 1));
		}
	});
});

describe('pageOf', () => {
	it.each([
		[0, 10, 4, {page: 0, pageCount: 3}],
		[4, 10, 4, {page: 1, pageCount: 3}],
		[9, 10, 4, {page: 2, pageCount: 3}],
		[-1, 0, 4, {page: 0, pageCount: 1}],
		[3, 5, 0, {page: 3, pageCount: 5}],
	])('row %i of %i at %i a page: %j', (index, count, listRows, expected) => {
		expect(pageOf(index, count, listRows)).toEqual(expected);
	});
});
