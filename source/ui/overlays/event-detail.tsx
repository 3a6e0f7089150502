import React, {memo} from 'react';
import type {TimeZoneSetting} from '../../config/types.js';
import type {WatchEvent} from '../../core/types.js';
import {formatExactTime} from '../../core/words/time-format.js';
import {phaseLabel} from '../../core/words/wording.js';
import {cutToLines} from './overlay-lines.js';
import {SegmentLines} from '../kit/segment-lines.js';
import {safeText, wrapText, type Segment} from '../kit/text-fit.js';
import type {Display} from '../kit/display.js';

export interface EventDetailProps {
	readonly event: WatchEvent;
	/** The zone of the local time line (the configured one, or the machine's). */
	readonly localZone: TimeZoneSetting;
	readonly maxLines: number;
	readonly width: number;
	readonly display: Display;
}

function field(name: string, value: string, color?: string): Segment[] {
	return [{text: name.padEnd(7), dim: true}, {text: value, color}];
}

function fieldLines(event: WatchEvent, localZone: TimeZoneSetting, ascii: boolean): Segment[][] {
	const local = localZone.kind === 'utc' ? {kind: 'local' as const} : localZone;
	const typeText = event.rawType === event.type ? event.type : `${event.type} (server: ${safeText(event.rawType, ascii)})`;
	return [
		field('UTC', formatExactTime(event.occurTime, {kind: 'utc'})),
		field('local', formatExactTime(event.occurTime, local)),
		field('type', typeText, event.type === 'abnormal' ? 'red' : event.type === 'warning' ? 'yellow' : undefined),
		field('phase', event.phase === null ? '-' : `${phaseLabel(event.phase)} (${event.signal})`),
		field('model', event.model === null ? '-' : safeText(event.model, ascii)),
	];
}

/**
 * The selected event in full: exact time in UTC and local, type, phase, model, and the
 * whole text wrapped to the width (sanitised: server text never reaches the terminal raw).
 * Lines beyond `maxLines` are cut, and the last line says how many.
 */
export const EventDetail = memo(function EventDetail({event, localZone, maxLines, width, display}: EventDetailProps) {
	const {ascii} = display;
	const title: Segment[] = [{text: 'Event', bold: true}, {text: '  Esc closes', dim: true}];
	const text = wrapText(safeText(event.info, ascii), Math.max(1, width - 2)).map((line): Segment[] => [{text: '  ' + line}]);
	const lines = cutToLines([title, ...fieldLines(event, localZone, ascii), [{text: ''}], ...text], maxLines);

	return (
		<SegmentLines lines={lines} width={width} display={display} />
	);
});
