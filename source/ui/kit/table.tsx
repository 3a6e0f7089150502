import React, {memo} from 'react';
import {Box, Text} from 'ink';
import {cellText, computeColumnWidths, type TableColumn, type TableRowData} from './table-widths.js';
import {fitTo} from './text-fit.js';
import type {Display} from './display.js';

export type {TableColumn, TableRowData} from './table-widths.js';

/**
 * Props compatible with ink-table's `data`, `columns` and `padding` (ink-table itself cannot
 * load under Ink 6), plus a maximum width, column sizing and per-row colour.
 */
export interface TableProps {
	readonly data: readonly TableRowData[];
	/** Keys (ink-table style) or column specs; all keys of the first row when absent. */
	readonly columns?: ReadonlyArray<string | TableColumn>;
	/** Spaces on each side of every cell (default 1, as in ink-table). */
	readonly padding?: number;
	/** Spaces between neighbouring columns (default 0; ink-table draws borders there). */
	readonly gap?: number;
	/** The table never gets wider than this many columns. */
	readonly maxWidth?: number;
	readonly showHeader?: boolean;
	/** Colour of a whole row, e.g. red for abnormal events; ignored when the display allows no colour. */
	readonly rowColor?: (row: TableRowData, index: number) => string | undefined;
	/** Colour of one cell (over the row's), e.g. a spinner; ignored when the display allows no colour. */
	readonly cellColor?: (row: TableRowData, key: string) => string | undefined;
	/** Rows drawn bold, e.g. the selected one (which also carries a marker: never style alone). */
	readonly rowBold?: (row: TableRowData, index: number) => boolean;
	/** A stable React key per row, so unchanged rows are not re-rendered. */
	readonly rowKey?: (row: TableRowData, index: number) => string;
	/** ASCII-only ellipsis; row and cell colours only when colour is allowed. */
	readonly display?: Display;
}

const PLAIN_UNICODE: Display = {ascii: false, color: true};

/** A stretch of a row in one colour (undefined: the row's own). */
interface TablePart {
	readonly text: string;
	readonly color: string | undefined;
}

interface TableLineProps {
	readonly parts: readonly TablePart[];
	readonly color: string | undefined;
	readonly bold: boolean;
}

const sameParts = (a: readonly TablePart[], b: readonly TablePart[]) =>
	a.length === b.length && a.every((part, index) => part.text === b[index]!.text && part.color === b[index]!.color);

// React.memo skips every row whose text and colours did not change, so a new event
// re-renders one row, not the page.
const TableLine = memo(
	function TableLine({parts, color, bold}: TableLineProps) {
		return (
			<Text wrap="truncate-end" color={color} bold={bold}>
				{parts.map((part, index) =>
					part.color === undefined ? (
						part.text
					) : (
						// Parts have no identity beyond their position on the row.
						<Text key={index} color={part.color}>
							{part.text}
						</Text>
					),
				)}
			</Text>
		);
	},
	(before, after) => before.color === after.color && before.bold === after.bold && sameParts(before.parts, after.parts),
);

/** Neighbouring parts of one colour as one, and the row's trailing blanks dropped: they draw nothing and cost bytes on every redraw. */
function joined(parts: readonly TablePart[]): TablePart[] {
	const out: TablePart[] = [];
	for (const part of parts) {
		const last = out.at(-1);
		if (last !== undefined && last.color === part.color) out[out.length - 1] = {text: last.text + part.text, color: part.color};
		else out.push(part);
	}

	while (out.length > 0 && out.at(-1)!.text.trimEnd() === '') out.pop();
	const last = out.at(-1);
	if (last !== undefined) out[out.length - 1] = {...last, text: last.text.trimEnd()};
	return out;
}

function normaliseColumns(columns: TableProps['columns'], data: readonly TableRowData[]): TableColumn[] {
	const specs = columns ?? Object.keys(data[0] ?? {});
	return specs.map(spec => (typeof spec === 'string' ? {key: spec} : spec));
}

export function Table({
	data,
	columns,
	padding = 1,
	gap = 0,
	maxWidth = Number.POSITIVE_INFINITY,
	showHeader = true,
	rowColor,
	cellColor,
	rowBold,
	rowKey,
	display = PLAIN_UNICODE,
}: TableProps) {
	const {ascii, color} = display;
	const specs = normaliseColumns(columns, data);
	const widths = computeColumnWidths(specs, data, padding, maxWidth - gap * Math.max(0, specs.length - 1), showHeader);
	const pad = ' '.repeat(padding);
	const line = (cells: readonly string[], colorOf: (index: number) => string | undefined = () => undefined) =>
		joined(
			cells.flatMap((cell, index) => [
				...(index === 0 ? [] : [{text: ' '.repeat(gap), color: undefined}]),
				{text: pad + fitTo(cell, widths[index] ?? 0, ascii, specs[index]?.align) + pad, color: colorOf(index)},
			]),
		);
	return (
		<Box flexDirection="column">
			{showHeader && <TableLine parts={line(specs.map(spec => spec.header ?? spec.key))} color={undefined} bold />}
			{data.map((row, index) => (
				<TableLine
					key={rowKey ? rowKey(row, index) : index}
					parts={line(
						specs.map(spec => cellText(row, spec.key)),
						cellIndex => (color ? cellColor?.(row, specs[cellIndex]!.key) : undefined),
					)}
					color={color ? rowColor?.(row, index) : undefined}
					bold={rowBold?.(row, index) ?? false}
				/>
			))}
		</Box>
	);
}
