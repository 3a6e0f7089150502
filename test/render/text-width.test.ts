import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {isNarrowText, textWidth} from '../../source/render/text-width.js';
import {glyphsFor} from '../../source/ui/glyphs.js';

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
