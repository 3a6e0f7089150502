import React, {memo} from 'react';
import {Box, Text} from 'ink';
import {cellText, computeColumnWidths, type TableColumn, type TableRowData} from './table-widths.js';
import {fitTo} from './text-fit.js';

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
	/** Colour of a whole row, e.g. red for abnormal events; ignored when `color` is false. */
	readonly rowColor?: (row: TableRowData, index: number) => string | undefined;
	/** Rows drawn bold, e.g. the selected one (which also carries a marker: never style alone). */
	readonly rowBold?: (row: TableRowData, index: number) => boolean;
	/** A stable React key per row, so unchanged rows are not re-rendered. */
	readonly rowKey?: (row: TableRowData, index: number) => string;
	readonly color?: boolean;
	/** ASCII-only ellipsis. */
	readonly ascii?: boolean;
}

interface TableLineProps {
	readonly text: string;
	readonly color: string | undefined;
	readonly bold: boolean;
}

// Rows receive only strings and flags: React.memo skips every row whose text did not change,
// so a new event re-renders one row, not the page.
const TableLine = memo(function TableLine({text, color, bold}: TableLineProps) {
	return (
		<Text wrap="truncate-end" color={color} bold={bold}>
			{text}
		</Text>
	);
});

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
	rowBold,
	rowKey,
	color = true,
	ascii = false,
}: TableProps) {
	const specs = normaliseColumns(columns, data);
	const widths = computeColumnWidths(specs, data, padding, maxWidth - gap * Math.max(0, specs.length - 1), showHeader);
	const pad = ' '.repeat(padding);
	// Trailing blanks are dropped: they draw nothing and cost bytes on every redraw.
	const line = (cells: readonly string[]) =>
		cells
			.map((cell, index) => pad + fitTo(cell, widths[index] ?? 0, ascii, specs[index]?.align) + pad)
			.join(' '.repeat(gap))
			.trimEnd();
	return (
		<Box flexDirection="column">
			{showHeader && <TableLine text={line(specs.map(spec => spec.header ?? spec.key))} color={undefined} bold />}
			{data.map((row, index) => (
				<TableLine
					key={rowKey ? rowKey(row, index) : index}
					text={line(specs.map(spec => cellText(row, spec.key)))}
					color={color ? rowColor?.(row, index) : undefined}
					bold={rowBold?.(row, index) ?? false}
				/>
			))}
		</Box>
	);
}
