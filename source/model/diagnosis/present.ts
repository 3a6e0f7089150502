// A diagnosis ready to show or to write: server text made safe and cut to a sane length,
// our own text as it is. The live view, the plain log and the JSON summary all use these.
import {sanitizeForAsciiTerminal, sanitizeForTerminal} from '../sanitize.js';
import type {PhaseId} from '../types.js';
import {CATEGORY_TITLES} from './categories.js';
import type {Diagnosis, DiagnosisCategory} from './types.js';

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
	readonly advice: readonly string[];
	readonly docs: readonly string[];
}

export function presentDiagnosis(diagnosis: Diagnosis, ascii = false): DiagnosisText {
	const safe = ascii ? sanitizeForAsciiTerminal : sanitizeForTerminal;
	return {
		title: CATEGORY_TITLES[diagnosis.category],
		category: diagnosis.category,
		phase: diagnosis.phase,
		model: diagnosis.model === null ? null : safe(diagnosis.model),
		cause: diagnosis.cause === null ? null : safe(clip(diagnosis.cause, CAUSE_LIMIT)),
		advice: diagnosis.advice.map(safe),
		docs: diagnosis.docs.map(safe),
	};
}

/** `"diagnosis"` of the JSON summary: the same strings, without the title (scripts read the category). */
export type DiagnosisRecord = Omit<DiagnosisText, 'title'>;

export function diagnosisRecord(diagnosis: Diagnosis): DiagnosisRecord {
	const {category, phase, model, cause, advice, docs} = presentDiagnosis(diagnosis);
	return {category, phase, model, cause, advice, docs};
}
