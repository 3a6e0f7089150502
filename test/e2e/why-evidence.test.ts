// The health check as the live view says it, in a real terminal: while startup is slow the
// Slow block gives the probe's budget against the time spent starting, and once the
// deployment times out the Why block and w quote it as the cause. Scenario time runs 5×.
import {afterEach, describe, expect, it} from 'vitest';
import {CATEGORY_TITLES} from '../../source/core/diagnosis/types.js';
import {killAllSessions} from './harness.js';
import {closeAllSims, startSim, watchInPty} from './sim-session.js';

afterEach(async () => {
	await killAllSessions();
	await closeAllSims();
});

describe('why-probe-delay in the terminal UI', () => {
	it('the slow hint names the health check before the time-out; the Why block and w quote it after', async () => {
		const sim = await startSim({scenario: 'why-probe-delay', speed: 5, clockStart: 'first-request'});
		const session = watchInPty(sim, {cols: 200, rows: 40}, ['--interval', '1']);

		// While startup runs long, the Slow block says the health check's budget against the time spent starting
		await session.waitForText(/^Slow Model startup of llm-7b 1\.2\.0 has run 1[78]m \(slow after 10m00s\)/m);
		await session.waitForText(/The health check likely fails before the model has loaded: llm-7b 1\.2\.0: the health check \(HTTP GET \/health\) gives the model 30 s \(delay 0 s \+ 3 × 10 s\); it has been starting for 1[78]m/);
		expect(session.screenText()).not.toContain('Deployment failed');

		// Once it times out, the Why block names the health check and quotes the probe under it
		await session.waitForText(`Why  ${CATEGORY_TITLES.health_check} (llm-7b 1.2.0, model startup)`);
		const lines = session.screenLines();
		const why = lines.findIndex((line) => line.startsWith('Why  '));
		expect(lines[why + 1]).toMatch(/^ {5}llm-7b 1\.2\.0: the health check \(HTTP GET \/health\) gives the model 30 s \(delay 0 s \+ 3 × 10 s\); it was starting for 1[78]m when the deployment ended/);

		// And w shows the whole diagnosis: decided by the model's probe, quoted as the cause, with advice about the delay
		session.press('w');
		await session.waitForText('Why it failed');
		const detail = session.screenText();
		expect(detail).toMatch(/^category {4}health_check, decided by what was read about the model or its pool$/m);
		expect(detail).toMatch(/^cause {7}llm-7b 1\.2\.0: the health check \(HTTP GET \/health\) gives the model 30 s \(delay 0 s \+ 3 × 10 s\)/m);
		expect(detail).toMatch(/^try {9}The model loads longer than its health check waits: raise the initial delay/m);
		session.press('q');
		expect((await session.exit).code).toBe(0);
	}, 60_000);
});
