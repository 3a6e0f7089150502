// Issue #8, done when: random strings as event_info never put an ESC, BEL or any other C0/C1
// control byte from them into what reaches the terminal — in the plain log (the renderer the
// plain run uses) and in the live view's event table (rendered by Ink, whose own colour SGRs
// are the only escape sequences allowed). Rows never grow wider than the table either.
import {stripVTControlCharacters} from 'node:util';
import fc from 'fast-check';
import {render} from 'ink-testing-library';
import React from 'react';
import stringWidth from 'string-width';
import {afterEach, describe, expect, it} from 'vitest';
import {toWatchEvent} from '../../source/core/events/normalise.js';
import {ASCII_PUNCTUATION, UNICODE_PUNCTUATION} from '../../source/core/words/punctuation.js';
import {sanitizeForAsciiTerminal, sanitizeForTerminal} from '../../source/core/events/sanitize.js';
import type {WatchEvent} from '../../source/core/types.js';
import {plainUpdateLines, type PlainStyle} from '../../source/output/plain.js';
import {createTimeFormatter} from '../../source/output/time-format.js';
import {EventTable} from '../../source/ui/live/event-table.js';
import {deployment} from '../output/fixtures.js';

const T0 = Date.UTC(2026, 10, 27, 16, 0, 0);

/** Pieces that attack a terminal, mixed with arbitrary UTF-16 (lone surrogates included). */
const NASTY = ['\u001B', '\u001B[2J', '\u001B[31;1m', '\u001B]0;pwned\u0007', '\u001B]8;;http://x\u001B\\', '\u0007', '\b', '\r', '\n', '\u009B', '\u009D', '\u0085', '\u0000', '\u007F', '\u202E', '\u2066', '模型', '👩‍💻', 'e\u0301'];
const hostileText = fc.array(fc.oneof(fc.constantFrom(...NASTY), fc.string({unit: 'binary', maxLength: 12})), {maxLength: 12}).map(parts => parts.join(''));

/** Any C0 control but the line feed between lines, DEL, and every C1 control. */
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/;
/** The colour and weight sequences Ink and the plain log write themselves. */
const SGR = /\u001B\[[0-9;]*m/g;

const events = (texts: readonly string[]): WatchEvent[] =>
	texts.map((text, index) => toWatchEvent({event_type: index % 2 === 0 ? 'abnormal' : 'normal', event_info: text, occur_time: T0 + index}, index, 0));

describe('the plain log', () => {
	const style = (color: boolean, ascii: boolean): PlainStyle => ({
		color,
		formatTime: createTimeFormatter({kind: 'utc'}),
		sanitize: ascii ? sanitizeForAsciiTerminal : sanitizeForTerminal,
		punctuation: ascii ? ASCII_PUNCTUATION : UNICODE_PUNCTUATION,
	});
	const snapshot = {events: [], details: null, deployment: deployment(), instances: null, instancesAt: null, update: null};

	it('lets no control byte from event text through, with or without colour, in Unicode or ASCII', () => {
		fc.assert(
			fc.property(fc.array(hostileText, {minLength: 1, maxLength: 5}), fc.boolean(), fc.boolean(), (texts, color, ascii) => {
				const lines = plainUpdateLines(snapshot, snapshot, events(texts), T0, style(color, ascii));
				expect(lines).toHaveLength(texts.length);
				for (const line of lines) {
					expect(line.replaceAll(SGR, '')).not.toMatch(CONTROL);
					expect(line).not.toContain('\n');
					if (ascii) expect(line.replaceAll(SGR, '')).toMatch(/^[\u0020-\u007E]*$/);
				}
			}),
			{numRuns: 300},
		);
	});
});

describe('the live view\'s event table', () => {
	let unmount: (() => void) | null = null;
	afterEach(() => unmount?.());

	function frameOf(texts: readonly string[], width: number, ascii = false): string {
		const instance = render(
			<EventTable events={events(texts)} emptyText="no events" width={width} timeZone={{kind: 'utc'}} today="2026-12-07" ageAt={null} selectedKey={null} showHeader display={{ascii, color: true}} />,
		);
		unmount = instance.unmount;
		const frame = instance.lastFrame() ?? '';
		instance.unmount();
		unmount = null;
		return frame;
	}

	it('lets no control byte from event text through, and no row grows wider than the table', () => {
		fc.assert(
			fc.property(fc.array(hostileText, {minLength: 1, maxLength: 4}), fc.integer({min: 30, max: 100}), fc.boolean(), (texts, width, ascii) => {
				const frame = frameOf(texts, width, ascii);
				expect(frame.replaceAll(SGR, '')).not.toMatch(CONTROL);
				const lines = stripVTControlCharacters(frame).split('\n');
				expect(lines).toHaveLength(texts.length + 1);
				for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(width);
			}),
			{numRuns: 150},
		);
	});

	it('cuts a text of thousands of characters to the row, with an ellipsis', () => {
		const long = `${'very long text '.repeat(400)}END`;
		const [, row] = stripVTControlCharacters(frameOf([long], 80)).split('\n');
		expect(stringWidth(row ?? '')).toBeLessThanOrEqual(80);
		expect(row).toMatch(/…$/);
		expect(row).not.toContain('END');
	});
});
