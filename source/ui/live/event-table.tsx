import React, {memo} from 'react';
import type {TimeZoneSetting} from '../../config/types.js';
import type {WatchEvent} from '../../core/types.js';
import {formatAge, formatEventTimeNear} from '../../core/words/time-format.js';
import {glyphsFor} from '../kit/glyphs.js';
import {Table, type TableColumn, type TableRowData} from '../kit/table.js';
import {SegmentLine} from '../kit/segment-line.js';
import {safeText} from '../kit/text-fit.js';
import type {Display} from '../kit/display.js';

export interface EventTableProps {
	readonly events: readonly WatchEvent[];
	/** Shown in place of rows when the page is empty. */
	readonly emptyText: string;
	readonly width: number;
	/** The zone of the time column (ignored while ages are shown). */
	readonly timeZone: TimeZoneSetting;
	/** Today in the zone (a dayOf): today's events show the time alone, others the day too. */
	readonly today: string;
	/** When set, the time column shows each event's age at this server time ("2m ago"). */
	readonly ageAt: number | null;
	/** The selected event (↑/↓): a marker column appears while there is one. */
	readonly selectedKey: string | null;
	readonly showHeader: boolean;
	readonly display: Display;
}

/** Abnormal and warning rows carry a textual mark as well as colour, so they survive --no-color. */
function typeCell(event: WatchEvent, wide: boolean, marks: {readonly abnormal: string; readonly warning: string}): string {
	if (event.type === 'normal') return wide ? 'normal' : '';
	const mark = marks[event.type];
	return wide ? `${mark} ${event.type}` : mark;
}

const ROW_COLOUR = {abnormal: 'red', warning: 'yellow'} as const;

/** A v2 event that repeated says so before its text: "×3, last 12s ago · …", never a row of its own. */
function repeatPrefix(event: WatchEvent, ageAt: number | null, timeZone: TimeZoneSetting, today: string, ascii: boolean): string {
	if (event.count <= 1) return '';
	const last = ageAt === null ? formatEventTimeNear(event.lastAt, timeZone, today) : formatAge(event.lastAt, ageAt);
	return `${ascii ? 'x' : '×'}${event.count}, last ${last} ${ascii ? '-' : '·'} `;
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
export const EventTable = memo(function EventTable({events, emptyText, width, timeZone, today, ageAt, selectedKey, showHeader, display}: EventTableProps) {
	const {ascii} = display;
	const wide = width >= 60;
	const glyphs = glyphsFor(ascii);
	const data: TableRowData[] = events.map(event => ({
		key: event.key,
		mark: event.key === selectedKey ? glyphs.selected : '',
		severity: event.type,
		time: ageAt === null ? formatEventTimeNear(event.occurTime, timeZone, today) : formatAge(event.occurTime, ageAt),
		type: typeCell(event, wide, {abnormal: glyphs.abnormal, warning: glyphs.warning}),
		text: repeatPrefix(event, ageAt, timeZone, today, ascii) + safeText(event.info, ascii),
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
			rowColor={row => (row['severity'] === 'abnormal' || row['severity'] === 'warning' ? ROW_COLOUR[row['severity']] : undefined)}
			rowBold={row => row['mark'] !== ''}
			display={display}
		/>
	);
});
