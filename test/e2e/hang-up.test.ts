// Issue #23: a terminal that goes away (a dropped SSH connection) ends the watch by the
// hang-up itself, promptly, not by a crash (Node 20 dies by signal 11 when a program calls
// process.exit after its terminal hung up).
import {afterEach, describe, expect, it} from 'vitest';
import {killAllSessions, PtySession, type PtyExit} from './harness.js';

const SIGHUP = 1;

function exitWithin(session: PtySession, ms: number): Promise<PtyExit> {
	return Promise.race([
		session.exit,
		new Promise<never>((_resolve, reject) => setTimeout(() => reject(new Error(`still running ${ms} ms after the hang-up`)), ms)),
	]);
}

describe('the terminal hangs up mid-watch', () => {
	afterEach(killAllSessions);

	it.each([
		['the live view', [] as string[]],
		['plain output', ['--output', 'plain']],
	])('%s ends by SIGHUP within a second', async (_mode, extra) => {
		// Polling every 60 s: only the hang-up can end it that soon.
		const session = PtySession.start({args: ['--demo', '--interval', '60', ...extra], cols: 100, rows: 30});
		await session.waitForText('start to deploy service');

		session.hangUp();
		const exit = await exitWithin(session, 1000);

		// By the signal itself, or 129 where a runtime maps it so; never 11 (a crash) or 1.
		expect(exit.signal === SIGHUP || exit.code === 129).toBe(true);
	});
});
