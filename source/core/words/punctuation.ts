// The two symbols the one-line wordings join their parts with, in a Unicode and an ASCII set
// (--ascii). The model cannot see the view's glyph table, so the caller passes one of these.

export interface Punctuation {
	/** Between the parts of one line: `cpu 2.4/4 · mem 2.0/8 GiB`. */
	readonly separator: string;
	/** From an old value to a new one: `1.0.0 → 1.1.0`. */
	readonly arrow: string;
}

export const UNICODE_PUNCTUATION: Punctuation = {separator: '·', arrow: '→'};
export const ASCII_PUNCTUATION: Punctuation = {separator: '-', arrow: '->'};
