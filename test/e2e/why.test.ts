// The diagnosis in a real terminal: the Why block of a failed image pull, the full diagnosis
// behind w (Esc closes it, q with it open keeps the deployment on screen), and the slow hint
// of a pull that has run for 12 minutes. The simulator runs in this process, faster than life.
import {afterEach, describe, expect, it} from 'vitest';
import {CATEGORY_TITLES} from '../../source/core/diagnosis/types.js';
import {killAllSessions} from './harness.js';
import {closeAllSims, startSim, watchInPty} from './sim-session.js';

afterEach(async () => {
	await killAllSessions();
	await closeAllSims();
});

const WHY = `Why  ${CATEGORY_TITLES.image_pull} (asr-large v3.2, image pulling)`;

describe('why a deployment failed, in the terminal UI', () => {
	it('why-image-pull: the Why block, w opens the diagnosis, Esc closes it, q with it open exits 0 and keeps the deployment', async () => {
		// Given the image-pull failure, watched from the start
		const sim = await startSim({scenario: 'why-image-pull', speed: 10, clockStart: 'first-request'});
		const session = watchInPty(sim, {cols: 110, rows: 36}, ['--interval', '1']);

		// Then once it fails the Why block names the category, the model and the phase, and what to try for a full disk
		await session.waitForText(WHY, 30_000);
		expect(session.screenText()).toMatch(/^try {2}The node's disk had no room for the image/m);
		expect(session.screenText()).toContain('w why');

		// When w is pressed, the whole diagnosis replaces the phases, with the page to read
		// (the simulator is no Open Telekom Cloud endpoint: Huawei Cloud's support site)
		session.press('w');
		await session.waitForText('Why it failed');
		expect(session.screenText()).toMatch(/docs {8}Real-Time Services \(FAQ\)/);
		expect(session.screenText()).toContain('<https://support.huaweicloud.com/intl/en-us/modelarts_faq/');
		expect(session.screenText()).not.toContain('Model startup');

		// And Esc closes it
		session.press('escape');
		await session.waitFor(() => !session.screenText().includes('Why it failed'), 'the diagnosis to close');
		expect(session.screenText()).toContain(WHY);

		// And q with it open again quits with 0, leaving the deployment with its Why block
		session.press('w');
		await session.waitForText('Why it failed');
		session.press('q');
		const exit = await session.exit;
		await session.flush();
		expect(exit.code).toBe(0);
		const kept = session.screenText();
		expect(kept).toContain(WHY);
		expect(kept).toContain('Image pulling');
		expect(kept).not.toContain('Why it failed');
		expect(session.clearsAfterFirstFrame()).toEqual([]);
	}, 60_000);

	it('why-slow: a pull running for 12 minutes shows the slow hint under the phases', async () => {
		const sim = await startSim({scenario: 'why-slow', speed: 1, clockStart: 'first-request'});
		const session = watchInPty(sim, {cols: 110, rows: 30}, ['--interval', '1']);
		await session.waitForText(/^Slow Image pulling of vision-xl 5\.0\.0 has run 12m \(slow after 10m00s\); the deployment times out within 2m$/m);
		const lines = session.screenLines();
		const hint = lines.findIndex(line => line.startsWith('Slow '));
		expect(lines[hint - 1]).toContain('Model startup');
		expect(lines[hint + 1]).toMatch(/last event 12m ago: \[vision-xl 5\.0\.0\] pulling model image/);
		session.press('q');
		expect((await session.exit).code).toBe(0);
	}, 60_000);
});
