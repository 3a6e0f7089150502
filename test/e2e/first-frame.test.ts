// The first frame is painted before Ink has loaded (source/cli/first-frame.ts); Ink
// then takes over the same rows. A person must see one frame, drawn once: no flash, no
// second copy below it, no stale rows, and the screen Ink would have drawn anyway.
import {createServer, type Server} from 'node:net';
import {afterEach, describe, expect, it} from 'vitest';
import type {Simulator} from '../../source/sim/server.js';
import {killAllSessions, PtySession} from './harness.js';
import {closeAllSims, startSim, watchInPty} from './sim-session.js';

const SYNC_START = '\u001B[?2026h';

/** The lines of the screen that are not blank. */
const shown = (session: PtySession) => session.screenLines().filter(line => line.trim() !== '');

/** A server whose first answers never come: the view stays on its first frame. */
async function silentSim(): Promise<Simulator> {
	return startSim({scenario: 'stuck', faults: {script: ['hang', 'hang']}});
}

/** Waits until the CLI's watcher has asked the server: Ink has mounted the view by then. */
async function inkMounted(session: PtySession, sim: Simulator): Promise<void> {
	await session.waitFor(() => sim.requests.length > 0, 'the watch to ask the server');
}

/** An IAM endpoint that accepts connections and never answers. */
async function silentIam(): Promise<{url: string; server: Server}> {
	const server = createServer(() => {});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	if (address === null || typeof address === 'string') throw new Error('no port');
	return {url: `http://127.0.0.1:${address.port}/v3`, server};
}

describe('the painted first frame', () => {
	const servers: Server[] = [];
	afterEach(async () => {
		await killAllSessions();
		await closeAllSims();
		for (const server of servers.splice(0)) server.close();
	});

	it.each([
		[80, 24],
		[120, 40],
	])('is the frame Ink then keeps, without a byte rewritten, at %ix%i', async (cols, rows) => {
		// Given a server that has not answered yet
		const sim = await silentSim();

		// When the watch starts in a terminal
		const session = watchInPty(sim, {cols, rows});
		await session.waitForText('Model startup');
		await session.waitForText('filter all');
		const painted = session.raw();
		const firstScreen = shown(session);

		// And Ink has mounted the view and a key has been drawn by it
		await inkMounted(session, sim);
		session.press('?');
		await session.waitForText('Keys');

		// Then the first frame had the header, "connecting…", the five phases and the footer
		expect(firstScreen[0]).toContain(sim.serviceId);
		expect(firstScreen[1]).toContain('connecting');
		expect(firstScreen.filter(line => /^ {2}· /.test(line))).toHaveLength(5);
		expect(firstScreen.at(-1)).toMatch(/filter all|all ·/);
		// And everything after it is the help overlay's frame: Ink's own first frame wrote nothing
		const after = session.raw().slice(painted.length);
		expect(after.split(SYNC_START)).toHaveLength(2);
		// And closing the help brings back exactly the painted screen, once, with nothing below
		session.press('?');
		await session.waitFor(() => !session.screenText().includes('Keys'), 'the help to close');
		expect(shown(session)).toEqual(firstScreen);
		expect(session.scrollbackText().split(sim.serviceId)).toHaveLength(2);
		expect(session.clearsAfterFirstFrame()).toEqual([]);
	});

	it('gives way to an error that comes before Ink: only the error stays on the screen', async () => {
		// Given no credential at all (found only after the first frame is painted)
		const session = PtySession.start({args: ['svc-1', '--endpoint', 'http://127.0.0.1:9', '--project-id', 'p', '--output', 'tty'], cols: 80, rows: 24});

		// When the watch gives up
		const exit = await session.exit;
		await session.flush();

		// Then the screen holds the error alone, and the cursor is back
		expect(exit.code).toBe(3);
		expect(shown(session).join('')).toMatch(/^modelarts-watch: No credentials found\./);
		expect(session.scrollbackText()).not.toContain('svc-1');
		expect(session.raw().endsWith('\r\n')).toBe(true);
		expect(session.raw()).toContain('\u001B[?25h');
	});

	it('goes with Ctrl+C while the watch still waits for its credential, as the process would', async () => {
		// Given a password login whose IAM endpoint never answers (the project id is asked first)
		const iam = await silentIam();
		servers.push(iam.server);
		const env = {OS_AUTH_URL: iam.url, OS_USERNAME: 'alice', OS_PASSWORD: 'secret', OS_USER_DOMAIN_NAME: 'd', OS_PROJECT_NAME: 'eu-de'};
		const session = PtySession.start({args: ['svc-1', '--region', 'eu-de', '--output', 'tty'], cols: 80, rows: 24, env});
		await session.waitForText('connecting');

		// When Ctrl+C is pressed
		session.press('ctrl-c');
		const exit = await session.exit;
		await session.flush();

		// Then the process ends by the signal, with the frame taken back and the cursor shown
		expect(exit.signal).toBe(2);
		expect(session.scrollbackText()).toBe('');
		expect(session.raw().lastIndexOf('\u001B[?25h')).toBeGreaterThan(session.raw().lastIndexOf('\u001B[?25l'));
	});

	it('lets a warning before the live view print first, with the frame below it', async () => {
		// Given --insecure, which warns on stderr before the watch starts
		const sim = await silentSim();
		const session = watchInPty(sim, {cols: 120, rows: 40}, ['--insecure']);

		// When Ink has taken over
		await inkMounted(session, sim);
		session.press('?');
		await session.waitForText('Keys');
		session.press('?');
		await session.waitFor(() => !session.screenText().includes('Keys'), 'the help to close');

		// Then the warning comes first and the live view once, below it
		const lines = shown(session);
		expect(lines[0]).toMatch(/^warning: --insecure/);
		expect(lines.filter(line => line.includes(sim.serviceId))).toHaveLength(1);
		expect(session.scrollbackText().split(sim.serviceId)).toHaveLength(2);
	});

	it('redraws cleanly after a resize right after the start, and q then keeps that frame', async () => {
		// Given a deployment that is under way
		const sim = await startSim({scenario: 'stuck', speed: 100});

		// When the terminal shrinks as soon as the first frame shows
		const session = watchInPty(sim, {cols: 120, rows: 40});
		await session.waitForText(sim.serviceId);
		session.resize(90, 26);

		// Then the view is drawn once, at the new size (the header shows a shortened id once the name is known)
		const once = (text: string) => session.screenText().split(text).length === 2;
		await session.waitFor(() => once('Model startup') && once('q quit') && session.wrappedRows().length === 0, 'one clean frame at 90x26');

		// And q ends the watch with 0, keeping one clean frame: the deployment, naming no keys (none work any more)
		session.press('q');
		const exit = await session.exit;
		await session.flush();
		expect(exit.code).toBe(0);
		expect(once('Model startup')).toBe(true);
		expect(session.screenText()).not.toContain('q quit');
		expect(session.wrappedRows()).toEqual([]);
		expect(session.clearsAfterFirstFrame()).toEqual([]);
	});

	it('quits with q pressed as soon as the first frame shows, before Ink has loaded', async () => {
		// Given a deployment that is under way
		const sim = await startSim({scenario: 'stuck', speed: 100});

		// When q is pressed the moment the painted frame appears
		const session = watchInPty(sim, {cols: 100, rows: 30});
		await session.waitForText(sim.serviceId);
		session.press('q');
		const exit = await session.exit;
		await session.flush();

		// Then the watch ends with 0 and leaves its frame once, with the cursor shown
		expect(exit.code).toBe(0);
		expect(session.scrollbackText().split(sim.serviceId)).toHaveLength(2);
		expect(session.scrollbackText().split('Model startup')).toHaveLength(2);
		expect(session.raw().lastIndexOf('\u001B[?25h')).toBeGreaterThan(session.raw().lastIndexOf('\u001B[?25l'));
	});
});
