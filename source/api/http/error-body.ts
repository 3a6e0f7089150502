// Error bodies in every shape the Huawei Cloud SDK accepts (modelarts-api-evidence.md §16):
// the first pair found of error_code/error_msg, errorCode/errorMsg, code/message, else the
// same pairs one level down (`{"error": {"code": …, "message": …}}`). The request id the
// support desk asks for comes from the X-Request-Id header first, the body second.
import {sanitizeForTerminal} from '../../core/events/sanitize.js';
import type {ServerErrorBody} from '../errors.js';

const PAIRS = [
	['error_code', 'error_msg'],
	['errorCode', 'errorMsg'],
	['code', 'message'],
] as const;

type Json = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is Json {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Shown in error messages: the server's text must not drive the terminal. */
function text(value: unknown): string | null {
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return typeof value === 'string' ? sanitizeForTerminal(value.slice(0, 500)) : null;
}

function pairIn(record: Json): {errorCode: string | null; errorMsg: string | null} | null {
	for (const [codeKey, messageKey] of PAIRS) {
		const errorCode = text(record[codeKey]);
		const errorMsg = text(record[messageKey]);
		// `code`/`message` alone are common words: both must be there; the ModelArts names count alone.
		if (codeKey === 'code' ? errorCode !== null && errorMsg !== null : errorCode !== null || errorMsg !== null) return {errorCode, errorMsg};
	}
	return null;
}

/** The code, message and request id of an error body, or null when it has no error pair. */
export function parseErrorBody(body: string): ServerErrorBody | null {
	let json: unknown;
	try {
		json = JSON.parse(body);
	} catch {
		return null;
	}
	if (!isObject(json)) return null;
	const nested = Object.values(json).find((value): value is Json => isObject(value) && pairIn(value) !== null);
	const pair = pairIn(json) ?? (nested ? pairIn(nested) : null);
	if (pair === null) return null;
	return {...pair, requestId: text(json.request_id) ?? (nested ? text(nested.request_id) : null)};
}

/** The request id of an answer: the X-Request-Id header (any case), else the body's. */
export function requestIdOf(headers: {get(name: string): string | null}, body: ServerErrorBody | null): string | null {
	const header = headers.get('x-request-id');
	const id = header === null || header.trim() === '' ? body?.requestId ?? null : sanitizeForTerminal(header.trim().slice(0, 200));
	return id === '' ? null : id;
}

/** " (request id … — quote it to support)", or nothing without one. */
export function requestIdNote(requestId: string | null): string {
	return requestId === null ? '' : ` (request id ${requestId} — quote it to support)`;
}
