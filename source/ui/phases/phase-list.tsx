import React, {memo} from 'react';
import {trackInstances, type ServiceInstances} from '../../core/deployment/instances.js';
import {instancesText} from '../../core/words/instances-wording.js';
import type {ModelTrack} from '../../core/types.js';
import type {PhaseShape} from '../../core/view/layout.js';
import {glyphsFor} from '../kit/glyphs.js';
import {columnRows, compactRow, compactTitleWidth, phaseRow, trackTitle} from './phase-lines.js';
import type {PhaseCellContext} from './phase-text.js';
import {SegmentLines} from '../kit/segment-lines.js';
import type {Segment} from '../kit/text-fit.js';
import type {Display} from '../kit/display.js';

export interface PhaseListProps {
	readonly tracks: readonly ModelTrack[];
	/** Instance counts from the monitor, shown beside each model's title; null without them. */
	readonly instances: ServiceInstances | null;
	/** `full`: a line per phase; `compact`: a line per model (small terminals). */
	readonly mode: 'full' | 'compact';
	/** How full mode lays out the models, as the layout plan decided. */
	readonly shape: PhaseShape;
	readonly width: number;
	readonly now: number;
	readonly skewMs: number;
	/** The model whose failure ended the deployment (failureCulprit): the others say they were interrupted. */
	readonly culprit?: string | null;
	/** Spinner frame of the active phase; null draws a static glyph (low bandwidth). */
	readonly spinnerFrame: number | null;
	readonly display: Display;
}

/** Each track's title: its model, status and instances. */
function titlesOf(tracks: readonly ModelTrack[], instances: ServiceInstances | null, ascii: boolean): string[] {
	return tracks.map(track => {
		const counts = instances === null ? null : trackInstances(instances, track.model);
		return trackTitle(track, ascii, counts === null ? null : instancesText(counts));
	});
}

function linesFor(props: PhaseListProps, clock: PhaseCellContext): Segment[][] {
	const {tracks, mode, shape, width} = props;
	const titles = titlesOf(tracks, props.instances, clock.ascii);
	if (mode === 'compact') {
		const titleWidth = compactTitleWidth(titles, width);
		return tracks.map((track, index) => compactRow(track, titles[index]!, clock, titleWidth));
	}

	const [only] = tracks;
	if (shape === 'single' && only) {
		return only.phases.map(phase => phaseRow(phase, only, clock, width));
	}

	if (shape === 'columns') {
		return columnRows(tracks, titles, clock, width);
	}

	// Too many models for columns at this width: a short sub-list per model.
	return tracks.flatMap((track, index) => [
		[{text: titles[index]!, bold: true}],
		...track.phases.map(phase => phaseRow(phase, track, clock, width)),
	]);
}

/** The five deployment phases of each model, with state, elapsed time and warnings. */
export const PhaseList = memo(function PhaseList(props: PhaseListProps) {
	const {now, skewMs, spinnerFrame, culprit = null, width, display} = props;
	const {ascii} = display;
	const clock: PhaseCellContext = {now, skewMs, spinnerFrame, glyphs: glyphsFor(ascii), ascii, culprit};
	const lines = linesFor(props, clock);
	return (
		<SegmentLines lines={lines} width={width} display={display} />
	);
});
