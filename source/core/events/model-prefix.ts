// Events name their model as `[name version]` or `(name version)` anywhere in the text.
// Brackets also hold error codes ("(ModelArts.3520)"), errno values ("[Errno 2]") and
// prose ("(requested 8 cores, 2 idle)"), so a match must look like a ModelArts model:
// one name token, one space, one version.

/** Bracketed text longer than this is prose, never a model tag. */
const MAX_TAG_LENGTH = 140;

/** Model names: letters, digits, `_ - .`; at least one letter. */
const NAME = /^[\p{L}\p{N}_.-]+$/u;
const HAS_LETTER = /\p{L}/u;
/** `3.0.0`, `v1.2`, `1.0.0-beta`, `0.0.1rc1`, `v2`: dotted digits, or v + digits. */
const VERSION = /^(?:v?\d+(?:\.\d+)+|v\d+)(?:[-+_.]?[0-9a-z][0-9a-z.+_-]*)?$/i;
/** Words that precede numbers in brackets without being model names. */
const NOT_A_NAME = new Set(['error', 'errno', 'err', 'code', 'warn', 'warning', 'info', 'exit', 'retry', 'status', 'http', 'version']);

/** Where a model tag was found, so the rest of the text can be read without it. */
export interface ModelTag {
	readonly model: string;
	readonly start: number;
	/** Index just past the closing bracket. */
	readonly end: number;
}

/**
 * The same few model names recur in every event: share one string per name instead of
 * allocating a copy for each of 100k events. Bounded so hostile input cannot grow it.
 */
const interned = new Map<string, string>();
const INTERN_LIMIT = 1000;

function intern(model: string): string {
	const known = interned.get(model);
	if (known !== undefined) return known;
	if (interned.size < INTERN_LIMIT) interned.set(model, model);
	return model;
}

function parseTag(content: string): string | null {
	const trimmed = content.trim();
	const space = trimmed.lastIndexOf(' ');
	if (space <= 0) return null;
	const name = trimmed.slice(0, space).trim();
	const version = trimmed.slice(space + 1);
	if (!NAME.test(name) || !HAS_LETTER.test(name) || NOT_A_NAME.has(name.toLowerCase())) return null;
	if (!VERSION.test(version)) return null;
	return intern(`${name} ${version}`);
}

function closingIndex(text: string, open: number, close: string): number {
	const limit = Math.min(text.length, open + 1 + MAX_TAG_LENGTH);
	for (let i = open + 1; i < limit; i++) {
		const char = text[i];
		if (char === close) return i;
		if (char === '[' || char === '(' || char === '\n') return -1;
	}
	return -1;
}

/** The first `[name version]` / `(name version)` tag in `text`, or null. Linear in the text. */
export function findModelTag(text: string): ModelTag | null {
	for (let i = 0; i < text.length; i++) {
		const char = text[i];
		if (char !== '[' && char !== '(') continue;
		const close = closingIndex(text, i, char === '[' ? ']' : ')');
		if (close < 0) continue;
		const model = parseTag(text.slice(i + 1, close));
		if (model !== null) return {model, start: i, end: close + 1};
	}
	return null;
}
