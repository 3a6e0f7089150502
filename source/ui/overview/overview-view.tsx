import React from 'react';
import {Box} from 'ink';
import {longestDeployment, statusCounts} from '../../core/overview/rows.js';
import {nameOf, pageRows} from '../../core/overview/reducer.js';
import type {OverviewState} from '../../core/overview/types.js';
import {counted} from '../../core/words/plural.js';
import {serviceCountLine} from '../../core/words/wording.js';
import {glyphsFor} from '../kit/glyphs.js';
import {Help} from '../overlays/help.js';
import {ALWAYS, keyBarSegments, type Hint, type StateRoom} from '../kit/key-bar.js';
import {overviewKeyList} from './overview-help.js';
import {OverviewTable} from './overview-table.js';
import {SegmentLine} from '../kit/segment-line.js';
import {safeText, widthOf, type Segment} from '../kit/text-fit.js';
import type {Display} from '../kit/display.js';

export interface OverviewViewProps {
	readonly state: OverviewState;
	/** The spinner frame of the deploying rows; null for a static glyph (low bandwidth). */
	readonly spinnerFrame: number | null;
	readonly display: Display;
}

// The count and the longest deployment's time: the one line that changes every second. On a
// narrow screen whole parts give way from the end, so the first (most urgent) count is never cut.
function headerSegments({state, display: {ascii}}: OverviewViewProps): Segment[] {
	const glyphs = glyphsFor(ascii);
	const views = state.services.map(service => service.view);
	const counts = statusCounts(views).map(([count, word]) => [count, safeText(word, ascii)] as const);
	const total = state.services.length;
	const shorter = counts.map((_, index) => serviceCountLine(total, counts.slice(0, counts.length - index), null, glyphs.separator));
	const lines = [serviceCountLine(total, counts, longestDeployment(views), glyphs.separator), ...shorter];
	const text = lines.find(line => widthOf(line) <= state.columns) ?? lines.at(-1)!;
	return [{text, bold: true}];
}

const FILTER_WORDS = {all: 'all', in_progress: 'in progress', failed: 'failed'} as const;

function emptyText(state: OverviewState): string {
	if (state.settings.search.trim() !== '') return 'no service name contains the search';
	return state.settings.filter === 'failed' ? 'no service has failed' : 'no service is in progress';
}

function searchSegments(settings: OverviewState['settings'], ascii: boolean): Segment[] {
	const glyphs = glyphsFor(ascii);
	const search = safeText(settings.search, ascii);
	if (settings.searchTyping) return [{text: `/${search}${glyphs.cursor}`, color: 'cyan', bold: true}, {text: ` ${glyphs.separator} `}];
	return settings.search === '' ? [] : [{text: `search "${search}"`, color: 'cyan', bold: true}, {text: ` ${glyphs.separator} `}];
}

// Ranked as the live view's: ? help and q quit stay at every width.
function hints(searchTyping: boolean, ascii: boolean): readonly Hint[] {
	if (searchTyping) {
		return [
			['Enter keep', ALWAYS],
			['Esc clear', ALWAYS],
		];
	}

	return [
		[`${ascii ? 'Up/Down' : '↑/↓'} select`, 7],
		['Enter open', 8],
		['f filter', 5],
		['/ search', 6],
		['? help', ALWAYS],
		['q quit', ALWAYS],
	];
}

// The overview's settings are shorter than the live view's, and it has fewer keys: at 100
// columns every hint fits beside `filter all · page 1/1 (4 of 4 services)`.
const OVERVIEW_ROOM: StateRoom = {min: 22, max: 38};

function footerSegments(state: OverviewState, ascii: boolean): Segment[] {
	const separator = glyphsFor(ascii).separator;
	const {settings} = state;
	const searching = searchSegments(settings, ascii);
	const filter = FILTER_WORDS[settings.filter];
	const page = `${state.page + 1}/${state.pageCount}`;
	const of = `${state.shown.length} of ${counted(state.services.length, 'service')}`;
	const states = [
		[...searching, {text: `filter ${filter} ${separator} page ${page} (${of})`, bold: true}],
		[...searching, {text: `filter ${filter} ${separator} page ${page}`, bold: true}],
		[...searching, {text: `${filter} ${separator} ${page}`, bold: true}],
	];
	// The frame kept after the run ended names no keys: none work any more.
	return keyBarSegments(states, state.final ? [] : hints(settings.searchTyping, ascii), state.columns, ascii, OVERVIEW_ROOM);
}

/** The count line, a page of service rows (or the help), and the footer; never taller than rows − 1. */
export function OverviewView(props: OverviewViewProps) {
	const {state, display} = props;
	const {ascii} = display;
	const {layout, columns, settings} = state;
	const line = (key: string, segments: Segment[]) => <SegmentLine key={key} segments={segments} width={columns} display={display} />;
	const page = pageRows(state);
	const selectedId = state.final ? null : (state.shown[state.selectedIndex]?.serviceId ?? null);
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
