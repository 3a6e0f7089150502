// The shape of one plain log line and its style, shared by the plain renderers: a time, a
// fixed-width column naming what the line is (so greps and eyes can align on it), the text.
import type {Punctuation} from '../core/words/punctuation.js';
import type {TimeFormatter} from './time-format.js';

/** How plain lines look. */
export interface PlainStyle {
	readonly color: boolean;
	readonly formatTime: TimeFormatter;
	/** Makes server text safe to print: sanitizeForTerminal, or its ASCII variant. */
	readonly sanitize: (text: string) => string;
	/** The separator and arrow of one-line wordings, Unicode or ASCII (--ascii). */
	readonly punctuation: Punctuation;
}

export type Tone = 'red' | 'green' | 'yellow' | 'bold';
const TONES: Readonly<Record<Tone, string>> = {red: '31', green: '32', yellow: '33', bold: '1'};

export function paint(style: PlainStyle, tone: Tone, text: string): string {
	return style.color ? `\u001B[${TONES[tone]}m${text}\u001B[0m` : text;
}

/** `14:03:07  phase     [TF 3.0.0] Image pulling started`. */
export function line(time: string, kind: string, text: string): string {
	return `${time}  ${kind.padEnd(8)}  ${text}`;
}

/** `[TF 3.0.0] ` before a line about one model; nothing for the service as a whole. */
export function modelPrefix(model: string | null, style: PlainStyle): string {
	return model === null ? '' : `[${style.sanitize(model)}] `;
}
