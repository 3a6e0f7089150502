// The live view's diagnosis: which one applies now, and what the "Why" block under the
// outcome (or, while slow, under the phases) says of it. Decided here, not in the view, so
// the layout plan can count the block's lines before anything is drawn.
//
// A failure's diagnosis depends on the deployment alone, so it is kept while the shown
// deployment is the same object; a slow one depends on the clock too, and is computed at
// most once per tick (O(models × phases)). Neither ever reads the event history.
import type {SlowContext} from '../diagnosis/slow.js';
import type {Diagnosis} from '../diagnosis/types.js';
import type {EvidenceFacts} from '../evidence/types.js';
import type {DeploymentProgress} from '../types.js';
import type {PodsReport} from '../wire/v2-types.js';
import {evidenceLines} from '../diagnosis/present.js';
import {diagnosisCause, diagnosisHeadline, lastEventText} from '../words/wording.js';

/** What the Why block says. Plain text that may hold server text: the view sanitises it. */
export interface WhyBlock {
	/** `failed` under the outcome line, `slow` under the phases while the deployment runs. */
	readonly kind: 'failed' | 'slow';
	/** The diagnosis in one line: what the block shrinks to on a small terminal. */
	readonly headline: string;
	/**
	 * The text that decided it (while slow: the phase's last event, with its age); null when
	 * there is none, or when the outcome line already shows it.
	 */
	readonly cause: string | null;
	/** The facts beyond the deciding text (`code: ModelArts.3520 …`), a line each. */
	readonly evidence: readonly string[];
	/** What to do, a line each. */
	readonly advice: readonly string[];
}

/** What the diagnosis was computed from, to tell whether it can be reused. */
export interface DiagnosisBasis {
	readonly shown: DeploymentProgress;
	readonly clock: SlowContext;
	/** What was read about the models and the pool: it joins the events as evidence. */
	readonly facts: EvidenceFacts;
	/** v2: the latest read of the pods and their Kubernetes events; null on v1 or before one. */
	readonly pods: PodsReport | null;
}

/**
 * Diagnoses the shown deployment from its basis (core/view/diagnose.ts: why it failed, or why
 * it is slow now). The view's embedder hands it in: the painted first frame, drawn before
 * anything is read, has nothing to diagnose and passes NOTHING_TO_DIAGNOSE, so the diagnosis
 * and evidence modules (a third of the view's code) load after that frame is on screen.
 */
export type DiagnoseShown = (basis: DiagnosisBasis) => Diagnosis | null;

/** For a view that has read nothing yet: the painted first frame (cli/first-frame.ts). */
export const NOTHING_TO_DIAGNOSE: DiagnoseShown = () => null;

/**
 * The diagnosis for `next`: the previous one again when nothing it depends on changed (the
 * shown deployment for a failure; the deployment, the clock and the limits while in progress).
 */
export function diagnosisFor(previous: (DiagnosisBasis & {readonly diagnosis: Diagnosis | null}) | null, next: DiagnosisBasis, diagnose: DiagnoseShown): Diagnosis | null {
	const {shown, clock, facts, pods} = next;
	if (shown.outcome === 'failed') return previous?.shown === shown && previous.facts === facts && previous.pods === pods ? previous.diagnosis : diagnose(next);
	if (shown.outcome !== 'in_progress') return null;
	const same =
		previous !== null &&
		previous.shown === shown &&
		previous.facts === facts &&
		previous.pods === pods &&
		previous.clock.nowMs === clock.nowMs &&
		previous.clock.skewMs === clock.skewMs &&
		previous.clock.thresholds === clock.thresholds &&
		previous.clock.timeoutMs === clock.timeoutMs;
	return same ? previous.diagnosis : diagnose(next);
}

/** The Why block of a diagnosis; the deciding text is left out when it is what the outcome line says. */
export function whyBlockOf(diagnosis: Diagnosis | null, shown: DeploymentProgress): WhyBlock | null {
	if (diagnosis === null) return null;
	const headline = diagnosisHeadline(diagnosis);
	if (diagnosis.category === 'slow') {
		const cause = diagnosis.cause === null ? null : lastEventText(diagnosis.cause, diagnosis.slow?.quietMs ?? null);
		return {kind: 'slow', headline, cause, evidence: evidenceLines(diagnosis), advice: diagnosis.advice};
	}

	return {kind: 'failed', headline, cause: diagnosisCause(diagnosis, shown), evidence: evidenceLines(diagnosis), advice: diagnosis.advice};
}

/** Lines the block wants in full: the headline, the deciding text, the evidence, the advice. */
export function whyLineCount(block: WhyBlock | null): number {
	return block === null ? 0 : 1 + (block.cause === null ? 0 : 1) + block.evidence.length + block.advice.length;
}
