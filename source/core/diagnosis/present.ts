// A diagnosis ready to show or to write: server text made safe and cut to a sane length,
// our own text as it is. The live view, the plain log and the JSON summary all use these.
import {sanitizeForAsciiTerminal, sanitizeForTerminal} from '../events/sanitize.js';
import type {PhaseId} from '../types.js';
import {CATEGORY_TITLES, type Diagnosis, type DiagnosisCategory, type DocLink, type EvidenceItem} from './types.js';

/** A deciding text longer than this is cut: a cause is a sentence, not a log. */
export const CAUSE_LIMIT = 1000;

/** The first `limit` characters and an ellipsis when there was more, never half a surrogate pair. */
function clip(text: string, limit: number): string {
	if (text.length <= limit) return text;
	const end = /[\ud800-\udbff]/.test(text[limit - 1]!) ? limit - 1 : limit;
	return `${text.slice(0, end)}…`;
}

/** Every string of a diagnosis, sanitised for the terminal. */
export interface DiagnosisText {
	/** The category in words ("Not enough resources to place the instances"). */
	readonly title: string;
	readonly category: DiagnosisCategory;
	readonly phase: PhaseId | null;
	readonly model: string | null;
	readonly cause: string | null;
	/** The facts it rests on, the deciding one first, each cut like the cause. */
	readonly evidence: readonly EvidenceItem[];
	readonly advice: readonly string[];
	/** Link text and address of each page to read. */
	readonly docs: readonly DocLink[];
}

export function presentDiagnosis(diagnosis: Diagnosis, ascii = false): DiagnosisText {
	const safe = ascii ? sanitizeForAsciiTerminal : sanitizeForTerminal;
	return {
		title: CATEGORY_TITLES[diagnosis.category],
		category: diagnosis.category,
		phase: diagnosis.phase,
		model: diagnosis.model === null ? null : safe(diagnosis.model),
		cause: diagnosis.cause === null ? null : safe(clip(diagnosis.cause, CAUSE_LIMIT)),
		evidence: diagnosis.evidence.map(({source, text}) => ({source, text: safe(clip(text, CAUSE_LIMIT))})),
		advice: diagnosis.advice.map(safe),
		docs: diagnosis.docs.map(({title, url}) => ({title: safe(title), url: safe(url)})),
	};
}

/** `"diagnosis"` of the JSON summary: the same strings, without the title (scripts read the category). */
export type DiagnosisRecord = Omit<DiagnosisText, 'title'>;

export function diagnosisRecord(diagnosis: Diagnosis): DiagnosisRecord {
	const {category, phase, model, cause, evidence, advice, docs} = presentDiagnosis(diagnosis);
	return {category, phase, model, cause, evidence, advice, docs};
}

/** The evidence without the deciding text, which the cause line, the outcome line or (slow) the last-event line already quotes. */
function beyondCause<T extends EvidenceItem>(evidence: readonly T[], cause: string | null): T[] {
	return evidence.filter((item, index) => !(index === 0 && item.text === cause));
}

/** `code: ModelArts.3520 (HTTP 400): maximum number of services …`: the further evidence, a line each with where it comes from. */
export function evidenceLines(diagnosis: Diagnosis): string[] {
	return beyondCause(diagnosis.evidence, diagnosis.cause).map(({source, text}) => `${source}: ${text}`);
}

/** The same lines of a presented diagnosis: sanitised, each cut like the cause. */
export function presentedEvidenceLines(text: DiagnosisText): string[] {
	return beyondCause(text.evidence, text.cause).map(({source, text: said}) => `${source}: ${said}`);
}
