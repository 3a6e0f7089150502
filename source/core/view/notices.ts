// What the outcome area says, decided in the model so the layout can count its lines
// before anything is drawn. The view only picks glyphs and colours per kind.
import stringWidth from 'string-width';
import type {InstanceCounts} from '../deployment/instances.js';
import type {DeploymentProgress} from '../types.js';
import {outcomeSentence, outcomeWords} from '../words/wording.js';

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

/** The outcome line: what happened, how long it took, what runs; none while the deployment runs. */
function outcomeNotice(deployment: DeploymentProgress, instances: InstanceCounts | null): OutcomeNotice | null {
	const words = outcomeWords(deployment, null, instances);
	if (words.outcome === 'in_progress') return null;
	// A degraded service is never shown with the success mark and colour.
	return {kind: words.degraded ? 'warning' : words.outcome, text: outcomeSentence(words)};
}

/** What else the outcome area knows: the counts, and which bonus APIs are not there. */
export interface NoticeFacts {
	/** Why the details API cannot be used, or null. */
	readonly detailsUnavailable: string | null;
	/** Why the monitor API cannot be used, or null. */
	readonly monitorUnavailable?: string | null;
	/** The service's instance counts from the monitor, or null. */
	readonly instances?: InstanceCounts | null;
}

/**
 * The outcome lines for the current state: the result (deployed with its instances / failed
 * with its cause / stopped), a `concerning` warning, and a note for each API that is not there.
 */
export function outcomeNotices(deployment: DeploymentProgress, facts: NoticeFacts): OutcomeNotice[] {
	const {detailsUnavailable, monitorUnavailable = null, instances = null} = facts;
	const notices: OutcomeNotice[] = [];
	const outcome = outcomeNotice(deployment, instances);
	if (outcome) {
		notices.push(outcome);
	}

	// The outcome line says a service that turned concerning after its deploy is degraded; one still deploying is warned here.
	if (deployment.concerning && deployment.outcome !== 'succeeded') {
		notices.push({kind: 'warning', text: 'Concerning: some instances are abnormal'});
	}

	if (detailsUnavailable !== null) {
		notices.push({kind: 'info', text: `Details unavailable (${detailsUnavailable}): progress from events only`});
	}

	if (monitorUnavailable !== null) {
		notices.push({kind: 'info', text: `Monitor unavailable (${monitorUnavailable}): no instance counts`});
	}

	return notices;
}
