import React, {memo} from 'react';
import type {TimeZoneSetting} from '../config/types.js';
import type {WatchEvent} from '../model/types.js';
import {formatAge, formatEventTime, precisionFor} from '../model/time-format.js';
import {glyphsFor} from './glyphs.js';
import {Table, type TableColumn, type TableRowData} from './table.js';
import {SegmentLine} from './segment-line.js';
import {safeText} from './text-fit.js';
import type {Display} from './display.js';

export interface EventTableProps {
	readonly events: readonly WatchEvent[];
	/** Shown in place of rows when the page is empty. */
	readonly emptyText: string;
	readonly width: number;
	/** The zone of the time column (ignored while ages are shown). */
	readonly timeZone: TimeZoneSetting;
	/** When set, the time column shows each event's age at this server time ("2m ago"). */
	readonly ageAt: number | null;
	/** The selected event (↑/↓): a marker column appears while there is one. */
	readonly selectedKey: string | null;
	readonly showHeader: boolean;
	readonly display: Display;
}

/** Abnormal rows carry a textual mark as well as colour, so they survive --no-color. */
function typeCell(event: WatchEvent, wide: boolean, mark: string): string {
	if (event.type === 'abnormal') {
		return wide ? `${mark} abnormal` : mark;
	}

	return wide ? 'normal' : '';
}

function timeHeader(timeZone: TimeZoneSetting, ageAt: number | null): string {
	if (ageAt !== null) {
		return 'age';
	}

	return timeZone.kind === 'utc' ? 'time (UTC)' : 'time';
}

function columnsFor(wide: boolean, timeTitle: string, marked: boolean): TableColumn[] {
	const columns: TableColumn[] = [
		{key: 'time', header: timeTitle},
		{key: 'type', header: wide ? 'type' : ' ', width: wide ? 10 : 1},
		{key: 'text', flex: true, minWidth: 4},
	];
	return marked ? [{key: 'mark', header: ' ', width: 1}, ...columns] : columns;
}

/** The events of one page: time, type and text, abnormal ones marked and coloured, the selected one marked and bold. */
export const EventTable = memo(function EventTable({events, emptyText, width, timeZone, ageAt, selectedKey, showHeader, display}: EventTableProps) {
	const {ascii} = display;
	const wide = width >= 60;
	const precision = precisionFor(width);
	const glyphs = glyphsFor(ascii);
	const data: TableRowData[] = events.map(event => ({
		key: event.key,
		mark: event.key === selectedKey ? glyphs.selected : '',
		abnormal: event.type === 'abnormal' ? 'yes' : '',
		time: ageAt === null ? formatEventTime(event.occurTime, timeZone, precision) : formatAge(event.occurTime, ageAt),
		type: typeCell(event, wide, glyphs.abnormal),
		text: safeText(event.info, ascii),
	}));
	if (events.length === 0) {
		return <SegmentLine segments={[{text: emptyText, dim: true}]} width={width} display={display} />;
	}

	return (
		<Table
			data={data}
			columns={columnsFor(wide, timeHeader(timeZone, ageAt), selectedKey !== null)}
			padding={0}
			gap={wide ? 2 : 1}
			maxWidth={width}
			showHeader={showHeader}
			rowKey={row => String(row['key'])}
			rowColor={row => (row['abnormal'] ? 'red' : undefined)}
			rowBold={row => row['mark'] !== ''}
			display={display}
		/>
	);
});
