import React from 'react';
import {Box} from 'ink';
import type {OutcomeNotice} from '../model/view-state-notices.js';
import {glyphsFor, type Glyphs} from './glyphs.js';
import {SegmentLine} from './segment-line.js';
import {safeText} from './text-fit.js';

/** Props of the outcome area: the notices the model decided on, and how many fit. */
export interface OutcomeProps {
	readonly notices: readonly OutcomeNotice[];
	/** Lines the layout grants; the most important notices come first. */
	readonly maxLines: number;
	readonly width: number;
	readonly ascii: boolean;
	readonly color: boolean;
}

const COLORS: Readonly<Record<OutcomeNotice['kind'], string>> = {
	succeeded: 'green',
	failed: 'red',
	stopped: 'gray',
	warning: 'yellow',
	info: 'cyan',
};

function markFor(kind: OutcomeNotice['kind'], glyphs: Glyphs): string {
	switch (kind) {
		case 'succeeded': {
			return glyphs.phase.done;
		}

		case 'failed': {
			return glyphs.phase.failed;
		}

		case 'warning': {
			return glyphs.warning;
		}

		case 'stopped':
		case 'info': {
			return glyphs.phase.pending;
		}
	}
}

/** Deployed / failed with its error / stopped / concerning / details unavailable. */
export function Outcome({notices, maxLines, width, ascii, color}: OutcomeProps) {
	const glyphs = glyphsFor(ascii);
	return (
		<Box flexDirection="column">
			{notices.slice(0, maxLines).map(notice => (
				<SegmentLine
					key={notice.kind}
					segments={[{text: `${markFor(notice.kind, glyphs)} ${safeText(notice.text, ascii)}`, color: COLORS[notice.kind], bold: notice.kind === 'failed'}]}
					width={width}
					color={color}
					ascii={ascii}
				/>
			))}
		</Box>
	);
}
