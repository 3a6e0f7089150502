// Odd server data in the terminal UI: an event the server dates three days ahead is shown and
// named in the status line while watching, sets no clock or warning, and its whole note is
// printed after the live view exits, as the README promises.
import {afterEach, expect, it} from 'vitest';
import {killAllSessions} from './harness.js';
import {closeAllSims, startSim, watchInPty} from './sim-session.js';

afterEach(async () => {
	await killAllSessions();
	await closeAllSims();
});

it('a future-dated event: a status-line note while watching, no clock from it, the note again after exit', async () => {
	const sim = await startSim({scenario: 'stuck', speed: 100});
	const session = watchInPty(sim, {cols: 130, rows: 32}, ['--interval', '1']);
	await session.waitForText('pulling model image');
	sim.addEvents(sim.serviceId, [{event_type: 'normal', event_info: '[TF 3.0.0] pull image success', occur_time: Date.now() + 3 * 86_400_000}]);
	await session.waitForText('note: an event dated in the future');

	const watching = session.screenText();
	// Shown in the table, but the pull still runs, for seconds, not days; no time-out warning
	expect(watching).toContain('pull image success');
	expect(watching).toMatch(/Image pulling\s+\d+s\b/);
	expect(watching).not.toMatch(/\d+d\d\dh|time-?out/);

	session.press('q');
	const exit = await session.exit;
	await session.flush();
	expect(exit.code).toBe(0);
	// The note is longer than the terminal is wide: read it across the wrap
	expect(session.scrollbackText().replaceAll('\n', '')).toMatch(/note: an event is dated \S+, in the future by the server's own clock: it is shown, but times, phases and warnings ignore it/);
}, 60_000);
