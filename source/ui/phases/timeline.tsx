import React, {memo} from 'react';
import {formatDuration} from '../../core/deployment/elapsed.js';
import {PHASE_IDS} from '../../core/types.js';
import {allocateCells, type TimelineRow} from '../../core/view/timeline.js';
import {glyphsFor} from '../kit/glyphs.js';
import {phaseLabel} from '../../core/words/wording.js';
import {SegmentLines} from '../kit/segment-lines.js';
import {fitTo, safeText, type Segment} from '../kit/text-fit.js';
import type {Display} from '../kit/display.js';

export interface TimelineProps {
	readonly rows: readonly TimelineRow[];
	readonly width: number;
	readonly display: Display;
}

// Colour helps, but each phase also has its own fill, so the bar reads without colour.
const PHASE_COLORS = ['cyan', 'blue', 'magenta', 'yellow', 'green'] as const;
const MAX_LABEL = 16;

/** Durations as elsewhere, but a deployment quicker than a second still shows a number. */
function durationText(ms: number): string {
	return ms > 0 && ms < 1000 ? `${Math.round(ms)}ms` : formatDuration(ms);
}

function labelWidth(rows: readonly TimelineRow[], width: number): number {
	const longest = Math.max(4, ...rows.map(row => (row.model ?? 'time').length));
	return Math.min(MAX_LABEL, longest, Math.floor(width / 4));
}

function barLine(row: TimelineRow, width: number, label: number, ascii: boolean): Segment[] {
	const glyphs = glyphsFor(ascii);
	const share = Math.round((row.longest.ms / row.totalMs) * 100);
	const suffix = ` ${phaseLabel(row.longest.phase, true)} ${share}% of ${durationText(row.totalMs)}`;
	const barWidth = Math.max(0, width - label - 1 - suffix.length);
	const cells = allocateCells(
		row.parts.map(part => part.ms),
		barWidth,
	);
	const bar: Segment[] = cells.map((count, index) => ({text: glyphs.timeline[index]!.repeat(count), color: PHASE_COLORS[index]}));
	return [{text: fitTo(safeText(row.model ?? 'time', ascii), label, ascii) + ' ', bold: true}, ...bar, {text: suffix, dim: true}];
}

// With one model the legend carries each phase's time; with several, only the fills' meaning.
function legendLine(rows: readonly TimelineRow[], ascii: boolean): Segment[] {
	const glyphs = glyphsFor(ascii);
	const only = rows.length === 1 ? rows[0] : undefined;
	return PHASE_IDS.flatMap((phase, index) => {
		const ms = only?.parts[index]?.ms;
		const time = ms === undefined ? '' : ` ${durationText(ms)}`;
		return [{text: glyphs.timeline[index]!, color: PHASE_COLORS[index]}, {text: ` ${phaseLabel(phase, true)}${time}  `, dim: true}];
	});
}

/** Which phase ate the time: per model, each phase's share of the deployment as a bar. */
export const Timeline = memo(function Timeline({rows, width, display}: TimelineProps) {
	const {ascii} = display;
	const label = labelWidth(rows, width);
	const lines = [...rows.map(row => barLine(row, width, label, ascii)), legendLine(rows, ascii)];
	return (
		<SegmentLines lines={lines} width={width} display={display} />
	);
});
