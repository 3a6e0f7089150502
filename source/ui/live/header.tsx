import React from 'react';
import {Box} from 'ink';
import type {SyncState} from '../../core/watch/sync-state.js';
import {glyphsFor, type Glyphs} from '../kit/glyphs.js';
import {SegmentLine} from '../kit/segment-line.js';
import {syncStatusText} from './status-text.js';
import {safeText, truncateTo, type Segment} from '../kit/text-fit.js';
import {formatDuration} from '../../core/deployment/elapsed.js';
import {STATUS_COLORS} from '../kit/status-colors.js';
import {statusWithProgress} from '../../core/words/wording.js';
import type {Display} from '../kit/display.js';

export interface HeaderProps {
	readonly serviceName: string | null;
	readonly serviceId: string | null;
	/** Service status from the details API; null while unknown or unavailable. */
	readonly status: string | null;
	/** Deploy progress (0–100) while deploying. */
	readonly progress: number | null;
	/** The one model's own status (`config[].status`), shown when it differs from the service's. */
	readonly modelStatus: string | null;
	/** The service's instances from the monitor (`1/2 instances`), or null. */
	readonly instances: string | null;
	/** When the service stops by itself (`auto-stop in 58m`), or null. */
	readonly autoStop: string | null;
	/** Elapsed time of the current deployment, null when no deployment was seen. */
	readonly elapsedMs: number | null;
	readonly sync: SyncState;
	readonly now: number;
	/** The latest odd server data, in a few words (`an event dated in the future …`), or null. */
	readonly dataNote?: string | null;
	/** 2: title line and status line; 1: both on one line. */
	readonly lines: 1 | 2;
	readonly width: number;
	readonly display: Display;
}


const TONE_COLORS = {normal: 'gray', warning: 'yellow', error: 'red'} as const;

// On one line (small terminals) the id and the model status give way to the poll status.
// Instances and auto-stop change a few times a minute at most: on this line, not the ticking one.
function titleSegments(props: HeaderProps): Segment[] {
	const {serviceName, serviceId, status, progress, instances, autoStop, width, display: {ascii}, lines} = props;
	const modelStatus = lines === 2 ? props.modelStatus : null;
	const segments: Segment[] = [{text: safeText(serviceName ?? serviceId ?? 'service', ascii), bold: true}];
	if (serviceId && serviceName && lines === 2) {
		// Ids are 36 characters: keep enough to recognise one when the screen is narrow.
		const id = width >= 100 ? serviceId : truncateTo(serviceId, 9, ascii);
		segments.push({text: '  ' + safeText(id, ascii), dim: true});
	}

	if (status) {
		segments.push({text: '  '}, {text: statusWithProgress(safeText(status, ascii), progress), color: STATUS_COLORS[status], bold: true});
	}

	// A service can say `running` while its model is still `notReady`: show both.
	if (modelStatus && modelStatus !== status) {
		segments.push({text: ` (model ${safeText(modelStatus, ascii)})`});
	}

	if (instances) {
		segments.push({text: '  '}, {text: safeText(instances, ascii)});
	}

	if (autoStop) {
		segments.push({text: '  '}, {text: autoStop, color: 'yellow'});
	}

	return segments;
}

// Everything that changes every second sits on one line, so a tick redraws one header line.
function statusSegments(props: HeaderProps, glyphs: Glyphs): Segment[] {
	const {sync, now, elapsedMs, display: {ascii}} = props;
	const status = syncStatusText(sync, now, glyphs);
	const segments: Segment[] = [];
	if (elapsedMs !== null) {
		segments.push({text: `total ${formatDuration(elapsedMs)}`, bold: true}, {text: ` ${glyphs.separator} `});
	}

	segments.push({text: safeText(status.text, ascii), color: TONE_COLORS[status.tone]});
	// Last on the line, so a narrow terminal cuts the note before the poll status.
	if (props.dataNote) segments.push({text: ` ${glyphs.separator} `}, {text: `note: ${safeText(props.dataNote, ascii)}`, color: 'yellow'});
	return segments;
}

/** Line 1: the service and its status (with progress); line 2: the deployment's total time and the poll status. */
export function Header(props: HeaderProps) {
	const {lines, width, display} = props;
	const {ascii} = display;
	const glyphs = glyphsFor(ascii);
	const title = titleSegments(props);
	const status = statusSegments(props, glyphs);
	if (lines === 1) {
		return <SegmentLine segments={[...title, {text: '  '}, ...status]} width={width} display={display} />;
	}

	return (
		<Box flexDirection="column">
			<SegmentLine segments={title} width={width} display={display} />
			<SegmentLine segments={status} width={width} display={display} />
		</Box>
	);
}
