import {describe, expect, it} from 'vitest';
import {nameColumn, nameColumnWidth, plainSummaryAllLine, prefixed} from '../../source/output/plain-service.js';

describe('the name column of the plain log', () => {
	it.each([
		[['alpha', 'beta-long'], 9],
		[['a'], 1],
		[['a-service-name-of-thirty-chars'], 24],
	])('is as wide as the longest of %j, at most 24', (names, width) => {
		expect(nameColumnWidth(names)).toBe(width);
	});

	it.each([
		['alpha', 9, 'alpha    '],
		['beta-long', 9, 'beta-long'],
		['a-service-name-of-thirty-chars', 24, 'a-service-name-of-thirt~'],
		['数据服务', 9, '数据服务 '],
	])('fits %s into %i columns', (name, width, column) => {
		expect(nameColumn(name, width)).toBe(column);
	});

	it('prefixes a line, leaving blank lines blank', () => {
		expect(prefixed('alpha', '12:00:00  normal    start')).toBe('alpha  12:00:00  normal    start');
		expect(prefixed('alpha', '')).toBe('');
	});

	it('closes the log with the outcomes of the set', () => {
		expect(plainSummaryAllLine(['succeeded', 'failed', 'in_progress', 'succeeded'])).toBe('all 4 services: 2 succeeded, 1 failed, 1 in progress');
	});
});
