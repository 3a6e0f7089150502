import React from 'react';
import type {OverviewService} from '../../core/overview/types.js';
import {nameOf} from '../../core/overview/reducer.js';
import {rowWords, type Standing} from '../../core/overview/rows.js';
import {glyphsFor, spinnerGlyph, type Glyphs} from '../kit/glyphs.js';
import {stateColor} from '../phases/phase-text.js';
import {Table, type TableColumn, type TableRowData} from '../kit/table.js';
import {safeText} from '../kit/text-fit.js';
import type {Display} from '../kit/display.js';

export interface OverviewTableProps {
	readonly services: readonly OverviewService[];
	/** Columns the names need: the widest of all services (not only this page's), so paging keeps the columns. */
	readonly nameWidth: number;
	readonly selectedId: string | null;
	/** The spinner frame of the deploying rows; null for a static glyph (low bandwidth). */
	readonly spinnerFrame: number | null;
	readonly showHeader: boolean;
	readonly width: number;
	readonly display: Display;
}

/** One glyph per standing; a failure is marked by its glyph and its words, never by colour alone. */
function standingGlyph(standing: Standing, glyphs: Glyphs, spinnerFrame: number | null): string {
	switch (standing) {
		case 'in_progress':
			return spinnerGlyph(glyphs, spinnerFrame);
		case 'succeeded':
			return glyphs.phase.done;
		case 'failed':
			return glyphs.phase.failed;
		case 'error':
			return glyphs.abnormal;
		case 'connecting':
		case 'stopped':
			return glyphs.phase.pending;
	}
}

const ROW_COLORS: Partial<Record<Standing, string>> = {failed: 'red', error: 'red', succeeded: 'green'};

function rowOf(service: OverviewService, selected: boolean, spinnerFrame: number | null, ascii: boolean): TableRowData {
	const glyphs = glyphsFor(ascii);
	const words = rowWords(service.view);
	return {
		key: service.serviceId,
		mark: selected ? glyphs.selected : '',
		glyph: standingGlyph(words.standing, glyphs, spinnerFrame),
		standing: words.standing,
		service: safeText(nameOf(service), ascii),
		status: safeText(words.status, ascii),
		progress: safeText(words.progress, ascii),
		instances: words.instances,
		abnormal: words.abnormal === 0 ? '' : `${glyphs.abnormal} ${words.abnormal}`,
		latest: safeText(words.latest, ascii),
	};
}

// Fixed widths (the name's aside, which is set by the names): a row whose text grows must
// not move the columns of every other row, which would redraw them all.
function columnsFor(width: number, nameWidth: number): TableColumn[] {
	const columns: TableColumn[] = [
		{key: 'mark', header: ' ', width: 1},
		{key: 'glyph', header: ' ', width: 1},
		{key: 'service', width: Math.min(28, Math.max(7, nameWidth)), minWidth: 6},
		{key: 'status', width: 13, minWidth: 6},
	];
	// Below 60 columns the name, status and progress are what a row can hold.
	if (width < 60) return [...columns, {key: 'progress', minWidth: 4, flex: true}];
	const wide = width >= 120;
	return [
		...columns,
		{key: 'progress', width: wide ? 28 : width >= 100 ? 22 : 20, minWidth: 8, flex: true},
		// Below 100 columns the latest event needs the room.
		...(width >= 100 ? [{key: 'instances', width: 9, minWidth: 0}] : []),
		{key: 'abnormal', header: wide ? 'abnormal' : '!', width: wide ? 8 : 4},
		{key: 'latest', header: 'latest event', minWidth: 10, flex: true},
	];
}

/** A row per service: glyph, name, status, progress, instances, abnormal events, the latest event. */
export function OverviewTable({services, nameWidth, selectedId, spinnerFrame, showHeader, width, display}: OverviewTableProps) {
	const {ascii} = display;
	const rows = services.map(service => rowOf(service, service.serviceId === selectedId, spinnerFrame, ascii));
	return (
		<Table
			data={rows}
			columns={columnsFor(width, nameWidth)}
			padding={0}
			gap={width >= 60 ? 2 : 1}
			maxWidth={width}
			showHeader={showHeader}
			rowKey={row => String(row['key'])}
			rowColor={row => ROW_COLORS[String(row['standing']) as Standing]}
			cellColor={(row, key) => (key === 'glyph' && row['standing'] === 'in_progress' ? stateColor('active') : undefined)}
			rowBold={row => row['mark'] !== ''}
			display={display}
		/>
	);
}
