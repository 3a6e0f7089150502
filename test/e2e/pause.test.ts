// Pause in a real terminal while the deployment finishes: the table holds still, and the
// header, the phases and the outcome move on together, so no two of them disagree.
import {afterEach, describe, expect, it} from 'vitest';
import {killAllSessions} from './harness.js';
import {closeAllSims, startSim, watchInPty} from './sim-session.js';

afterEach(async () => {
	await killAllSessions();
	await closeAllSims();
});

describe('pause keeps the screen coherent', () => {
	it('paused during Model startup, the deploy ends: header, phases and outcome all say so', async () => {
		// Given a deployment watched while its model starts, paused there
		const sim = await startSim({scenario: 'success', speed: 4});
		const session = watchInPty(sim, {cols: 120, rows: 40}, ['--interval', '1']);
		await session.waitForText('starting model', 20_000);
		session.press(' ');
		await session.waitForText('paused · 0 new');
		const tableRows = () => session.screenLines().filter(line => /^\d{2}:\d{2}:\d{2}\s/.test(line));
		const frozenRows = tableRows();

		// When the service becomes running while paused
		await session.waitForText('Deployed in', 30_000);

		// Then the header says running, Model startup is done and the outcome says deployed,
		// while the footer still says paused and the table holds the rows it had
		const screen = session.screenText();
		expect(screen.split('\n')[0]).toMatch(/\brunning\b/);
		expect(screen).toMatch(/✔ Model startup/);
		expect(screen).toContain('paused · ');
		expect(tableRows()).toEqual(frozenRows);

		// When space is pressed again, the footer leaves pause
		session.press(' ');
		await session.waitFor(() => !session.screenText().includes('paused · '), 'the pause to end');
	});
});
