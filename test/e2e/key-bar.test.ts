// The key bar in a real terminal: the same hints in the same places whatever the filter,
// order, search or pause state; at narrow widths ? help and q quit stay; every hint names
// keys that work, --ascii paging included.
import {afterEach, describe, expect, it} from 'vitest';
import type {Simulator} from '../../source/sim/server.js';
import {killAllSessions, PtySession} from './harness.js';
import {closeAllSims, numberedHistory, startSim, waitForSimStatus, watchInPty} from './sim-session.js';

afterEach(async () => {
	await killAllSessions();
	await closeAllSims();
});

/** The bottom line of the screen: the footer. */
function footerOf(session: PtySession): string {
	return session.screenLines().findLast(line => line.trim() !== '') ?? '';
}

/** The hints and the column they start at: the text after the last run of three spaces. */
function hintsOf(session: PtySession): {readonly column: number; readonly text: string} {
	const line = footerOf(session).trimEnd();
	const text = line.split(/\s{3,}/).at(-1) ?? '';
	return {column: line.length - text.length, text};
}

async function finishedWatch(cols: number, extra: readonly string[] = []): Promise<{sim: Simulator; session: PtySession}> {
	const sim = await startSim({scenario: 'success', speed: 200});
	sim.addEvents(sim.serviceId, numberedHistory(60));
	await waitForSimStatus(sim, 'running');
	const session = watchInPty(sim, {cols, rows: 30}, ['--interval', '60', ...extra]);
	await session.waitForText('start to deploy service');
	await session.waitFor(() => /\d+\/\d+/.test(footerOf(session)), 'the footer');
	return {sim, session};
}

describe('the key bar stays put', () => {
	it.each([120, 100, 80, 40])('at %i columns, through f, o, a kept search and space', async cols => {
		const {sim, session} = await finishedWatch(cols);
		const before = hintsOf(session);
		expect(before.text).toMatch(/\? help {2}q quit$/);
		const same = async (what: string, done: () => boolean) => {
			await session.waitFor(done, what);
			expect(hintsOf(session), what).toEqual(before);
		};

		session.press('f');
		await same('the abnormal filter', () => footerOf(session).includes('abnormal'));
		session.press('o');
		await same('oldest first', () => footerOf(session).includes('oldest'));
		session.press('/');
		session.press('e2e event 0');
		await session.waitForText('Enter keep');
		session.press('enter');
		await same('the kept search', () => footerOf(session).includes('search "e2e event 0"'));
		session.press(' ');
		await same('pause', () => footerOf(session).includes('paused'));
		sim.addEvents(sim.serviceId, [{event_type: 'normal', event_info: 'arrived while paused', occur_time: Date.now()}]);
		session.press('r');
		await same('a new event waiting', () => footerOf(session).includes('1 new'));
	});

	it('--ascii names </> for paging, and < and > page', async () => {
		const {session} = await finishedWatch(120, ['--ascii']);
		expect(hintsOf(session).text).toContain('</> page');
		await session.waitForText(/page 1\/[3-9]/);
		session.press('>');
		await session.waitForText(/page 2\/[3-9]/);
		session.press('>');
		await session.waitForText(/page 3\/[3-9]/);
		session.press('<');
		await session.waitForText(/page 2\/[3-9]/);
	});
});

describe('the overview key bar and header at 40 columns', () => {
	it('keeps ? help and q quit, and the failed count first and whole', async () => {
		const sim = await startSim({scenarios: ['success', 'failure', 'stuck'], speed: 10});
		const session = PtySession.start({
			args: [...sim.services.map(service => service.id), '--endpoint', sim.url, '--project-id', sim.projectId, '--output', 'tty', '--interval', '1'],
			env: {MODELARTS_TOKEN: sim.token},
			cols: 40,
			rows: 20,
		});
		await session.waitFor(() => session.screenLines()[0]!.startsWith('3 services · 1 failed'), 'the failure counted first', 30_000);
		expect(session.screenLines()[0]).not.toContain('…');
		expect(hintsOf(session).text).toBe('? help  q quit');
		session.press('f');
		await session.waitFor(() => footerOf(session).startsWith('in progress') || footerOf(session).includes('in progress'), 'the filter');
		expect(hintsOf(session).text).toBe('? help  q quit');
	});
});
