import React from 'react';
import {Box} from 'ink';
import {listWindowStart, pickerLayout} from '../../core/picker/layout.js';
import {lastChange, selectedIndex, visibleServices, type PickerState} from '../../core/picker/reducer.js';
import type {ServiceSummary} from '../../core/types.js';
import {formatAge} from '../../core/words/time-format.js';
import {glyphsFor} from '../kit/glyphs.js';
import {SegmentLine} from '../kit/segment-line.js';
import {Table, type TableRowData} from '../kit/table.js';
import {safeText, type Segment} from '../kit/text-fit.js';
import {STATUS_COLORS} from '../kit/status-colors.js';
import type {Display} from '../kit/display.js';

export interface PickerViewProps {
	readonly state: PickerState;
	readonly display: Display;
}


function titleSegments(state: PickerState, shown: number, ascii: boolean): Segment[] {
	const glyphs = glyphsFor(ascii);
	const segments: Segment[] = [{text: 'Services', bold: true}];
	if (state.services === null) {
		segments.push({text: `  loading${glyphs.ellipsis}`, dim: true});
	} else {
		const total = state.services.length;
		segments.push({text: `  ${shown === total ? total : `${shown} of ${total}`} ${glyphs.separator} deploying, waiting and failed first`, dim: true});
	}

	if (state.error !== null) {
		segments.push({text: `  ${glyphs.warning} ${safeText(state.error, ascii)}`, color: 'yellow'});
	}

	return segments;
}

function filterSegments(state: PickerState, ascii: boolean): Segment[] {
	if (state.filter === '') return [{text: 'type to filter by name', dim: true}];
	return [{text: 'filter ', dim: true}, {text: safeText(state.filter, ascii) + glyphsFor(ascii).cursor, color: 'cyan', bold: true}];
}

function rowOf(service: ServiceSummary, selected: boolean, state: PickerState, ascii: boolean): TableRowData {
	const changed = lastChange(service);
	// Ages under a minute say "just now": the list must not redraw every second for nothing.
	const age = changed === 0 ? '' : state.now - changed < 60_000 ? 'just now' : formatAge(changed, state.now);
	return {
		key: service.service_id,
		mark: selected ? glyphsFor(ascii).selected : '',
		// A v2 (new-version) service says so: the same name may exist in both generations.
		name: safeText(service.service_name, ascii) + (service.generation === 'v2' ? ' (v2)' : ''),
		status: safeText(service.status, ascii),
		changed: age,
	};
}

function emptyText(state: PickerState): string {
	if (state.services === null) return state.error === null ? 'asking ModelArts for the services' : 'no list yet';
	return state.filter === '' ? 'no services in this project' : 'no service name contains the filter';
}

/** The project's services: choose one with ↑/↓ and Enter, type to filter by name. */
export function PickerView({state, display}: PickerViewProps) {
	const {ascii} = display;
	const layout = pickerLayout(state.rows, state.notice !== null);
	const visible = visibleServices(state);
	const index = selectedIndex(state, visible);
	const start = listWindowStart(index, visible.length, layout.listRows);
	const rows = visible.slice(start, start + layout.listRows).map((service, offset) => rowOf(service, start + offset === index, state, ascii));
	const width = state.columns;
	const wide = width >= 60;
	const line = (key: string, segments: Segment[]) => <SegmentLine key={key} segments={segments} width={width} display={display} />;
	return (
		<Box flexDirection="column">
			{layout.title && line('title', titleSegments(state, visible.length, ascii))}
			{layout.notice && state.notice !== null && line('notice', [{text: `${glyphsFor(ascii).phase.failed} ${safeText(state.notice, ascii)}`, color: 'red'}])}
			{line('filter', filterSegments(state, ascii))}
			{layout.listRows > 0 &&
				(rows.length === 0 ? (
					line('empty', [{text: emptyText(state), dim: true}])
				) : (
					<Table
						data={rows}
						columns={[
							{key: 'mark', header: ' ', width: 1},
							{key: 'name', flex: true, minWidth: 6},
							{key: 'status', maxWidth: 12},
							...(wide ? [{key: 'changed', header: 'changed'}] : []),
						]}
						padding={0}
						gap={wide ? 2 : 1}
						maxWidth={width}
						showHeader={layout.tableHeader}
						rowKey={row => String(row['key'])}
						rowColor={row => STATUS_COLORS[String(row['status'])]}
						rowBold={row => row['mark'] !== ''}
						display={display}
					/>
				))}
			{layout.footer && line('footer', [{text: `${ascii ? 'Up/Down' : '↑/↓'} select  Enter watch  Esc clear filter  q quit`, dim: true}])}
		</Box>
	);
}
