import React, {memo} from 'react';
import {podsTree, type PodWarning} from '../../core/view/pods.js';
import {formatAge} from '../../core/words/time-format.js';
import type {PodsReport} from '../../core/wire/v2-types.js';
import type {Display} from '../kit/display.js';
import {cutToLines} from './overlay-lines.js';
import {SegmentLines} from '../kit/segment-lines.js';
import {safeText, type Segment} from '../kit/text-fit.js';

/** The latest pods read, the clock the Warnings' ages are told by, and the rows the layout gives. */
export interface PodsDetailProps {
	readonly report: PodsReport;
	readonly now: number;
	readonly maxLines: number;
	readonly width: number;
	readonly display: Display;
}

const statusColor = (status: string): string | undefined => {
	const upper = status.toUpperCase();
	if (upper === 'RUNNING') return 'green';
	return ['FAILED', 'ABNORMAL', 'ERROR'].includes(upper) ? 'red' : 'yellow';
};

/** "Unhealthy ×4, 12s ago: Readiness probe failed: …", one line (SegmentLines cuts it to the width). */
function warningLine(warning: PodWarning, indent: string, now: number, ascii: boolean): Segment[] {
	const count = warning.count > 1 ? ` ${ascii ? 'x' : '×'}${warning.count}` : '';
	const age = warning.lastAt === null ? '' : `, ${formatAge(warning.lastAt, now)}`;
	return [{text: indent}, {text: `${safeText(warning.reason, ascii)}${count}`, color: 'yellow'}, {text: `${age}: `, dim: true}, {text: safeText(warning.message, ascii)}];
}

/**
 * The deployments of a v2 service, each with its running/wanted instances, its pods with
 * status and node, and each pod's latest Warning events; in place of the phases and the
 * table. Server text is sanitised; lines beyond `maxLines` are cut, and the last says how many.
 */
export const PodsDetail = memo(function PodsDetail({report, now, maxLines, width, display}: PodsDetailProps) {
	const {ascii} = display;
	const title: Segment[] = [{text: 'Pods', bold: true}, {text: '  p or Esc closes', dim: true}];
	const lines: Segment[][] = [title];
	for (const deployment of podsTree(report)) {
		const instances = deployment.total === null ? '' : `  ${deployment.running ?? 0}/${deployment.total} instances running`;
		lines.push([{text: 'deployment ', dim: true}, {text: safeText(deployment.name, ascii), bold: true}, {text: `  ${safeText(deployment.status.toLowerCase(), ascii)}`, color: statusColor(deployment.status)}, {text: instances}]);
		if (deployment.pods.length === 0) lines.push([{text: '  no pods yet', dim: true}]);
		for (const pod of deployment.pods) {
			const node = pod.node === null ? '' : ` on ${safeText(pod.node, ascii)}`;
			lines.push([{text: '  pod ', dim: true}, {text: safeText(pod.pod_name, ascii)}, {text: `  ${safeText(pod.status.toLowerCase(), ascii)}`, color: statusColor(pod.status)}, {text: node}]);
			for (const warning of pod.warnings) lines.push(warningLine(warning, '    ', now, ascii));
		}

		for (const warning of deployment.warnings) lines.push(warningLine(warning, '  ', now, ascii));
	}

	return <SegmentLines lines={cutToLines(lines, maxLines)} width={width} display={display} />;
});
