// A service that deployed to 2/2 and then turned concerning (1/2), as a person sees it in the
// terminal: the deploy's own time, then that the service is now degraded, with the counts, in
// the warning colour and mark, never the green ✔.
import {afterEach, expect, it} from 'vitest';
import {killAllSessions} from './harness.js';
import {closeAllSims, startSim, watchInPty} from './sim-session.js';

afterEach(async () => {
	await killAllSessions();
	await closeAllSims();
});

it('concerning after a deploy: "Deployed in 12s; the service is now degraded: 1/2 instances ready", in yellow with ⚠', async () => {
	// The scenario runs at 3×: running (2/2) 12.7 s after the start, concerning (1/2) at 15.3 s
	const sim = await startSim({scenario: 'concerning', speed: 3});
	const session = watchInPty(sim, {cols: 110, rows: 32}, ['--interval', '1']);
	await session.waitForText('now degraded', 30_000);
	session.press('q');
	const exit = await session.exit;
	await session.flush();
	expect(exit.code).toBe(0);

	const screen = session.screenText();
	// The deploy's own time (not the 15 s until it turned concerning), then how it stands
	expect(screen).toMatch(/⚠ Deployed in 1[23]s; the service is now degraded: 1\/2 instances ready/);
	expect(screen).not.toMatch(/✔ Deployed/);
	// The last outcome line drawn is in the warning colour (SGR 33); green (32) was right only while it ran 2/2
	const raw = session.raw();
	const last = raw.lastIndexOf('Deployed in');
	expect(raw.slice(0, last).match(/\u001B\[3\dm[^\u001B]*$/)?.[0]).toMatch(/^\u001B\[33m⚠ $/);
}, 60_000);
