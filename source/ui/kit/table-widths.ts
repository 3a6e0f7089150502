// Column widths for <Table>: natural widths first, then the flexible columns give way
// (right to left) until the table fits its maximum width.
import {widthOf} from './text-fit.js';

/** One column of a table: a key of the row objects plus how it may be sized. */
export interface TableColumn {
	readonly key: string;
	/** Header text; the key when absent. */
	readonly header?: string;
	/** A fixed width in columns (content is cut or padded to it). */
	readonly width?: number;
	/** Never narrower than this when shrinking (default 1). */
	readonly minWidth?: number;
	/** Never wider than this, whatever the content. */
	readonly maxWidth?: number;
	/** Gives way first when the table is too wide (typically the free-text column). */
	readonly flex?: boolean;
	readonly align?: 'left' | 'right';
}

/** A row: ink-table style, a flat object of cell values keyed by column. */
export type TableRowData = Readonly<Record<string, string | number | null | undefined>>;

export function cellText(row: TableRowData, key: string): string {
	const value = row[key];
	return value === null || value === undefined ? '' : String(value);
}

function naturalWidth(column: TableColumn, data: readonly TableRowData[], showHeader: boolean): number {
	if (column.width !== undefined) {
		return column.width;
	}

	let width = showHeader ? widthOf(column.header ?? column.key) : 0;
	for (const row of data) {
		width = Math.max(width, widthOf(cellText(row, column.key)));
	}

	return Math.min(width, column.maxWidth ?? Number.POSITIVE_INFINITY);
}

/** Shrinks `widths[index]` towards its minimum by up to `excess`; returns what is left. */
function shrink(widths: number[], index: number, minimum: number, excess: number): number {
	const current = widths[index] ?? 0;
	const give = Math.min(excess, Math.max(0, current - minimum));
	widths[index] = current - give;
	return excess - give;
}

/**
 * Content widths per column (padding excluded) so the whole table fits `maxWidth`.
 * Flexible columns shrink first, then the others right to left, then everything to zero.
 */
export function computeColumnWidths(
	columns: readonly TableColumn[],
	data: readonly TableRowData[],
	padding: number,
	maxWidth: number,
	showHeader = true,
): number[] {
	const widths = columns.map(column => naturalWidth(column, data, showHeader));
	const total = widths.reduce((sum, width) => sum + width, 0) + columns.length * padding * 2;
	let excess = total - maxWidth;
	const order = columns.map((_, index) => index).reverse();
	const flexFirst = [...order.filter(index => columns[index]?.flex), ...order.filter(index => !columns[index]?.flex)];
	for (const index of flexFirst) {
		excess = excess > 0 ? shrink(widths, index, columns[index]?.minWidth ?? 1, excess) : 0;
	}

	for (const index of order) {
		excess = excess > 0 ? shrink(widths, index, 0, excess) : 0;
	}

	return widths;
}
