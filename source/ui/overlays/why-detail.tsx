import React, {memo} from 'react';
import {BASIS_WORDS} from '../../core/diagnosis/categories.js';
import {presentDiagnosis, presentedEvidenceLines} from '../../core/diagnosis/present.js';
import type {Diagnosis} from '../../core/diagnosis/types.js';
import {diagnosisHeadline, phaseLabel} from '../../core/words/wording.js';
import {cutToLines} from './overlay-lines.js';
import {SegmentLines} from '../kit/segment-lines.js';
import {safeText, wrapText, type Segment} from '../kit/text-fit.js';
import type {Display} from '../kit/display.js';

export interface WhyDetailProps {
	readonly diagnosis: Diagnosis;
	readonly maxLines: number;
	readonly width: number;
	readonly display: Display;
}

const NAME_WIDTH = 12;

/** `name` in the label column, then `value` wrapped under itself (continuations indented as far). */
function field(name: string, value: string, width: number, color?: string): Segment[][] {
	return wrapText(value, Math.max(1, width - NAME_WIDTH)).map((text, index) => [{text: (index === 0 ? name : '').padEnd(NAME_WIDTH), dim: true}, {text, color}]);
}

/** Several values under one label (advice, docs), each wrapped. */
function fields(name: string, values: readonly string[], width: number): Segment[][] {
	return values.flatMap((value, index) => field(index === 0 ? name : '', value, width));
}

/**
 * The diagnosis in full: what it is and where, its category and what decided it, the
 * deciding text whole, the evidence it rests on, every piece of advice and the links to the
 * documentation pages (title and address).
 * Server text is sanitised; lines beyond `maxLines` are cut, and the last line says how many.
 */
export const WhyDetail = memo(function WhyDetail({diagnosis, maxLines, width, display}: WhyDetailProps) {
	const {ascii} = display;
	const text = presentDiagnosis(diagnosis, ascii);
	const slow = diagnosis.category === 'slow';
	const title: Segment[] = [{text: slow ? 'Why it is slow' : 'Why it failed', bold: true}, {text: '  w or Esc closes', dim: true}];
	const lines = cutToLines(
		[
			title,
			...field('what', safeText(diagnosisHeadline(diagnosis), ascii), width, slow ? 'yellow' : 'red'),
			...field('category', `${text.category}, decided by ${BASIS_WORDS[diagnosis.basis]}`, width),
			...field('model', text.model ?? '-', width),
			...field('phase', text.phase === null ? '-' : phaseLabel(text.phase), width),
			...(diagnosis.code === null ? [] : field('code', diagnosis.code, width)),
			...(text.cause === null ? [] : field(slow ? 'last event' : 'cause', text.cause, width)),
			...fields('evidence', presentedEvidenceLines(text), width),
			[{text: ''}],
			...fields('try', text.advice, width),
			...(text.docs.length === 0 ? [] : [[{text: ''}], ...fields('docs', text.docs.map(({title, url}) => `${title} <${url}>`), width)]),
		],
		maxLines,
	);

	return (
		<SegmentLines lines={lines} width={width} display={display} />
	);
});
