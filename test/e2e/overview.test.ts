// The overview of several services in a real terminal: the rows a person sees, Enter into a
// service's own view and Esc back, resizes, and how the watch ends.
import {afterEach, describe, expect, it} from 'vitest';
import type {Simulator} from '../../source/sim/server.js';
import {killAllSessions, PtySession} from './harness.js';
import {closeAllSims, startSim} from './sim-session.js';

afterEach(async () => {
	await killAllSessions();
	await closeAllSims();
});

/** The CLI watching every service of `sim` in the terminal UI. */
function overviewInPty(sim: Simulator, size: {cols: number; rows: number}, extra: readonly string[] = []): PtySession {
	return PtySession.start({
		args: [...sim.services.map(service => service.id), '--endpoint', sim.url, '--project-id', sim.projectId, '--output', 'tty', '--interval', '1', ...extra],
		env: {MODELARTS_TOKEN: sim.token},
		...size,
	});
}

/** The screen line naming `name`. */
const lineOf = (screen: string, name: string) => screen.split('\n').find(line => line.includes(name)) ?? '';

describe('the overview in a terminal', () => {
	it('shows a row per service; Enter opens the selected one as the single view does, Esc returns, q exits 0', async () => {
		// Given three services: one succeeds, one fails, one stays deploying
		const sim = await startSim({scenarios: ['success', 'failure', 'stuck'], speed: 10});
		const session = overviewInPty(sim, {cols: 120, rows: 40});

		// Then all three rows show, under a header that counts them
		await session.waitForText(/3 services · .*deploying/);
		for (const name of ['service-07085', 'failure-02', 'stuck-03']) expect(session.screenText()).toContain(name);

		// When the failure ends, its row says so in words and moves below those in progress
		await session.waitFor(() => /✖\s+failure-02\s+failed\s+failed after/.test(session.screenText()), 'the failed row', 30_000);
		const screen = session.screenText();
		expect(screen.indexOf('stuck-03')).toBeLessThan(screen.indexOf('failure-02'));

		// When the failed one is searched for by name, and opened
		session.press('/');
		session.press('failure');
		await session.waitForText('/failure');
		session.press('enter');
		await session.waitFor(() => !session.screenText().includes('stuck-03'), 'the search to leave one row');
		session.press('enter');

		// Then its own view shows: the header with its id, the five phases, its events, Esc back
		await session.waitForText('Resource scheduling');
		const single = session.screenText();
		expect(single).toContain(sim.services[1]!.id);
		expect(single).toContain('Image building');
		expect(single).toContain('schedule resource failed');
		expect(single).toContain('Esc back');

		// When Esc is pressed, the overview is back with its search; Esc again clears it
		session.press('escape');
		await session.waitForText('search "failure"');
		expect(lineOf(session.screenText(), 'failure-02')).toMatch(/^›/);
		session.press('escape');
		await session.waitForText('stuck-03');

		// And q ends the watch with 0, the overview kept, the screen never cleared or wrapped
		session.press('q');
		const exit = await session.exit;
		await session.flush();
		expect(exit.code).toBe(0);
		expect(session.scrollbackText()).toContain('3 services');
		expect(session.clearsAfterFirstFrame()).toEqual([]);
		expect(session.wrappedRows()).toEqual([]);
	}, 90_000);

	it('--exit-status ends once every service ended: exit 1, one failed', async () => {
		const sim = await startSim({scenarios: ['success', 'failure'], speed: 20});
		const session = overviewInPty(sim, {cols: 100, rows: 30}, ['--exit-status']);
		const exit = await session.exit;
		await session.flush();
		expect(exit.code).toBe(1);
		const kept = session.scrollbackText();
		expect(kept).toMatch(/2 services · 1 failed · 1 running/);
		expect(kept).toMatch(/✔\s+service-07085\s+running\s+deployed in/);
	}, 60_000);

	it('follows resizes down to 40×12 and back without a wrapped row or a clear', async () => {
		const sim = await startSim({scenarios: Array.from({length: 12}, () => 'stuck'), speed: 100});
		const session = overviewInPty(sim, {cols: 120, rows: 40});
		await session.waitForText('12 services');
		for (const [cols, rows] of [[80, 24], [40, 12], [120, 40]] as const) {
			const before = session.bytes;
			session.resize(cols, rows);
			// A frame drawn after the resize (the row spinners keep the overview writing), then the screen as it stands
			await session.waitFor(() => session.bytes > before, `a frame at ${cols}×${rows}`);
			await session.flush();
			await session.waitFor(() => session.wrappedRows().length === 0 && session.screenText().includes('12 services'), `no wrapped row at ${cols}×${rows}`);
		}

		session.resize(80, 10);
		await session.waitForText(/page 1\/\d/);
		expect(session.clearsAfterFirstFrame()).toEqual([]);
	}, 60_000);
});

describe('--demo with several scenarios', () => {
	it('serves them as services of one project and opens the overview', async () => {
		const session = PtySession.start({args: ['--demo', 'success', 'failure', 'multi-model'], cols: 120, rows: 40});
		await session.waitForText(/3 services · .*deploying/);
		const screen = session.screenText();
		for (const name of ['service-07085', 'failure-02', 'multi-model-03']) expect(screen).toContain(name);
		session.press('q');
		expect((await session.exit).code).toBe(0);
	}, 60_000);
});
