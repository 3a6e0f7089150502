// Reads the raw byte stream a CLI wrote to its terminal: where the first frame starts,
// which screen clears followed it, whether the cursor was shown again at the end.

/** One piece of terminal output: printable text, an escape sequence, or a lone control. */
export interface Token {
	readonly kind: 'text' | 'csi' | 'osc' | 'esc' | 'control';
	readonly value: string;
	readonly offset: number;
}

/** A full-screen or scrollback clear and where it occurred in the stream. */
export interface ClearHit {
	readonly sequence: string;
	readonly offset: number;
}

export interface ClearScan {
	/** Offset of the first visible character, or -1 when nothing visible was written. */
	readonly firstFrameAt: number;
	readonly all: readonly ClearHit[];
	readonly afterFirstFrame: ClearHit[];
}

const ESC = '\x1b';

function csiEnd(raw: string, from: number): number {
	let index = from;
	while (index < raw.length) {
		const code = raw.charCodeAt(index);
		if (code >= 0x40 && code <= 0x7e) return index + 1;
		index++;
	}
	return raw.length;
}

/** OSC ends with BEL or ST (ESC \). */
function oscEnd(raw: string, from: number): number {
	for (let index = from; index < raw.length; index++) {
		if (raw[index] === '\x07') return index + 1;
		if (raw[index] === ESC && raw[index + 1] === '\\') return index + 2;
	}
	return raw.length;
}

function escapeEnd(raw: string, start: number): {kind: Token['kind']; end: number} {
	const next = raw[start + 1];
	if (next === '[') return {kind: 'csi', end: csiEnd(raw, start + 2)};
	if (next === ']') return {kind: 'osc', end: oscEnd(raw, start + 2)};
	return {kind: 'esc', end: Math.min(raw.length, start + 2)};
}

function isControl(code: number): boolean {
	return code < 0x20 || code === 0x7f || (code >= 0x80 && code <= 0x9f);
}

/** Splits terminal output into text runs, escape sequences and single control characters. */
export function tokenize(raw: string): Token[] {
	const tokens: Token[] = [];
	let index = 0;
	while (index < raw.length) {
		const code = raw.charCodeAt(index);
		if (raw[index] === ESC) {
			const {kind, end} = escapeEnd(raw, index);
			tokens.push({kind, value: raw.slice(index, end), offset: index});
			index = end;
		} else if (isControl(code)) {
			tokens.push({kind: 'control', value: raw[index] ?? '', offset: index});
			index++;
		} else {
			let end = index + 1;
			while (end < raw.length && raw[end] !== ESC && !isControl(raw.charCodeAt(end))) end++;
			tokens.push({kind: 'text', value: raw.slice(index, end), offset: index});
			index = end;
		}
	}
	return tokens;
}

/** The printable text alone, control characters and escape sequences removed. */
export function visibleText(raw: string): string {
	return tokenize(raw)
		.map((token) => (token.kind === 'text' ? token.value : token.value === '\n' ? '\n' : ''))
		.join('');
}

/** Escape sequences that wipe the screen or the scrollback (ED 2, ED 3, full reset). */
function isClear(token: Token): boolean {
	return (token.kind === 'csi' && /^\x1b\[[23]J$/.test(token.value)) || token.value === `${ESC}c`;
}

export function scanClears(raw: string): ClearScan {
	const tokens = tokenize(raw);
	const first = tokens.find((token) => token.kind === 'text' && token.value.trim() !== '');
	const firstFrameAt = first === undefined ? -1 : first.offset + first.value.length - first.value.trimStart().length;
	const all = tokens.filter(isClear).map((token) => ({sequence: token.value, offset: token.offset}));
	const afterFirstFrame = firstFrameAt < 0 ? [] : all.filter((hit) => hit.offset > firstFrameAt);
	return {firstFrameAt, all, afterFirstFrame};
}

/** True when the cursor is visible at the end: no hide, or a show after the last hide. */
export function cursorShownAtEnd(raw: string): boolean {
	return raw.lastIndexOf(`${ESC}[?25h`) >= raw.lastIndexOf(`${ESC}[?25l`);
}
