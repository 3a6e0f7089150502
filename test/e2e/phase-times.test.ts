// The live view of a deploy with gaps between its phases, over before the watch starts
// (--demo gaps): every phase line, the header's total, the outcome and the timeline legend
// give the same times, and they add up to the deployment's.
import {afterEach, expect, it} from 'vitest';
import {killAllSessions, PtySession} from './harness.js';

afterEach(killAllSessions);

it('--demo gaps: phase lines 30s, 10s, 40s, 15s, 25s and "Deployed in 2m00s", "total 2m00s"', async () => {
	const session = PtySession.start({args: ['--demo', 'gaps', '--exit-status'], cols: 110, rows: 34});
	const exit = await session.exit;
	await session.flush();
	expect(exit.code).toBe(0);
	const screen = session.scrollbackText();
	for (const [label, time] of [['Image building', '30s'], ['Environment preparation', '10s'], ['Resource scheduling', '40s'], ['Image pulling', '15s'], ['Model startup', '25s']]) {
		expect(screen).toMatch(new RegExp(`✔ ${label}\\s+${time}\\b`));
	}

	expect(screen).toContain('Deployed in 2m00s');
	expect(screen).toContain('total 2m00s');
	expect(screen).toMatch(/Build 30s\s+▓ Env 10s\s+▒ Schedule 40s\s+░ Pull 15s\s+▞ Start 25s/);
}, 30_000);
