import React, {memo} from 'react';
import type {TimeZoneSetting} from '../../config/types.js';
import {formatExactTime} from '../../core/words/time-format.js';
import type {UpdateDiff} from '../../core/deployment/update-log-diff.js';
import {updateChangeLines, updateLine} from '../../core/words/update-wording.js';
import {punctuationFor} from '../kit/glyphs.js';
import {cutToLines} from './overlay-lines.js';
import {SegmentLines} from '../kit/segment-lines.js';
import {safeText, type Segment} from '../kit/text-fit.js';
import type {Display} from '../kit/display.js';

export interface UpdateDetailProps {
	readonly update: UpdateDiff;
	/** The zone update times are shown in (the configured one, or the machine's). */
	readonly timeZone: TimeZoneSetting;
	readonly maxLines: number;
	readonly width: number;
	readonly display: Display;
}

function field(name: string, value: string): Segment[] {
	return [{text: name.padEnd(9), dim: true}, {text: value}];
}

/**
 * What the newest update record changes against the one before it: the one-line summary,
 * when, its result, then every change on a line of its own (environment variables by name
 * only). Lines beyond `maxLines` are cut, and the last line says how many.
 */
export const UpdateDetail = memo(function UpdateDetail({update, timeZone, maxLines, width, display}: UpdateDetailProps) {
	const {ascii} = display;
	const punctuation = punctuationFor(ascii);
	const title: Segment[] = [{text: 'Update', bold: true}, {text: '  Esc closes', dim: true}];
	const changes = updateChangeLines(update, punctuation).map((text): Segment[] => [{text: '  ' + safeText(text, ascii)}]);
	const lines = cutToLines(
		[
			title,
			field('summary', safeText(updateLine(update, punctuation), ascii)),
			field('updated', formatExactTime(update.updateTime, timeZone)),
			field('result', update.result === null ? '-' : safeText(update.result, ascii)),
			field('against', update.previousTime === null ? 'no earlier record' : formatExactTime(update.previousTime, timeZone)),
			[{text: ''}],
			...(changes.length === 0 ? [[{text: '  no changes', dim: true}]] : changes),
		],
		maxLines,
	);

	return (
		<SegmentLines lines={lines} width={width} display={display} />
	);
});
