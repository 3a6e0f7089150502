import {afterEach, describe, expect, it} from 'vitest';
import {killAllSessions, PtySession} from './harness.js';
import {cursorShownAtEnd} from './terminal-bytes.js';

const PHASES = ['Image building', 'Environment preparation', 'Resource scheduling', 'Image pulling', 'Model startup'];

/** The screen row that names `phase`. */
function phaseRow(screen: string, phase: string): string {
	return screen.split('\n').find((line) => line.includes(phase)) ?? '';
}

// The real `--demo`: the embedded simulator in the CLI process, at the speed a person
// watching it would see (the success scenario reaches running after about 40 s).
describe('modelarts-watch --demo in a terminal', () => {
	afterEach(killAllSessions);

	it('goes from the first frame to running, every phase done, and q keeps the last frame', async () => {
		// Given the demo started in a 120×40 terminal (no CI in the environment: --output auto is the TTY view)
		const session = PtySession.start({args: ['--demo'], cols: 120, rows: 40});

		// Then it opens on a deployment in progress: header, the five phases, the event table and the footer
		await session.waitForText('service-07085');
		await session.waitForText('deploying');
		await session.waitForText('start to deploy service');
		const opening = session.screenText();
		for (const phase of PHASES) expect(opening).toContain(phase);
		expect(opening).toMatch(/updated \d+s ago/);
		expect(opening).toContain('filter all · newest first · page 1/1');

		// When the deployment finishes
		await session.waitForText(/service-07085.*running/, 75_000);
		await session.waitFor(() => PHASES.every((phase) => phaseRow(session.screenText(), phase).includes('✔')), 'every phase done', 10_000);
		const final = session.screenText();
		expect(final).toContain('[TF 3.0.0] starting model');
		expect(final).toContain('build image success');

		// And q is pressed
		session.press('q');
		const exit = await session.exit;
		await session.flush();

		// Then it exits 0 with the final frame still there, no screen ever wiped, the cursor back
		expect(exit.code).toBe(0);
		const kept = session.scrollbackText();
		expect(kept).toMatch(/service-07085.*running/);
		for (const phase of PHASES) expect(kept).toContain(phase);
		expect(kept).toContain('[TF 3.0.0] starting model');
		expect(session.clearsAfterFirstFrame()).toEqual([]);
		expect(cursorShownAtEnd(session.raw())).toBe(true);
	}, 120_000);
});
