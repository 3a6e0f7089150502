import React from 'react';
import type {UpdateDiff} from '../../core/deployment/update-log-diff.js';
import {updateLine} from '../../core/words/update-wording.js';
import {glyphsFor, punctuationFor} from '../kit/glyphs.js';
import {SegmentLine} from '../kit/segment-line.js';
import {safeText, type Segment} from '../kit/text-fit.js';
import type {Display} from '../kit/display.js';

export interface UpdateLineProps {
	readonly update: UpdateDiff;
	/** Selected with ↑ above the first event: Enter opens the whole change. */
	readonly selected: boolean;
	readonly width: number;
	readonly display: Display;
}

const RESULT_COLORS: Readonly<Record<string, string>> = {SUCCESS: 'green', FAIL: 'red', RUNNING: 'cyan'};

/** `update running: resnet 1.0.0 → 1.1.0 · instances 1 → 2`, marked like a table row when selected. */
export function UpdateLine({update, selected, width, display}: UpdateLineProps) {
	const {ascii} = display;
	const glyphs = glyphsFor(ascii);
	const text = safeText(updateLine(update, punctuationFor(ascii)), ascii);
	const segments: Segment[] = [
		...(selected ? [{text: `${glyphs.selected} `}] : []),
		{text, color: RESULT_COLORS[update.result?.trim().toUpperCase() ?? ''], bold: selected},
	];
	return <SegmentLine segments={segments} width={width} display={display} />;
}
