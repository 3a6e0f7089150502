import React from 'react';
import {Box} from 'ink';
import type {OutcomeNotice} from '../../core/view/notices.js';
import {glyphsFor, type Glyphs} from '../kit/glyphs.js';
import {SegmentLine} from '../kit/segment-line.js';
import {safeText, truncateTo, widthOf, wrapText} from '../kit/text-fit.js';
import type {Display} from '../kit/display.js';

export interface OutcomeProps {
	readonly notices: readonly OutcomeNotice[];
	/** Lines the layout plan grants each notice, in order (0: not shown). */
	readonly lineCounts: readonly number[];
	readonly width: number;
	readonly display: Display;
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

/** The notice's text in the lines the plan granted it; a cut cause ends in `…`. */
function noticeText(notice: OutcomeNotice, allowed: number, width: number, ascii: boolean): string[] {
	const text = safeText(notice.text, ascii);
	if (allowed <= 0) return [];
	if (allowed === 1) return [text];
	const lines = wrapText(text, width - 2);
	if (lines.length <= allowed) return lines;
	const last = lines.slice(allowed - 1).join(' ');
	return [...lines.slice(0, allowed - 1), widthOf(last) > width - 2 ? truncateTo(last, width - 2, ascii) : last];
}

/** Deployed / failed with its error (wrapped) / stopped / concerning / details unavailable. */
export function Outcome({notices, lineCounts, width, display}: OutcomeProps) {
	const {ascii} = display;
	const glyphs = glyphsFor(ascii);
	const lines = notices.flatMap((notice, position) =>
		noticeText(notice, lineCounts[position] ?? 0, width, ascii).map((text, index) => ({
			key: `${notice.kind}-${index}`,
			text: index === 0 ? `${markFor(notice.kind, glyphs)} ${text}` : `  ${text}`,
			kind: notice.kind,
		})),
	);
	return (
		<Box flexDirection="column">
			{lines.map(line => (
				<SegmentLine
					key={line.key}
					segments={[{text: line.text, color: COLORS[line.kind], bold: line.kind === 'failed'}]}
					width={width}
					display={display}
				/>
			))}
		</Box>
	);
}
