import {afterEach, describe, expect, it} from 'vitest';
import type {Simulator} from '../../source/sim/server.js';
import {killAllSessions, PtySession} from './harness.js';
import {closeAllSims, numberedHistory, startSim, waitForSimStatus, watchCommand, watchInPty} from './sim-session.js';

// Keys of issue #9 in a real terminal: search, details, time display, pause, and the
// completion nudge with the timeline.

async function finishedWatch(): Promise<{sim: Simulator; session: PtySession}> {
	const sim = await startSim({scenario: 'success', speed: 200});
	sim.addEvents(sim.serviceId, numberedHistory(30));
	await waitForSimStatus(sim, 'running');
	const session = watchInPty(sim, {cols: 120, rows: 40}, ['--interval', '60']);
	await session.waitForText('(39 events)');
	return {sim, session};
}

describe('search, details, time and pause keys', () => {
	afterEach(async () => {
		await killAllSessions();
		await closeAllSims();
	});

	it('/ searches live and case-insensitively; letters are text while typing; Enter keeps, Esc clears', async () => {
		const {session} = await finishedWatch();
		session.press('/');
		session.press('E2E EVENT 0');
		await session.waitForText('(9 events)');
		expect(session.screenText()).toContain('/E2E EVENT 0');
		// q and f are typed, not commands: nothing matches, and the app is still running
		session.press('qf');
		await session.waitForText('no events match the search');
		session.press('backspace');
		session.press('backspace');
		await session.waitForText('(9 events)');
		session.press('enter');
		await session.waitForText('search "E2E EVENT 0"');
		// f works again after Enter, combined with the search: events 05 is the only abnormal one
		session.press('f');
		await session.waitForText('filter abnormal');
		expect(session.screenText()).toContain('e2e event 05');
		expect(session.screenText()).not.toContain('e2e event 04');
		session.press('escape');
		await session.waitFor(() => !session.screenText().includes('search "'), 'the search to clear');
		expect(session.hasExited).toBe(false);
	});

	it('↑/↓ select a row with a marker, Enter opens the whole event, Esc closes it', async () => {
		const {session} = await finishedWatch();
		session.press('down');
		await session.waitFor(() => session.screenLines().some(line => line.startsWith('›') && line.includes('starting model')), 'the first row selected');
		session.press('down');
		await session.waitFor(() => session.screenLines().some(line => line.startsWith('›') && line.includes('pull image success')), 'the second row selected');
		session.press('enter');
		await session.waitForText('Esc closes');
		const screen = session.screenText();
		expect(screen).toMatch(/UTC\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} UTC/);
		expect(screen).toMatch(/local\s+\d{4}-/);
		expect(screen).toMatch(/phase\s+Image pulling \(success\)/);
		expect(screen).toMatch(/model\s+TF 3\.0\.0/);
		expect(screen).toContain('[TF 3.0.0] pull image success');
		session.press('escape');
		// A frame can arrive in more than one write: wait for the whole view, not just the overlay's end
		await session.waitFor(() => !session.screenText().includes('Esc closes') && session.screenText().includes('Model startup'), 'the details to close');
	});

	it('t cycles the time column: local, relative, UTC', async () => {
		const {session} = await finishedWatch();
		expect(session.screenText()).toMatch(/^time\s+type/m);
		session.press('t');
		await session.waitFor(() => /^age\s+type/m.test(session.screenText()), 'ages');
		expect(session.screenText()).toMatch(/\d+[smhd] ago\s+normal/);
		session.press('t');
		await session.waitFor(() => /^time \(UTC\)\s+type/m.test(session.screenText()), 'UTC times');
		session.press('t');
		await session.waitFor(() => /^time\s+type/m.test(session.screenText()), 'local times again');
	});

	it('space pauses the view while polling goes on, counts what waits, and catches up', async () => {
		const {sim, session} = await finishedWatch();
		session.press(' ');
		await session.waitForText('paused · 0 new');
		sim.addEvents(sim.serviceId, [{event_type: 'normal', event_info: 'arrived while paused', occur_time: Date.now()}]);
		session.press('r');
		await session.waitForText('paused · 1 new');
		expect(session.screenText()).not.toContain('arrived while paused');
		session.press(' ');
		await session.waitForText('arrived while paused');
		expect(session.screenText()).not.toContain('paused ·');
	});
});

describe('the completion nudge and the timeline', () => {
	afterEach(async () => {
		await killAllSessions();
		await closeAllSims();
	});

	async function watchDeploy(env: Record<string, string>, extraArgs: string[] = []): Promise<PtySession> {
		const sim = await startSim({scenario: 'success', speed: 8});
		const {args, env: tokenEnv} = watchCommand(sim, ['--output', 'tty', '--interval', '1', ...extraArgs]);
		const session = PtySession.start({args, env: {...tokenEnv, ...env}, cols: 100, rows: 30});
		await session.waitForText('Deployed in', 20_000);
		return session;
	}

	it('rings the bell and sends an OSC 9 notification in iTerm2 when the deployment it watched succeeds', async () => {
		const session = await watchDeploy({TERM_PROGRAM: 'iTerm.app'});
		await session.waitFor(() => session.raw().includes('\u001B]9;'), 'the notification');
		expect(session.raw()).toMatch(/\u0007\u001B\]9;modelarts-watch: service-07085 deployed in \d+s\u0007/);
		// The timeline says which phase took the time, and the frame stays intact
		await session.waitForText('% of');
		expect(session.screenText()).toContain('Build');
		expect(session.wrappedRows()).toEqual([]);
		expect(session.clearsAfterFirstFrame()).toEqual([]);
	});

	it('sends nothing with --no-notify, and only the bell inside tmux', async () => {
		const quiet = await watchDeploy({TERM_PROGRAM: 'iTerm.app'}, ['--no-notify']);
		await quiet.waitForText('% of');
		expect(quiet.raw()).not.toContain('\u0007');

		const tmux = await watchDeploy({TERM_PROGRAM: 'iTerm.app', TMUX: '/tmp/tmux-1000/default,1,0'});
		await tmux.waitFor(() => tmux.raw().includes('\u0007'), 'the bell');
		expect(tmux.raw()).not.toContain('\u001B]9;');
		expect(tmux.raw()).not.toContain('\u001B]777;');
	});
});
