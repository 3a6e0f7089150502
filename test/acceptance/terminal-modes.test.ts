// Issue #6 with a terminal on stdout (a pty read by a headless xterm): plain and JSON stay
// line-based and never move the cursor; colour follows NO_COLOR; CI=true picks plain; and the
// live view stays readable with TERM=dumb and no UTF-8 locale, or when the pty reports 0×0.
import {existsSync, readFileSync, rmSync} from 'node:fs';
import {afterEach, describe, expect, it} from 'vitest';
import type {Simulator} from '../../source/sim/server.js';
import {killAllSessions, PtySession, type PtyStartOptions} from '../e2e/harness.js';
import {closeAllSims, startSim, watchCommand} from '../e2e/sim-session.js';
import {FINISHED} from './helpers.js';

const ESC = '\u001B';
/** A CSI sequence other than SGR (colour): cursor moves, erases, mode changes. */
const CURSOR_OR_MODE = /\u001B\[[0-9;?]*[A-Za-ln-z]/;

afterEach(async () => {
	await killAllSessions();
	await closeAllSims();
});

async function finishedRun(scenario: string, extraArgs: readonly string[], options: Partial<PtyStartOptions> = {}): Promise<{session: PtySession; code: number}> {
	const sim: Simulator = await startSim({scenario, speed: FINISHED});
	const {args, env} = watchCommand(sim, ['--interval', '1', '--exit-status', ...extraArgs]);
	const session = PtySession.start({args, cols: 120, rows: 40, ...options, env: {...env, ...options.env}});
	const {code} = await session.exit;
	await session.flush();
	return {session, code};
}

describe('line-based outputs in a terminal', () => {
	it('--output plain: colour on by default, never a cursor movement', async () => {
		const {session, code} = await finishedRun('failure', ['--output', 'plain']);
		expect(code).toBe(1);
		expect(session.raw()).toContain(`${ESC}[31m`);
		expect(session.raw()).not.toMatch(CURSOR_OR_MODE);
		expect(session.scrollbackText()).toMatch(/ABNORMAL +\[TF 3\.0\.0\] schedule resource failed/);
	});

	it('--output plain with NO_COLOR: not a single escape sequence', async () => {
		const {session, code} = await finishedRun('failure', ['--output', 'plain'], {env: {NO_COLOR: '1'}});
		expect(code).toBe(1);
		expect(session.raw()).not.toContain(ESC);
		expect(session.scrollbackText()).toContain('Deployment failed');
	});

	it('--json: only NDJSON, without colour, even on a terminal', async () => {
		const {session, code} = await finishedRun('success', ['--json']);
		expect(code).toBe(0);
		expect(session.raw()).not.toContain(ESC);
		const lines = session.raw().split(/\r?\n/).filter(line => line !== '');
		const kinds = lines.map(line => (JSON.parse(line) as {kind: string}).kind);
		expect(kinds.at(-1)).toBe('summary');
		expect(kinds.filter(kind => kind === 'event')).toHaveLength(9);
	});

	it('--output auto under CI=true writes the plain log, not the live view', async () => {
		const {session, code} = await finishedRun('success', [], {env: {CI: 'true', NO_COLOR: '1'}});
		expect(code).toBe(0);
		expect(session.raw()).not.toContain(ESC);
		expect(session.scrollbackText()).toMatch(/normal +start to deploy service/);
		expect(session.scrollbackText()).toContain('Deployed in');
	});
});

describe('the live view on odd terminals', () => {
	it('TERM=dumb and the C locale: ASCII only, and the deployment still reads', async () => {
		const {session, code} = await finishedRun('success', [], {env: {TERM: 'dumb', LANG: 'C', LC_ALL: 'C'}});
		expect(code).toBe(0);
		expect(session.raw()).toMatch(/^[\u0000-\u007f]*$/);
		const screen = session.scrollbackText();
		expect(screen).toContain('service-07085');
		expect(screen).toContain('Image pulling');
		expect(screen).toContain('[TF 3.0.0] pull image success');
	});

	it('a terminal reporting 0×0: drawn at 80×24, no wrapped rows, one header', async () => {
		const {session, code} = await finishedRun('success', [], {cols: 80, rows: 24, reportedSize: {cols: 0, rows: 0}});
		expect(code).toBe(0);
		const screen = session.scrollbackText();
		expect(screen.split('\n').filter(line => line.includes('service-07085'))).toHaveLength(1);
		expect(screen).toContain('Model startup');
		expect(session.wrappedRows()).toEqual([]);
	});
});

describe('--debug in the live view', () => {
	it('writes request lines to a log file it names, never into the frame', async () => {
		// Given a finished deployment watched in the terminal UI with --debug
		const {session, code} = await finishedRun('success', ['--output', 'tty', '--debug']);
		expect(code).toBe(0);

		// Then no request line tore the frame, and the log file named at the end holds them
		const text = session.scrollbackText();
		expect(session.raw()).not.toMatch(/debug: GET/);
		const file = /debug: request log written to (\S+)/.exec(text)?.[1] ?? '';
		expect(text).toContain(`debug: request log in ${file}`);
		expect(existsSync(file)).toBe(true);
		const log = readFileSync(file, 'utf8');
		rmSync(file);
		expect(log).toMatch(/debug: GET http:\/\/127\.0\.0\.1:\d+\/v1\/\S+\/events\S* → 200/);
		expect(log).not.toContain('demo-token');
	});
});
