import {afterEach, describe, expect, it} from 'vitest';
import {killAllSessions, PtySession, type PtyExit} from './harness.js';
import {cursorShownAtEnd} from './terminal-bytes.js';

/**
 * The exit, or a failure when it has not come within `ms`. Tests give a hang guard, not a
 * stopwatch: how fast the exit is belongs to the benchmark, not to a 2-core CI run.
 */
function exitWithin(session: PtySession, ms: number): Promise<PtyExit> {
	return Promise.race([
		session.exit,
		new Promise<never>((_resolve, reject) => setTimeout(() => reject(new Error(`still running ${ms} ms after the signal`)), ms)),
	]);
}

/** The demo in a terminal, showing its first frame (a phase is running, the spinner hides the cursor). */
async function runningDemo(extraArgs: readonly string[] = []): Promise<PtySession> {
	const session = PtySession.start({args: ['--demo', ...extraArgs], cols: 100, rows: 30});
	await session.waitForText('service-07085');
	await session.waitForText('start to deploy service');
	return session;
}

describe('ending the live view', () => {
	afterEach(killAllSessions);

	it('Ctrl+C exits 130 and keeps the final frame', async () => {
		const session = await runningDemo();

		session.press('ctrl-c');
		const exit = await session.exit;
		await session.flush();

		expect(exit.code).toBe(130);
		expect(session.scrollbackText()).toContain('service-07085');
		expect(session.scrollbackText()).toContain('Image building');
		expect(session.clearsAfterFirstFrame()).toEqual([]);
		expect(cursorShownAtEnd(session.raw())).toBe(true);
	});

	it.each(['SIGTERM', 'SIGHUP'] as const)('%s ends it at once, not at the next poll, with the cursor shown again', async (signal) => {
		// Polling every 60 s: a tool that waited for its timers would still be running long after the guard.
		const session = await runningDemo(['--interval', '60']);

		session.signal(signal);
		await exitWithin(session, 10_000);
		await session.flush();

		expect(cursorShownAtEnd(session.raw())).toBe(true);
		expect(session.clearsAfterFirstFrame()).toEqual([]);
	});
});
