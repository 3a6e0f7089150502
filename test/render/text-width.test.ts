import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {certainColumns, isNarrowText, textWidth} from '../../source/render/text-width.js';
import {terminal} from './terminal.js';
import {glyphsFor} from '../../source/ui/kit/glyphs.js';

// The fast path must give string-width's answer for every character it claims, or the
// painted first frame and Ink would lay the same line out differently.
describe('textWidth', () => {
	it('agrees with string-width on every character it measures without string-width', () => {
		// Given every BMP code point the fast path accepts
		const claimed: number[] = [];
		for (let code = 0; code <= 0xffff; code++) {
			if (isNarrowText(String.fromCharCode(code))) claimed.push(code);
		}

		// Then each is one column, and so is each next to the characters that join graphemes
		const wrong = claimed.filter(code => stringWidth(String.fromCharCode(code)) !== 1);
		expect(wrong.map(code => code.toString(16))).toEqual([]);
		const joiners = claimed.filter(code => stringWidth(`a${String.fromCharCode(code)}\u0301`) !== 2 && code !== 0x20);
		expect(joiners.map(code => code.toString(16))).toEqual([]);
		expect(claimed.length).toBeGreaterThan(1000);
	});

	it('measures every glyph of the view without string-width', () => {
		const glyphs = Object.values(glyphsFor(false)).flatMap((value: string | readonly string[] | Readonly<Record<string, string>>) => (typeof value === 'string' ? [value] : Object.values(value)));
		expect(glyphs.filter(glyph => !isNarrowText(glyph))).toEqual([]);
	});

	it.each([
		['plain ASCII', 'filter all · newest first', 25],
		['glyphs', '✔ ✖ ⚠ ← → …', 11],
		['colour codes', '\u001B[1m\u001B[90mconnecting…\u001B[39m\u001B[22m', 11],
		['CJK (string-width)', '部署服务', 8],
		['emoji (string-width)', 'ok 👍', 5],
		['a combining accent (string-width)', 'e\u0301', 1],
		['other escapes (string-width)', '\u001B]8;;http://x\u0007link\u001B]8;;\u0007', 4],
	])('measures %s', (_what, text, columns) => {
		expect(textWidth(text)).toBe(stringWidth(text));
		expect(textWidth(text)).toBe(columns);
	});
});

// The log-update writes only the changed cells of a line when it is sure of every column
// before them: each code point certainColumns measures must be as wide as string-width says,
// in every terminal, and a grapheme of its own whatever its neighbours.
describe('certainColumns', () => {
	const claimed = (columns: 1 | 2) => {
		const codes: number[] = [];
		for (let code = 0; code <= 0x3ffff; code++) if (certainColumns(code) === columns) codes.push(code);
		return codes;
	};

	it.each([1, 2] as const)('claims only code points string-width counts %i wide, each its own grapheme', columns => {
		// Given every code point claimed to be that wide
		const codes = claimed(columns);
		expect(codes.length).toBeGreaterThan(1000);
		// Then string-width agrees, alone and beside an ASCII letter
		const char = (code: number) => String.fromCodePoint(code);
		expect(codes.filter(code => stringWidth(char(code)) !== columns || stringWidth(`a${char(code)}`) !== columns + 1).map(code => code.toString(16))).toEqual([]);
		// And none joins the one before it, or the same code point again (Hangul jamo, regional indicators, marks)
		const segmenter = new Intl.Segmenter();
		const joined = codes.filter(code => [...segmenter.segment(`a${char(code)}${char(code)}`)].length !== 3);
		expect(joined.map(code => code.toString(16))).toEqual([]);
	});

	it.each(['6', '11'] as const)('claims widths a terminal with Unicode %s width tables draws the same', async emoji => {
		// Given the first, a middle and the last code point of every claimed range
		const samples = [1, 2].flatMap(columns =>
			claimed(columns as 1 | 2).filter((code, index, codes) => codes[index - 1] !== code - 1 || codes[index + 1] !== code + 1 || code % 997 === 0),
		);
		const t = terminal(4, 2, {emoji});
		// When each is drawn on its own, then the cursor moves by the columns claimed
		const wrong: string[] = [];
		for (const code of samples) {
			t.stream.write(`\r\u001B[2K${String.fromCodePoint(code)}`);
			const {cursor} = await t.looks();
			if (cursor[0] !== certainColumns(code)) wrong.push(code.toString(16));
		}

		expect(wrong).toEqual([]);
	});

	it.each([
		['an emoji', 0x1f680],
		['a combining accent', 0x301],
		['a variation selector', 0xfe0f],
		['a Hangul leading consonant (joins the next)', 0x1100],
		['a tab', 0x9],
	])('is unsure of %s', (_what, code) => {
		expect(certainColumns(code)).toBeNull();
	});
});
