import React from 'react';
import {afterEach, describe, expect, test} from 'vitest';
import stringWidth from 'string-width';
import {Table} from '../../../source/ui/kit/table.js';
import {computeColumnWidths} from '../../../source/ui/kit/table-widths.js';
import {fitTo, truncateTo} from '../../../source/ui/kit/text-fit.js';
import {frameLines, renderSized, type Rendered} from '../helpers.js';

let mounted: Rendered | null = null;
afterEach(() => {
	mounted?.unmount();
	mounted = null;
});

function draw(element: React.ReactElement, columns = 100): string[] {
	mounted = renderSized(element, {columns, rows: 30});
	return frameLines(mounted.lastFrame());
}

const WIDE_ROWS = [
	{time: '16:04:40', text: '模型启动成功，服务已就绪，正在等待流量进入'},
	{time: '16:04:41', text: '🚀🚀🚀 deployed with emoji 🎉 and more emoji 🎉🎉'},
	{time: '16:04:42', text: 'plain ascii text that is long enough to need cutting at forty columns'},
];

describe('truncateTo / fitTo', () => {
	test.each([
		{text: 'abcdef', width: 4, expected: 'abc…'},
		{text: '模型启动', width: 5, expected: '模型…'},
		{text: '模型启动', width: 8, expected: '模型启动'},
		{text: '🚀🚀🚀', width: 4, expected: '🚀…'},
		{text: 'abc', width: 0, expected: ''},
	])('$text cut to $width columns', ({text, width, expected}) => {
		expect(truncateTo(text, width)).toBe(expected);
		expect(stringWidth(fitTo(text, width))).toBe(width);
	});

	test('--ascii marks the cut without Unicode', () => {
		expect(truncateTo('abcdef', 4, true)).toBe('abc~');
	});
});

describe('computeColumnWidths', () => {
	test('the flexible column gives way first, the others keep their natural width', () => {
		const widths = computeColumnWidths([{key: 'time'}, {key: 'text', flex: true}], WIDE_ROWS, 1, 40);
		expect(widths).toEqual([8, 40 - 8 - 4]);
	});

	test('when even the minimum of the flexible column is too much, the others shrink too', () => {
		const widths = computeColumnWidths([{key: 'time'}, {key: 'text', flex: true, minWidth: 4}], WIDE_ROWS, 0, 10);
		expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(10);
	});
});

describe('<Table>', () => {
	test('ink-table props: data, columns (keys) and padding; a header row of the keys', () => {
		const lines = draw(<Table data={[{name: 'a', count: 1}, {name: 'bb', count: 22}]} columns={['name', 'count']} padding={1} />);
		expect(lines).toEqual([' name  count', ' a     1', ' bb    22']);
	});

	test.each([40, 60, 100])('rows with CJK and emoji never exceed %i columns and stay aligned', maxWidth => {
		const lines = draw(<Table data={WIDE_ROWS} columns={[{key: 'time'}, {key: 'text', flex: true}]} maxWidth={maxWidth} />, maxWidth);
		expect(lines).toHaveLength(4);
		for (const line of lines) {
			expect(stringWidth(line)).toBeLessThanOrEqual(maxWidth);
			// The second column starts at the same place on every line.
			expect(line.indexOf('16:04') === -1 || line.indexOf('16:04') === 1).toBe(true);
		}

		if (maxWidth < 60) {
			expect(lines.slice(1).every(line => line.includes('…'))).toBe(true);
		}
	});
});
