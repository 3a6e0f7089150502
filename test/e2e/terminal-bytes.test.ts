import {describe, expect, it} from 'vitest';
import {cursorShownAtEnd, scanClears, tokenize, visibleText} from './terminal-bytes.js';

// The e2e verdicts (no clears, cursor restored, nothing hostile leaked) rest on this
// scanner, so it gets its own table of cases.
describe('terminal byte stream scanner', () => {
	it.each([
		['plain text', 'hello', [['text', 'hello']]],
		['CSI colour around text', '\x1b[31mred\x1b[39m', [['csi', '\x1b[31m'], ['text', 'red'], ['csi', '\x1b[39m']]],
		['OSC title ended by BEL', '\x1b]0;title\x07x', [['osc', '\x1b]0;title\x07'], ['text', 'x']]],
		['OSC hyperlink ended by ST', '\x1b]8;;http://a\x1b\\a', [['osc', '\x1b]8;;http://a\x1b\\'], ['text', 'a']]],
		['controls between text', 'a\r\nb\x07', [['text', 'a'], ['control', '\r'], ['control', '\n'], ['text', 'b'], ['control', '\x07']]],
		['a C1 control', 'a\u009bb', [['text', 'a'], ['control', '\u009b'], ['text', 'b']]],
		['private mode CSI', '\x1b[?25l', [['csi', '\x1b[?25l']]],
	])('splits %s', (_name, raw, expected) => {
		expect(tokenize(raw).map((token) => [token.kind, token.value])).toEqual(expected);
	});

	it('keeps only printable text and line feeds', () => {
		expect(visibleText('\x1b[1mA\x1b[22m\r\nB\x1b]0;t\x07')).toBe('A\nB');
	});

	it('counts clears only after the first visible character', () => {
		// Given a clear before anything is shown and two after
		const raw = '\x1b[2J\x1b[H  header\x1b[2Jframe\x1b[3Jx\x1bc';
		// When scanned
		const scan = scanClears(raw);
		// Then the first one is allowed and the later three are reported
		expect(scan.all).toHaveLength(4);
		expect(scan.afterFirstFrame.map((hit) => hit.sequence)).toEqual(['\x1b[2J', '\x1b[3J', '\x1bc']);
		expect(scan.firstFrameAt).toBe(raw.indexOf('header'));
	});

	it('ignores ED 0 and ED 1 (partial erases are how frames are redrawn)', () => {
		expect(scanClears('x\x1b[J\x1b[0J\x1b[1J\x1b[K').afterFirstFrame).toEqual([]);
	});

	it.each([
		['no cursor change', 'x', true],
		['hidden then shown', '\x1b[?25lx\x1b[?25h', true],
		['shown then hidden', '\x1b[?25hx\x1b[?25l', false],
		['hidden only', '\x1b[?25lx', false],
	])('cursor visible at end: %s', (_name, raw, expected) => {
		expect(cursorShownAtEnd(raw)).toBe(expected);
	});
});
