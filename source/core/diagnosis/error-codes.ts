// The official error-code appendix (error-codes.tsv, generated into error-code-table.ts):
// what a `ModelArts.NNNN` code means and which category it decides. Some codes mean different
// things under different HTTP statuses, so a row is chosen by code and status when the status
// is known; a text without a status gets the code's category only when its rows agree.
import {ERROR_CODE_ROWS} from './error-code-table.js';
import type {FailureCategory} from './types.js';

/** One row of the appendix. */
export interface ErrorCodeRow {
	readonly code: string;
	/** The HTTP status the appendix lists it under; null for codes seen only in pod events. */
	readonly http: number | null;
	readonly meaning: string;
	readonly category: FailureCategory;
}

const BY_CODE = new Map<string, ErrorCodeRow[]>();
for (const [code, http, meaning, category] of ERROR_CODE_ROWS) {
	const rows = BY_CODE.get(code) ?? [];
	rows.push({code, http, meaning, category});
	BY_CODE.set(code, rows);
}

/**
 * The row for a code (`ModelArts.3520`), under `http` when known. Without a status, or with
 * one the appendix does not list for that code, the code's rows must agree on a category;
 * otherwise null: the code alone does not say which meaning applies.
 */
export function lookUpCode(code: string, http: number | null = null): ErrorCodeRow | null {
	const rows = BY_CODE.get(code);
	if (rows === undefined) return null;
	const exact = http === null ? undefined : rows.find((row) => row.http === http);
	if (exact !== undefined) return exact;
	return rows.every((row) => row.category === rows[0]!.category) ? rows[0]! : null;
}

/** `ModelArts.3976`, also written `ModelArts 3976`, `MODELARTS_3976`; not the 8-digit pool codes. */
const CODE = /modelarts[.\s_-]?(\d{4})(?!\d)/gi;

/** Every appendix code a text names, in order, as `ModelArts.NNNN`. */
export function codesIn(text: string): string[] {
	return [...text.matchAll(CODE)].map((match) => `ModelArts.${match[1]!}`).filter((code) => BY_CODE.has(code));
}

/** "ModelArts.3520 (HTTP 400): maximum number of services of this type reached" */
export function codeEvidenceText(row: ErrorCodeRow): string {
	return `${row.code}${row.http === null ? '' : ` (HTTP ${row.http})`}: ${row.meaning}`;
}
