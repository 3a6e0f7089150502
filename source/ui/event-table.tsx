import React, {memo} from 'react';
import type {TimeZoneSetting} from '../config/types.js';
import type {WatchEvent} from '../model/types.js';
import {formatEventTime, precisionFor} from './format-time.js';
import {glyphsFor} from './glyphs.js';
import {Table, type TableColumn, type TableRowData} from './table.js';
import {SegmentLine} from './segment-line.js';
import {safeText} from './text-fit.js';

/** Props of the event table: one page of events, already filtered, ordered and cut. */
export interface EventTableProps {
	readonly events: readonly WatchEvent[];
	/** Shown in place of rows when the page is empty. */
	readonly emptyText: string;
	readonly width: number;
	readonly timeZone: TimeZoneSetting;
	readonly showHeader: boolean;
	readonly ascii: boolean;
	readonly color: boolean;
}

/** Abnormal rows carry a textual mark as well as colour, so they survive --no-color. */
function typeCell(event: WatchEvent, wide: boolean, mark: string): string {
	if (event.type === 'abnormal') {
		return wide ? `${mark} abnormal` : mark;
	}

	return wide ? 'normal' : '';
}

function columnsFor(wide: boolean): TableColumn[] {
	return [
		{key: 'time'},
		{key: 'type', header: wide ? 'type' : ' ', width: wide ? 10 : 1},
		{key: 'text', flex: true, minWidth: 4},
	];
}

/** The events of one page: time, type and text, abnormal ones marked and coloured. */
export const EventTable = memo(function EventTable({events, emptyText, width, timeZone, showHeader, ascii, color}: EventTableProps) {
	const wide = width >= 60;
	const precision = precisionFor(width);
	const mark = glyphsFor(ascii).abnormal;
	const data: TableRowData[] = events.map(event => ({
		key: event.key,
		abnormal: event.type === 'abnormal' ? 'yes' : '',
		time: formatEventTime(event.occurTime, timeZone, precision),
		type: typeCell(event, wide, mark),
		text: safeText(event.info, ascii),
	}));
	if (events.length === 0) {
		return <SegmentLine segments={[{text: emptyText, dim: true}]} width={width} color={color} ascii={ascii} />;
	}

	return (
		<Table
			data={data}
			columns={columnsFor(wide)}
			padding={0}
			gap={wide ? 2 : 1}
			maxWidth={width}
			showHeader={showHeader}
			rowKey={row => String(row['key'])}
			rowColor={row => (row['abnormal'] ? 'red' : undefined)}
			color={color}
			ascii={ascii}
		/>
	);
});
