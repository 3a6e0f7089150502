import React from 'react';
import {Text} from 'ink';
import {fitSegments, type Segment} from './text-fit.js';
import type {Display} from './display.js';

export interface SegmentLineProps {
	readonly segments: readonly Segment[];
	readonly width: number;
	readonly display: Display;
}

// Padding at the end of a line draws nothing but costs bytes on every redraw.
function withoutTrailingBlanks(segments: Segment[]): Segment[] {
	const last = segments.at(-1);
	if (!last || !last.text.endsWith(' ')) {
		return segments;
	}

	return [...segments.slice(0, -1), {...last, text: last.text.trimEnd()}];
}

/** One line of differently styled runs, never wider than `width` (and never wrapped). */
export function SegmentLine({segments, width, display}: SegmentLineProps) {
	const {ascii, color} = display;
	const fitted = withoutTrailingBlanks(fitSegments(segments, width, ascii));
	return (
		<Text wrap="truncate-end">
			{fitted.length === 0
				? ' '
				: fitted.map((segment, index) => (
						<Text
							// Segments have no identity beyond their position on the line.
							key={index}
							color={color ? segment.color : undefined}
							bold={segment.bold}
							dimColor={color ? segment.dim : false}
						>
							{segment.text}
						</Text>
					))}
		</Text>
	);
}
