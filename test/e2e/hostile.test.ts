import {afterEach, describe, expect, it} from 'vitest';
import type {ApiEvent} from '../../source/core/types.js';
import type {Simulator} from '../../source/sim/server.js';
import {killAllSessions, PtySession} from './harness.js';
import {closeAllSims, startSim, waitForSimStatus, watchCommand} from './sim-session.js';
import {tokenize} from './terminal-bytes.js';

interface HostileCase {
	/** Printable marker that starts the event text, to find its row. */
	readonly marker: string;
	readonly text: string;
	/** Byte sequences from the text that must never reach the terminal. */
	readonly forbidden: readonly string[];
	/** What the row shows instead (the visible stand-ins of the sanitiser). */
	readonly shown: string;
}

// Event text comes from the server: each of these would hijack a terminal if written raw.
const CASES: readonly HostileCase[] = [
	{marker: 'HX-CLEAR', text: 'HX-CLEAR a\x1b[2J\x1b[3J\x1b[Hb', forbidden: ['\x1b[2J', '\x1b[3J'], shown: 'HX-CLEAR a␛[2J␛[3J␛[Hb'},
	{marker: 'HX-COLOUR', text: 'HX-COLOUR \x1b[31;1mred\x1b[0m', forbidden: ['\x1b[31;1mred'], shown: 'HX-COLOUR ␛[31;1mred␛[0m'},
	{marker: 'HX-MOVE', text: 'HX-MOVE \x1b[5A\x1b[10;10Hmoved', forbidden: ['\x1b[5A', '\x1b[10;10H'], shown: 'HX-MOVE ␛[5A␛[10;10Hmoved'},
	{marker: 'HX-TITLE', text: 'HX-TITLE \x1b]0;pwned\x07', forbidden: ['\x1b]0;'], shown: 'HX-TITLE ␛]0;pwned␇'},
	{marker: 'HX-LINK', text: 'HX-LINK \x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\', forbidden: ['\x1b]8;'], shown: 'HX-LINK ␛]8;;https://evil.example␛\\click'},
	{marker: 'HX-BELL', text: 'HX-BELL ring\x07\x07', forbidden: ['\x07'], shown: 'HX-BELL ring␇␇'},
	{marker: 'HX-BACKSPACE', text: 'HX-BACKSPACE abc\x08\x08\x08XYZ\x7f', forbidden: ['\x08', '\x7f'], shown: 'HX-BACKSPACE abc␈␈␈XYZ␡'},
	{marker: 'HX-LINES', text: 'HX-LINES first\r\nsecond\rthird', forbidden: [], shown: 'HX-LINES first⏎⏎second⏎third'},
	{marker: 'HX-C1', text: 'HX-C1 \u009b2J \u009d0;t\u009c \u0085end', forbidden: ['\u009b', '\u009d', '\u009c', '\u0085'], shown: 'HX-C1 �2J �0;t� �end'},
];

function hostileEvents(at: number): ApiEvent[] {
	return CASES.map((entry, index) => ({
		event_type: index % 2 === 0 ? 'abnormal' : 'normal',
		event_info: entry.text,
		occur_time: at + index,
	}));
}

/** A finished deployment whose newest events are the hostile ones. */
async function hostileSim(): Promise<Simulator> {
	const sim = await startSim({scenario: 'success', speed: 200});
	await waitForSimStatus(sim, 'running');
	sim.addEvents(sim.serviceId, hostileEvents(Date.now() + 1000));
	return sim;
}

function run(sim: Simulator, extraArgs: readonly string[]): PtySession {
	const {args, env} = watchCommand(sim, extraArgs);
	return PtySession.start({args, env, cols: 140, rows: 40});
}

/** Every injected sequence is absent from the raw output, and the row shows the stand-ins. */
function expectNeutralised(session: PtySession): void {
	const raw = session.raw();
	for (const entry of CASES) {
		for (const sequence of entry.forbidden) {
			expect(raw.includes(sequence), `${entry.marker}: ${JSON.stringify(sequence)} reached the terminal`).toBe(false);
		}
		const row = session.scrollbackText().split('\n').find((line) => line.includes(entry.marker)) ?? '';
		expect(row, entry.marker).toContain(entry.shown);
	}
	// No control character at all but the line breaks and escapes the renderer itself writes.
	const controls = tokenize(raw).filter((token) => token.kind === 'control' && !['\r', '\n'].includes(token.value));
	expect(controls.map((token) => token.value)).toEqual([]);
	expect(raw).not.toContain('\x1b]');
	expect(session.titleChanges).toEqual([]);
	expect(session.clearsAfterFirstFrame()).toEqual([]);
}

describe('hostile event text', () => {
	afterEach(async () => {
		await killAllSessions();
		await closeAllSims();
	});

	it('never reaches the terminal in the live view', async () => {
		const sim = await hostileSim();
		const session = run(sim, ['--output', 'tty', '--interval', '60']);
		await session.waitForText('HX-C1');
		await session.waitForText('HX-CLEAR');

		session.press('q');
		expect((await session.exit).code).toBe(0);
		await session.flush();
		expectNeutralised(session);
	});

	it('never reaches the terminal in plain output, which moves no cursor either', async () => {
		const sim = await hostileSim();
		const session = run(sim, ['--output', 'plain', '--once']);

		expect((await session.exit).code).toBe(0);
		await session.flush();
		expectNeutralised(session);
		const escapes = tokenize(session.raw()).filter((token) => token.kind === 'csi' || token.kind === 'esc');
		expect(escapes.filter((token) => !token.value.endsWith('m')).map((token) => token.value)).toEqual([]);
	});
});
