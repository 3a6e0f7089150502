import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {sanitizeForAsciiTerminal, sanitizeForTerminal} from '../../../source/core/events/sanitize.js';

const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('sanitizeForTerminal', () => {
	it.each([
		['plain text stays', 'pull image success', 'pull image success'],
		['colour codes are shown, not applied', '\u001b[31mred\u001b[0m', '\u241b[31mred\u241b[0m'],
		['title-setting OSC', '\u001b]0;pwned\u0007', '\u241b]0;pwned\u2407'],
		['line breaks', 'a\r\nb', 'a\u23ce\u23ceb'],
		['tab becomes a space', 'a\tb', 'a b'],
		['NUL and DEL', '\u0000x\u007f', '\u2400x\u2421'],
		['C1 CSI', 'a\u009b31mb', 'a\ufffd31mb'],
		['bidi override', 'abc\u202edef\u2066', 'abc\ufffddef\ufffd'],
		['zero-width joiner and emoji stay', '👩\u200d💻 中文', '👩\u200d💻 中文'],
		['lone surrogate', 'a\ud800b', 'a\ufffdb'],
	])('%s', (_name, input, expected) => {
		expect(sanitizeForTerminal(input)).toBe(expected);
	});

	it('lets no control character through, for any text', () => {
		fc.assert(
			fc.property(fc.string({unit: 'binary', maxLength: 200}), (text) => {
				expect(sanitizeForTerminal(text)).not.toMatch(UNSAFE);
			}),
			{numRuns: 500},
		);
	});
});

describe('sanitizeForAsciiTerminal', () => {
	it.each([
		['ESC in caret notation', '\u001b[31m', '^[[31m'],
		['DEL', 'a\u007f', 'a^?'],
		['newline', 'a\nb', 'a^Jb'],
		['non-ASCII', 'café \u202e', 'caf? ?'],
	])('%s', (_name, input, expected) => {
		expect(sanitizeForAsciiTerminal(input)).toBe(expected);
	});

	it('emits printable ASCII only', () => {
		fc.assert(
			fc.property(fc.string({unit: 'binary', maxLength: 200}), (text) => {
				expect(sanitizeForAsciiTerminal(text)).toMatch(/^[\u0020-\u007e]*$/);
			}),
			{numRuns: 500},
		);
	});
});
