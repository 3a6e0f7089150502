import React from 'react';
import {Box} from 'ink';
import {longestDeployment, statusCounts} from '../model/overview-rows.js';
import {nameOf, pageRows} from '../model/overview-state.js';
import type {OverviewState} from '../model/overview-types.js';
import {serviceCountLine} from '../model/wording.js';
import {fittedHints} from './footer.js';
import {glyphsFor} from './glyphs.js';
import {Help} from './help.js';
import {overviewKeyList} from './overview-help.js';
import {OverviewTable} from './overview-table.js';
import {SegmentLine} from './segment-line.js';
import {safeText, widthOf, type Segment} from './text-fit.js';
import type {Display} from './display.js';

export interface OverviewViewProps {
	readonly state: OverviewState;
	/** The spinner frame of the deploying rows; null for a static glyph (low bandwidth). */
	readonly spinnerFrame: number | null;
	readonly display: Display;
}

// The count and the longest deployment's time: the one line that changes every second.
function headerSegments({state, display: {ascii}}: OverviewViewProps): Segment[] {
	const glyphs = glyphsFor(ascii);
	const views = state.services.map(service => service.view);
	const counts = statusCounts(views).map(([count, word]) => [count, safeText(word, ascii)] as const);
	return [{text: serviceCountLine(state.services.length, counts, longestDeployment(views), glyphs.separator), bold: true}];
}

const FILTER_WORDS = {all: 'all', in_progress: 'in progress', failed: 'failed'} as const;

function emptyText(state: OverviewState): string {
	if (state.settings.search.trim() !== '') return 'no service name contains the search';
	return state.settings.filter === 'failed' ? 'no service has failed' : 'no service is in progress';
}

function footerSegments(state: OverviewState, ascii: boolean): Segment[] {
	const glyphs = glyphsFor(ascii);
	const separator = glyphs.separator;
	const {settings} = state;
	const search = safeText(settings.search, ascii);
	const searching: Segment[] = settings.searchTyping
		? [{text: `/${search}${glyphs.cursor}`, color: 'cyan', bold: true}, {text: ` ${separator} `}]
		: settings.search === ''
			? []
			: [{text: `search "${search}"`, color: 'cyan', bold: true}, {text: ` ${separator} `}];
	const where = `filter ${FILTER_WORDS[settings.filter]} ${separator} page ${state.page + 1}/${state.pageCount} (${state.shown.length} of ${state.services.length} services)`;
	const hints: ReadonlyArray<readonly [string, number]> = settings.searchTyping
		? [
				['Enter keep', 9],
				['Esc clear', 9],
			]
		: [
				[`${ascii ? 'Up/Down' : '↑/↓'} select`, 7],
				['Enter open', 8],
				['f filter', 5],
				['/ search', 4],
				['? help', 6],
				['q quit', 9],
			];
	const fixed: Segment[] = [...searching, {text: where, bold: true}, {text: '   '}];
	const room = state.columns - fixed.reduce((used, segment) => used + widthOf(segment.text), 0);
	return [...fixed, {text: fittedHints(hints, room), dim: true}];
}

/** The count line, a page of service rows (or the help), and the footer; never taller than rows − 1. */
export function OverviewView(props: OverviewViewProps) {
	const {state, display} = props;
	const {ascii} = display;
	const {layout, columns, settings} = state;
	const line = (key: string, segments: Segment[]) => <SegmentLine key={key} segments={segments} width={columns} display={display} />;
	const page = pageRows(state);
	const selectedId = state.shown[state.selectedIndex]?.serviceId ?? null;
	const main = settings.helpOpen ? (
		<Help maxLines={layout.helpLines} width={columns} backTo={null} keys={overviewKeyList(ascii)} display={display} />
	) : page.length === 0 ? (
		layout.listRows > 0 && line('empty', [{text: emptyText(state), dim: true}])
	) : (
		<OverviewTable
			services={page}
			nameWidth={Math.max(...state.services.map(service => widthOf(safeText(nameOf(service), ascii))))}
			selectedId={selectedId}
			spinnerFrame={props.spinnerFrame}
			showHeader={layout.tableHeader}
			width={columns}
			display={display}
		/>
	);
	return (
		<Box flexDirection="column">
			{layout.header && line('header', headerSegments(props))}
			{main}
			{layout.footer && line('footer', footerSegments(state, ascii))}
		</Box>
	);
}
