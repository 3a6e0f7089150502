import {describe, expect, test} from 'vitest';
import {notifyProtocol, nudgeBytes, oscText} from '../../source/hooks/terminal-notify.js';
import {nudgeText} from '../../source/core/words/wording.js';

describe('which notification a terminal gets', () => {
	test.each([
		[{TERM_PROGRAM: 'iTerm.app'}, 'osc9'],
		[{TERM: 'xterm-kitty'}, 'osc9'],
		[{WT_SESSION: 'abc'}, 'osc9'],
		[{TERM_PROGRAM: 'WezTerm'}, 'osc777'],
		[{TERM_PROGRAM: 'ghostty'}, 'osc777'],
		[{TERM: 'foot'}, 'osc777'],
		[{VTE_VERSION: '7600'}, 'osc777'],
		[{TERM: 'xterm-256color'}, 'none'],
		[{TERM: 'linux'}, 'none'],
		[{TERM_PROGRAM: 'Apple_Terminal'}, 'none'],
		// Inside a multiplexer the outer terminal is unknown and OSC is dropped: the bell only.
		[{TERM_PROGRAM: 'iTerm.app', TMUX: '/tmp/tmux-1/default,1,0'}, 'none'],
		[{TERM: 'screen-256color', VTE_VERSION: '7600'}, 'none'],
		[{STY: '123.pts-0', TERM_PROGRAM: 'WezTerm'}, 'none'],
	])('%j → %s', (env, protocol) => {
		expect(notifyProtocol(env)).toBe(protocol);
	});
});

describe('the nudge bytes', () => {
	test('bell first, then the notification', () => {
		expect(nudgeBytes('none', 't', 'b')).toBe('\u0007');
		expect(nudgeBytes('osc9', 'modelarts-watch', 'svc deployed in 3m00s')).toBe('\u0007\u001B]9;modelarts-watch: svc deployed in 3m00s\u0007');
		expect(nudgeBytes('osc777', 'modelarts-watch', 'svc failed')).toBe('\u0007\u001B]777;notify;modelarts-watch;svc failed\u0007');
	});

	test('server text can neither end the sequence early nor add OSC 777 fields', () => {
		const hostile = 'evil\u0007\u001B]0;title\u001B\\;more';
		const bytes = nudgeBytes('osc777', 'modelarts-watch', nudgeText('failed', 1000, hostile));
		// Exactly one BEL opening and one closing the OSC; one ESC introducing it; three `;` separators
		expect(bytes.match(/\u0007/g)).toHaveLength(2);
		expect(bytes.match(/\u001B/g)).toHaveLength(1);
		expect(bytes.match(/;/g)).toHaveLength(3);
		expect(oscText('x'.repeat(500)).length).toBeLessThanOrEqual(200);
	});

	test.each([
		[{outcome: 'succeeded', elapsedMs: 252_000, serial: 1}, 'svc deployed in 4m12s'],
		[{outcome: 'failed', elapsedMs: 65_000, serial: 1}, 'svc failed after 1m05s'],
		[{outcome: 'succeeded', elapsedMs: null, serial: 1}, 'svc deployed'],
	] as const)('%j says %s', (nudge, text) => {
		expect(nudgeText(nudge.outcome, nudge.elapsedMs, 'svc')).toBe(text);
	});
});
