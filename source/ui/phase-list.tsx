import React, {memo} from 'react';
import {Box} from 'ink';
import type {ModelTrack} from '../model/types.js';
import type {PhaseShape} from '../model/view-state-layout.js';
import {glyphsFor} from './glyphs.js';
import {columnRows, compactRow, compactTitleWidth, phaseRow, trackTitle} from './phase-lines.js';
import type {PhaseCellContext} from './phase-text.js';
import {SegmentLine} from './segment-line.js';
import type {Segment} from './text-fit.js';

/** Props of the phase list: the tracks of the current deployment and how to draw them. */
export interface PhaseListProps {
	readonly tracks: readonly ModelTrack[];
	/** `full`: a line per phase; `compact`: a line per model (small terminals). */
	readonly mode: 'full' | 'compact';
	/** How full mode lays out the models, as the layout plan decided. */
	readonly shape: PhaseShape;
	readonly width: number;
	readonly now: number;
	readonly skewMs: number;
	/** Spinner frame of the active phase; null draws a static glyph (low bandwidth). */
	readonly spinnerFrame: number | null;
	readonly ascii: boolean;
	readonly color: boolean;
}

function linesFor(tracks: readonly ModelTrack[], mode: 'full' | 'compact', shape: PhaseShape, clock: PhaseCellContext, width: number): Segment[][] {
	if (mode === 'compact') {
		const titleWidth = compactTitleWidth(tracks, clock, width);
		return tracks.map(track => compactRow(track, clock, titleWidth));
	}

	const [only] = tracks;
	if (shape === 'single' && only) {
		return only.phases.map(phase => phaseRow(phase, clock, width));
	}

	if (shape === 'columns') {
		return columnRows(tracks, clock, width);
	}

	// Too many models for columns at this width: a short sub-list per model.
	return tracks.flatMap(track => [
		[{text: trackTitle(track, clock.ascii), bold: true}],
		...track.phases.map(phase => phaseRow(phase, clock, width)),
	]);
}

/** The five deployment phases of each model, with state, elapsed time and warnings. */
export const PhaseList = memo(function PhaseList({tracks, mode, shape, width, now, skewMs, spinnerFrame, ascii, color}: PhaseListProps) {
	const clock: PhaseCellContext = {now, skewMs, spinnerFrame, glyphs: glyphsFor(ascii), ascii};
	const lines = linesFor(tracks, mode, shape, clock, width);
	return (
		<Box flexDirection="column">
			{lines.map((segments, index) => (
				// Lines are positional: the same index is always the same phase or model.
				<SegmentLine key={index} segments={segments} width={width} color={color} ascii={ascii} />
			))}
		</Box>
	);
});
