// How a watch in the terminal UI ends, as a person sees it: the same rule as the plain and
// JSON logs (--exit-status without the details API), the frame kept in the scrollback, and
// a watch opened from the picker that fails for good.
import type {IncomingMessage, ServerResponse} from 'node:http';
import {afterEach, describe, expect, it} from 'vitest';
import type {SimRoute} from '../../source/sim/server.js';
import {forbidDetails} from '../acceptance/helpers.js';
import {killAllSessions, PtySession} from './harness.js';
import {closeAllSims, startSim, watchInPty} from './sim-session.js';

afterEach(async () => {
	await killAllSessions();
	await closeAllSims();
});

describe('--exit-status in a terminal whose policy forbids the details API (403)', () => {
	it.each([
		// The console wording ends with "Service my-service started."; the timeout scenario with "Service deployment timed out".
		['succeeds', 0, 'console', /Deployed in/],
		['fails', 1, 'timeout', /Deployment failed/],
	])('ends by itself when the events show the deployment %s (exit %i)', async (_what, code, scenario, outcome) => {
		// Given a deployment that the events alone show ending, seen first in progress
		const sim = await startSim({scenario, speed: 10, routes: [forbidDetails]});
		const session = watchInPty(sim, {cols: 100, rows: 30}, ['--exit-status', '--interval', '1']);
		await session.waitForText('Details unavailable');

		// When it ends, the watch ends too, with the exit code the plain and JSON logs give
		const exit = await session.exit;
		await session.flush();
		expect(exit.code).toBe(code);
		expect(session.scrollbackText()).toMatch(outcome);
		expect(session.clearsAfterFirstFrame()).toEqual([]);
	}, 60_000);
});

describe('the frame kept in the scrollback', () => {
	it.each([
		['the help', '?', 'Keys'],
		['an event', 'enter', 'UTC'],
	])('q with %s open leaves the deployment, not the overlay', async (_what, key, overlay) => {
		const sim = await startSim({scenario: 'stuck', speed: 100});
		const session = watchInPty(sim, {cols: 100, rows: 30});
		await session.waitForText('pulling model image');
		session.press(key);
		await session.waitForText(overlay);
		session.press('q');
		const exit = await session.exit;
		await session.flush();
		expect(exit.code).toBe(0);
		const kept = session.screenText();
		expect(kept).toContain('Image pulling');
		expect(kept).toContain('pulling model image');
		expect(kept).not.toContain(overlay);
	});

	it('a signal with the help open leaves the deployment too', async () => {
		const sim = await startSim({scenario: 'stuck', speed: 100});
		const session = watchInPty(sim, {cols: 100, rows: 30});
		await session.waitForText('pulling model image');
		session.press('?');
		await session.waitForText('Keys');
		session.signal('SIGTERM');
		const exit = await session.exit;
		await session.flush();
		expect(exit.code).toBe(143);
		expect(session.screenText()).toContain('Image pulling');
		expect(session.screenText()).not.toContain('Keys');
	});
});

describe('the frame kept after the run ends is true: no countdown, no key hints, no selection marker', () => {
	it('--once leaves the deployment as it was polled', async () => {
		// Given a deployment under way
		const sim = await startSim({scenario: 'stuck', speed: 100});

		// When the watch polls once and ends
		const session = watchInPty(sim, {cols: 100, rows: 30}, ['--once']);
		const exit = await session.exit;
		await session.flush();

		// Then the kept frame shows the deployment and when it was read, and nothing that still moves or asks for a key
		expect(exit.code).toBe(0);
		const kept = session.screenText();
		expect(kept).toContain('Image pulling');
		expect(kept).toContain('updated');
		expect(kept).not.toContain('next in');
		expect(kept).not.toContain('q quit');
		expect(kept).not.toContain('? help');
	});

	it('--timeout while the deployment runs ends with 5, says why below the kept frame, and names no keys', async () => {
		const sim = await startSim({scenario: 'stuck', speed: 100});
		const session = watchInPty(sim, {cols: 100, rows: 30}, ['--timeout', '3s']);
		// No wait for a particular event first: on a loaded machine the time-out may come first.
		const exit = await session.exit;
		await session.flush();
		expect(exit.code).toBe(5);
		const kept = session.screenText();
		expect(kept).toContain('Image pulling');
		expect(kept).toContain('--timeout reached after 3s');
		expect(kept).not.toContain('next in');
		expect(kept).not.toContain('q quit');
	});

	it('--exit-status leaves the finished deployment, without the row that was selected marked', async () => {
		// Given a deployment that succeeds, watched with a row selected
		const sim = await startSim({scenario: 'success', speed: 3});
		const session = watchInPty(sim, {cols: 100, rows: 30}, ['--exit-status', '--interval', '1']);
		await session.waitFor(() => /\([1-9]\d* events?\)/.test(session.screenText()), 'a first event');
		session.press('down');
		await session.waitFor(() => session.screenLines().some(line => line.startsWith('›')), 'a row selected');

		// When the deployment ends, so does the watch
		const exit = await session.exit;
		await session.flush();

		// Then the kept frame says how it ended, with no countdown, hint or marker
		expect(exit.code).toBe(0);
		const kept = session.screenText();
		expect(kept).toMatch(/Deployed in/);
		expect(kept).not.toContain('next in');
		expect(kept).not.toContain('q quit');
		expect(kept).not.toContain('›');
	}, 60_000);
});

const EVENTS_PATH = /^\/v1\/[^/]+\/services\/([^/]+)\/events\/?$/;

/** Every service but `keep` answers its events with 404, as a service deleted meanwhile would. */
function goneExcept(keep: string): SimRoute {
	return (request: IncomingMessage, response: ServerResponse) => {
		const match = EVENTS_PATH.exec(new URL(request.url ?? '/', 'http://sim.local').pathname);
		if (match === null || match[1] === keep) return false;
		response.writeHead(404, {'content-type': 'application/json'});
		response.end(JSON.stringify({error_code: 'ModelArts.3502', error_msg: `Service ${match[1]} does not exist.`}));
		return true;
	};
}

describe('a watch opened from the picker that fails for good', () => {
	it('returns to the list and says why, instead of ending the program', async () => {
		// Given a project where one listed service answers 404 when watched
		let sim = await startSim({scenario: 'success', speed: 1});
		const mainId = sim.serviceId;
		await closeAllSims();
		sim = await startSim({scenario: 'success', speed: 1, routes: [goneExcept(mainId)]});
		const session = PtySession.start({
			args: ['--endpoint', sim.url, '--project-id', sim.projectId, '--output', 'tty', '--interval', '60'],
			env: {MODELARTS_TOKEN: sim.token},
			cols: 120,
			rows: 30,
		});
		await session.waitForText('legacy-ocr');

		// When that service is chosen
		session.press('legacy');
		await session.waitFor(() => !session.screenText().includes('image-classifier'), 'the filter to leave one service');
		session.press('enter');

		// Then the list comes back with the filter kept and the reason on screen, and q still quits with 0
		await session.waitForText(/✖ legacy-ocr: HTTP 404 ModelArts\.3502: Service [\w-]+ does not exist/);
		await session.waitForText('filter legacy');
		expect(session.hasExited).toBe(false);
		session.press('escape');
		await session.waitForText('image-classifier');
		session.press('q');
		expect((await session.exit).code).toBe(0);
	}, 60_000);
});
