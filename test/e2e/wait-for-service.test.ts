import {afterEach, describe, expect, it} from 'vitest';
import {killAllSessions, PtySession} from './harness.js';

// --wait-for-service in a terminal: the wait is said in plain words before the live view
// starts, and the view then follows the service that appeared (v2-late creates it after 8 s).
describe('modelarts-watch --demo v2-late --wait-for-service in a terminal', () => {
	afterEach(killAllSessions);

	it('says it waits, then shows the live view of the service once it exists', async () => {
		const session = PtySession.start({args: ['--demo', 'v2-late', '--wait-for-service'], cols: 120, rows: 40});

		await session.waitForText('no service named "llm-chat" yet; waiting for it');
		await session.waitForText(/service "llm-chat" appeared after \d+s; watching it/, 30_000);
		await session.waitForText(/llm-chat.*deploying/, 30_000);
		expect(session.screenText()).toContain('start to deploy service');
		session.press('q');
		expect((await session.exit).code).toBe(0);
	}, 90_000);
});
