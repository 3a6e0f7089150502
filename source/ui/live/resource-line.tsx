import React from 'react';
import type {ServiceInstances} from '../../core/deployment/instances.js';
import {resourceLine} from '../../core/words/instances-wording.js';
import {punctuationFor} from '../kit/glyphs.js';
import {SegmentLine} from '../kit/segment-line.js';
import {safeText} from '../kit/text-fit.js';
import type {Display} from '../kit/display.js';

export interface ResourceLineProps {
	readonly instances: ServiceInstances;
	readonly width: number;
	readonly display: Display;
}

/** `resources  cpu 2.4/4 · mem 2.0/8 GiB`, each model's use after its name when there are several. */
export function ResourceLine({instances, width, display}: ResourceLineProps) {
	const {ascii} = display;
	const text = resourceLine(instances, punctuationFor(ascii)) ?? '';
	return <SegmentLine segments={[{text: 'resources  ', dim: true}, {text: safeText(text, ascii)}]} width={width} display={display} />;
}
