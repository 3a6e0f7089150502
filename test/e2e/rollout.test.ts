// Issue #14 in a real terminal: instance counts that climb to 2/2, an update's change on
// its line and in its overlay (no environment value ever on screen), and a demo whose
// monitor and update logs are refused.
import {afterEach, describe, expect, it} from 'vitest';
import {UPDATE_SECRETS} from '../../source/sim/scenarios/rollout.js';
import {killAllSessions, PtySession} from './harness.js';
import {closeAllSims, startSim, watchInPty} from './sim-session.js';

describe('instances, updates and absent APIs in the live view', () => {
	afterEach(async () => {
		await killAllSessions();
		await closeAllSims();
	});

	it('a deployment whose second instance comes up late ends showing 2/2', async () => {
		// Given the two-instance scenario at 8× (running after 6 s), watched from its start
		const sim = await startSim({scenario: 'two-instances', speed: 8, clockStart: 'first-request'});
		const session = watchInPty(sim, {cols: 120, rows: 40}, ['--interval', '1']);

		// Then the counts are in the header while it deploys, and 2/2 once it runs
		await session.waitForText(/deploying.*\d\/2 instances/);
		await session.waitForText(/running.* {2}2\/2 instances/, 30_000);
		await session.waitForText(/Deployed in \S+: 2\/2 instances running/);
		expect(session.screenText()).toMatch(/^resources\s+cpu /m);
		session.press('q');
		expect((await session.exit).code).toBe(0);
		expect(session.scrollbackText()).toMatch(/running.* {2}2\/2 instances/);
	}, 60_000);

	it('an update shows what it changes under the header; u opens all of it; no env value is ever drawn', async () => {
		// Given a service being updated from resnet 1.0.0 to 1.1.0 and 1 to 2 instances
		const sim = await startSim({scenario: 'update', speed: 4, clockStart: 'first-request'});
		const session = watchInPty(sim, {cols: 120, rows: 40}, ['--interval', '1']);

		// Then the update line says both changes
		await session.waitForText(/update (running|succeeded): resnet 1\.0\.0 → 1\.1\.0 · instances 1 → 2/);

		// When u is pressed, the whole change replaces phases and events; Esc closes it
		session.press('u');
		await session.waitForText('Esc closes');
		const overlay = session.screenText();
		expect(overlay).toContain('resnet: version 1.0.0 → 1.1.0');
		expect(overlay).toContain('resnet: instances 1 → 2');
		expect(overlay).toMatch(/resnet: env CACHE_SIZE_MB added; DB_PASSWORD changed/);
		session.press('escape');
		await session.waitFor(() => !session.screenText().includes('Esc closes'), 'the overlay to close');

		// And once the update succeeded, nothing on screen or in the bytes ever held a secret
		await session.waitForText(/update succeeded:/, 30_000);
		session.press('q');
		await session.exit;
		for (const secret of UPDATE_SECRETS) expect(session.raw()).not.toContain(secret);
	}, 60_000);

	it('--demo-deny monitor=403,logs=404: the demo runs as without them and says so once', async () => {
		const session = PtySession.start({args: ['--demo', 'update', '--demo-deny', 'monitor=403,logs=404'], cols: 120, rows: 40});
		await session.waitForText('Monitor unavailable (HTTP 403 ModelArts.0204): no instance counts');
		await session.waitForText('The service is being updated.');
		const screen = session.screenText();
		expect(screen.match(/Monitor unavailable/g)).toHaveLength(1);
		expect(screen).not.toMatch(/instances? running|\d+\/\d+ instances?/);
		expect(screen).not.toMatch(/^update /m);
		session.press('q');
		expect((await session.exit).code).toBe(0);
	}, 60_000);
});
