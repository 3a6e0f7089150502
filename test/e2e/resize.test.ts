import {afterEach, describe, expect, it} from 'vitest';
import type {Simulator} from '../../source/sim/server.js';
import {killAllSessions, type PtySession} from './harness.js';
import {closeAllSims, numberedHistory, startSim, waitForSimStatus, watchInPty} from './sim-session.js';

const SIZES: readonly (readonly [cols: number, rows: number])[] = [
	[100, 30],
	[80, 24],
	[60, 20],
	[40, 12],
	[80, 24],
	[120, 40],
];

/** What is wrong with the frame on screen, or null when it is clean. */
function frameProblem(session: PtySession): string | null {
	const screen = session.screenText();
	const headers = screen.split('\n').filter((line) => line.includes('service-07085')).length;
	if (headers !== 1) return `${headers} header lines`;
	const wrapped = session.wrappedRows();
	if (wrapped.length > 0) return `rows ${wrapped.join(', ')} are wider than ${session.cols} columns`;
	// The footer names the order ("newest first", or "newest" when narrow) and the page.
	const footers = screen.split('\n').filter((line) => /newest.*\d+\/\d+/.test(line)).length;
	if (footers !== 1) return `${footers} footer lines`;
	const lines = screen.split('\n');
	if (lines[lines.length - 1]?.trim() !== '') return 'the frame fills the whole screen';
	return null;
}

/** Waits for a clean frame at the new size, then for the next frame, which must be clean too. */
async function expectCleanFrames(session: PtySession): Promise<void> {
	await session.waitFor(() => frameProblem(session) === null, `a clean frame at ${session.cols}x${session.rows}`);
	const bytes = session.bytes;
	await session.waitFor(() => session.bytes > bytes, `the view to keep updating at ${session.cols}x${session.rows}`);
	await session.flush();
	expect(frameProblem(session), `at ${session.cols}x${session.rows}:\n${session.screenText()}`).toBeNull();
}

/** A finished deployment with 60 older events (69 in all): more events than any screen has rows. */
async function finishedSim(): Promise<Simulator> {
	const sim = await startSim({scenario: 'success', speed: 200});
	sim.addEvents(sim.serviceId, numberedHistory(60));
	await waitForSimStatus(sim, 'running');
	return sim;
}

// The view redraws itself at every size from 120×40 down to 40×12 and back: one header,
// nothing wider than the screen (the terminal would wrap it), never a wiped screen.
describe('resizing the terminal', () => {
	afterEach(async () => {
		await killAllSessions();
		await closeAllSims();
	});

	it.each([
		[120, 40],
		[80, 24],
		[40, 12],
	])('starts clean at %ix%i, more events than rows', async (cols, rows) => {
		const session = watchInPty(await finishedSim(), {cols, rows});
		await expectCleanFrames(session);
		await expectCleanFrames(session);
		expect(session.clearsAfterFirstFrame()).toEqual([]);
	});

	it('redraws cleanly at every size without clearing the screen', async () => {
		const session = watchInPty(await finishedSim(), {cols: 120, rows: 40});
		await session.waitForText('(69 events)');
		await expectCleanFrames(session);

		for (const [cols, rows] of SIZES) {
			session.resize(cols, rows);
			await expectCleanFrames(session);
		}

		expect(session.hasExited).toBe(false);
		expect(session.screenText()).toContain('running');
		expect(session.clearsAfterFirstFrame()).toEqual([]);
	});
});
