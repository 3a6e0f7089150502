// Issue #23: Ctrl+Z suspends the live view as it does vim, from a real interactive shell
// with job control: the shell gets the terminal in line mode with the cursor shown, and
// `fg` brings the watch back, drawn once below the shell's lines, its keys working, with
// no event lost or repeated.
import {execFileSync} from 'node:child_process';
import {afterEach, describe, expect, it} from 'vitest';
import {killAllSessions, PtySession} from './harness.js';
import {cursorShownAtEnd} from './terminal-bytes.js';

/** The demo run from an interactive bash, showing its first event. */
async function demoFromShell(): Promise<PtySession> {
	const session = PtySession.start({args: ['--demo', '--interval', '1'], cols: 100, rows: 40, shell: true});
	await session.waitForText('start to deploy service');
	return session;
}

/** The shell has the terminal: the cursor shown, line mode (stty prints icanon, not -icanon). */
async function expectShellHasTerminal(session: PtySession): Promise<void> {
	await session.waitForText(/Stopped/);
	expect(cursorShownAtEnd(session.raw())).toBe(true);
	session.press("stty -a | tr ' ;' '\\n\\n' | grep -x -- '-*icanon'; echo checked\r");
	await session.waitForText(/^checked$/m);
	expect(session.screenLines()).toContain('icanon');
}

/** What the terminal shows from the shell's `fg` on. */
function afterFg(session: PtySession): string {
	const text = session.scrollbackText();
	return text.slice(text.lastIndexOf('$ fg'));
}

const count = (text: string, part: string) => text.split(part).length - 1;

describe('suspend and resume from a shell', () => {
	afterEach(killAllSessions);

	it('Ctrl+Z gives the shell the terminal; fg draws one frame below, keys work, no event lost or repeated', async () => {
		const session = await demoFromShell();

		session.press('\x1a');
		await expectShellHasTerminal(session);

		session.press('fg\r');
		// The demo's next events come while the watch goes on polling.
		await session.waitFor(() => /\(3 events\)/.test(afterFg(session)), 'three events after fg', 20_000);
		const frame = afterFg(session);
		expect(count(frame, 'service-07085  ')).toBe(1);
		expect(count(frame, 'start to deploy service')).toBe(1);
		expect(count(frame, 'building image for model')).toBe(1);
		expect(count(frame, 'build image success')).toBe(1);

		session.press('?');
		await session.waitForText('quit (the last screen stays');
		expect(session.clearsAfterFirstFrame()).toEqual([]);
	});

	it.each(['SIGTSTP', 'SIGTTIN', 'SIGTTOU'] as const)('%s from outside does the same', async signal => {
		const session = await demoFromShell();
		const watch = Number(execFileSync('pgrep', ['-P', String(session.pid)], {encoding: 'utf8'}).trim());

		process.kill(watch, signal);
		await expectShellHasTerminal(session);

		session.press('fg\r');
		await session.waitFor(() => afterFg(session).includes('start to deploy service'), 'the frame after fg');
		session.press('?');
		await session.waitForText('quit (the last screen stays');
	});
});
