import React from 'react';
import type {WhyBlock as WhyBlockText} from '../../core/view/why.js';
import {glyphsFor} from '../kit/glyphs.js';
import {SegmentLines} from '../kit/segment-lines.js';
import {safeText, type Segment} from '../kit/text-fit.js';
import type {Display} from '../kit/display.js';

export interface WhyBlockProps {
	readonly why: WhyBlockText;
	/** Lines the layout plan grants: all of them, or the headline alone. */
	readonly lines: number;
	/** Selected with ↑ above the first event: Enter opens the whole diagnosis. */
	readonly selected: boolean;
	readonly width: number;
	readonly display: Display;
}

const LABEL_WIDTH = 5;

function label(text: string, color?: string): Segment {
	return {text: text.padEnd(LABEL_WIDTH), color, bold: text !== ''};
}

/**
 * `Why  The image could not be pulled onto the node (asr-large v3.2, image pulling)`, then the
 * text that decided it, the evidence beside it and what to try, a line each, cut to the
 * lines the plan granted.
 */
export function WhyBlock({why, lines, selected, width, display}: WhyBlockProps) {
	const {ascii} = display;
	const glyphs = glyphsFor(ascii);
	const failed = why.kind === 'failed';
	const tone = failed ? 'red' : 'yellow';
	const headline: Segment[] = [
		...(selected ? [{text: `${glyphs.selected} `}] : []),
		label(failed ? 'Why' : 'Slow', tone),
		{text: safeText(why.headline, ascii), bold: selected},
	];
	const rows: Segment[][] = [headline];
	if (why.cause !== null) rows.push([label(''), {text: safeText(why.cause, ascii), color: failed ? 'red' : undefined, dim: !failed}]);
	for (const said of why.evidence) rows.push([label(''), {text: safeText(said, ascii), dim: true}]);
	why.advice.forEach((advice, index) => rows.push([index === 0 ? label('try', 'cyan') : label(''), {text: advice}]));
	return (
		<SegmentLines lines={rows.slice(0, lines)} width={width} display={display} />
	);
}
