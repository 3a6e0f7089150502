// What the outcome area says, decided in the model so the layout can count its lines
// before anything is drawn. The view only picks glyphs and colours per kind.
import stringWidth from 'string-width';
import type {DeploymentProgress} from './types.js';
import {endedDeploymentMs} from './view-state-completion.js';
import {formatDuration} from './elapsed.js';

/** One outcome line, most important first. */
export interface OutcomeNotice {
	readonly kind: 'succeeded' | 'failed' | 'stopped' | 'warning' | 'info';
	/** Plain text; may hold server text, so the view sanitises it. */
	readonly text: string;
}

/** A failure's cause is the one line worth wrapping: up to this many lines, then `…`. */
export const MAX_FAILURE_LINES = 3;

/**
 * Lines a notice takes at this width: a failure wraps its cause (error_msg is the first
 * thing a person needs after a failed deploy), everything else is one line.
 */
export function noticeLineCount(notice: OutcomeNotice, columns: number): number {
	if (notice.kind !== 'failed') return 1;
	// The mark and a space come first; continuation lines are indented as far.
	const perLine = Math.max(1, columns - 2);
	return Math.min(MAX_FAILURE_LINES, Math.max(1, Math.ceil(stringWidth(notice.text) / perLine)));
}

function failureCause(deployment: DeploymentProgress): string | null {
	for (const track of deployment.tracks) {
		const failed = track.phases.find(phase => phase.state === 'failed' && phase.cause);
		if (failed?.cause) {
			return failed.cause;
		}
	}

	return null;
}

// What happened and how long it took, in the words a person would say it.
function outcomeNotice(deployment: DeploymentProgress): OutcomeNotice | null {
	const elapsed = endedDeploymentMs(deployment);
	switch (deployment.outcome) {
		case 'succeeded': {
			const took = elapsed === null ? '' : ` in ${formatDuration(elapsed)}`;
			return {kind: 'succeeded', text: `Deployed${took}: the service is ${deployment.status ?? 'running'}`};
		}

		case 'failed': {
			const cause = deployment.errorMsg ?? failureCause(deployment);
			const took = elapsed === null ? '' : ` after ${formatDuration(elapsed)}`;
			return {kind: 'failed', text: `Deployment failed${took}${cause ? `: ${cause}` : ''}`};
		}

		case 'stopped': {
			return {kind: 'stopped', text: `Service ${deployment.status ?? 'stopped'}`};
		}

		case 'in_progress': {
			return null;
		}
	}
}

/**
 * The outcome lines for the current state: the result (deployed / failed with its cause /
 * stopped), a `concerning` warning, and a note when the details API is unavailable.
 */
export function outcomeNotices(deployment: DeploymentProgress, detailsUnavailable: string | null): OutcomeNotice[] {
	const notices: OutcomeNotice[] = [];
	const outcome = outcomeNotice(deployment);
	if (outcome) {
		notices.push(outcome);
	}

	if (deployment.concerning) {
		notices.push({kind: 'warning', text: 'Concerning: some instances are abnormal'});
	}

	if (detailsUnavailable !== null) {
		notices.push({kind: 'info', text: `Details unavailable (${detailsUnavailable}): progress from events only`});
	}

	return notices;
}
