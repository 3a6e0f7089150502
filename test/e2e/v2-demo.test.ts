import {afterEach, describe, expect, it} from 'vitest';
import {killAllSessions, PtySession} from './harness.js';

// A v2 (Huawei Cloud new-version) service in the live view: the demo finds it by its id alone
// (the v1 API does not know it), and a repeated event stays one row whose count rises.
describe('modelarts-watch --demo v2-gpu-unschedulable in a terminal', () => {
	afterEach(killAllSessions);

	it('shows the v2 service deploying, its repeat as ×N on one row, then the failure and its cause', async () => {
		const session = PtySession.start({args: ['--demo', 'v2-gpu-unschedulable'], cols: 140, rows: 40});

		await session.waitForText('llm-chat');
		await session.waitForText('deploying');
		await session.waitForText(/×3, last .*schedule resource failed/, 60_000);
		const rows = session.screenText().split('\n').filter((line) => line.includes('schedule resource failed: insufficient GPU'));
		expect(rows).toHaveLength(1);

		await session.waitForText(/llm-chat.*failed/, 60_000);
		expect(session.screenText()).toContain('Resource scheduling');
		session.press('q');
		const exit = await session.exit;
		expect(exit.code).toBe(0);
	}, 120_000);
});
