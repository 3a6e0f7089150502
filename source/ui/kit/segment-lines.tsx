import React from 'react';
import {Box} from 'ink';
import {SegmentLine} from './segment-line.js';
import type {Segment} from './text-fit.js';
import type {Display} from './display.js';

/** A column of positional lines: the same index is always the same part of what is drawn. */
export interface SegmentLinesProps {
	readonly lines: readonly (readonly Segment[])[];
	readonly width: number;
	readonly display: Display;
}

/** One line per entry, each fitted to the width (the phase list, details, the timeline, the Why block). */
export function SegmentLines({lines, width, display}: SegmentLinesProps) {
	return (
		<Box flexDirection="column">
			{lines.map((segments, index) => (
				// Positional keys: a line keeps its identity from frame to frame, so only changed lines are redrawn.
				<SegmentLine key={index} segments={segments} width={width} display={display} />
			))}
		</Box>
	);
}
