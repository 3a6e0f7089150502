import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import type {Simulator} from '../../source/sim/server.js';
import {killAllSessions, type PtySession} from './harness.js';
import {closeAllSims, numberedHistory, startSim, waitForSimStatus, watchInPty} from './sim-session.js';
import {cursorShownAtEnd} from './terminal-bytes.js';

// A finished deployment (nine events) plus 60 older events, 12 of them abnormal: 69 in all,
// three pages at 120×40. The long interval keeps the poll loop out of the way, so every
// change on screen comes from a key.
const HISTORY = 60;
const TOTAL = HISTORY + 9;
const ABNORMAL = HISTORY / 5;

/** The event rows on screen: the lines that carry a type cell. */
function eventRows(screen: string): string[] {
	return screen.split('\n').filter((line) => /\b(normal|abnormal)\b/.test(line) && !/filter/.test(line));
}

describe('keys in the live view', () => {
	let sim: Simulator;
	let session: PtySession;

	beforeEach(async () => {
		sim = await startSim({scenario: 'success', speed: 200});
		sim.addEvents(sim.serviceId, numberedHistory(HISTORY));
		await waitForSimStatus(sim, 'running');
		session = watchInPty(sim, {cols: 120, rows: 40}, ['--interval', '60']);
		await session.waitForText(`(${TOTAL} events)`);
		await session.waitForText('running');
	});

	afterEach(async () => {
		await killAllSessions();
		await closeAllSims();
	});

	it('f cycles the filter all → abnormal → warning → normal → all', async () => {
		expect(session.screenText()).toContain('filter all');

		session.press('f');
		await session.waitForText(`filter abnormal · newest first · page 1/1 (${ABNORMAL} events)`);
		const abnormalRows = eventRows(session.screenText());
		expect(abnormalRows).toHaveLength(ABNORMAL);
		expect(abnormalRows.every((row) => row.includes('! abnormal'))).toBe(true);

		// A v1 service has no warnings (a v2 severity): the filter passes by empty
		session.press('f');
		await session.waitForText('filter warning · newest first');
		expect(eventRows(session.screenText())).toHaveLength(0);

		session.press('f');
		await session.waitForText(`filter normal · newest first · page 1/`);
		await session.waitForText(`(${TOTAL - ABNORMAL} events)`);
		expect(session.screenText()).not.toContain('abnormal ');
		expect(eventRows(session.screenText()).length).toBeGreaterThan(5);

		session.press('f');
		await session.waitForText(`filter all · newest first · page 1/`);
		await session.waitForText(`(${TOTAL} events)`);
	});

	it('o toggles newest first and oldest first', async () => {
		// Newest first: the deployment's last event is on page 1, the oldest history is not.
		expect(session.screenText()).toContain('newest first');
		expect(session.screenText()).toContain('starting model');
		expect(session.screenText()).not.toContain('e2e event 01');

		session.press('o');
		await session.waitForText('oldest first');
		const screen = session.screenText();
		expect(screen).toContain('e2e event 01');
		expect(screen.indexOf('e2e event 01')).toBeLessThan(screen.indexOf('e2e event 02'));
		expect(screen).not.toContain('starting model');

		session.press('o');
		await session.waitForText('newest first');
		await session.waitForText('starting model');
	});

	it('pages forward and back with →/←, PgDn/PgUp, n and </> (p is the pods view)', async () => {
		const pageCount = Number(/page 1\/(\d+)/.exec(session.screenText())?.[1]);
		expect(pageCount).toBeGreaterThanOrEqual(3);
		const firstPage = eventRows(session.screenText());

		session.press('right');
		await session.waitForText(`page 2/${pageCount}`);
		expect(eventRows(session.screenText())).not.toEqual(firstPage);
		session.press('pagedown');
		await session.waitForText(`page 3/${pageCount}`);
		session.press('left');
		await session.waitForText(`page 2/${pageCount}`);
		session.press('pageup');
		await session.waitForText(`page 1/${pageCount}`);
		session.press('n');
		await session.waitForText(`page 2/${pageCount}`);
		session.press('>');
		await session.waitForText(`page 3/${pageCount}`);
		session.press('<');
		await session.waitForText(`page 2/${pageCount}`);
		session.press('<');
		await session.waitForText(`page 1/${pageCount}`);
		expect(eventRows(session.screenText())).toEqual(firstPage);
	});

	it('? opens the help overlay, ? and Esc close it', async () => {
		session.press('?');
		await session.waitForText('refresh now');
		expect(session.screenText()).toContain('filter: all → abnormal → normal');

		session.press('?');
		await session.waitFor(() => !session.screenText().includes('refresh now'), 'help to close');
		await session.waitForText('starting model');

		session.press('?');
		await session.waitForText('refresh now');
		session.press('escape');
		await session.waitFor(() => !session.screenText().includes('refresh now'), 'help to close on Esc');
	});

	it('r asks the server again at once', async () => {
		// Given a quiet poll loop (the next poll is a minute away)
		const before = sim.requests.length;
		// When r is pressed
		session.press('r');
		// Then the events are fetched again now
		await session.waitFor(() => sim.requests.slice(before).some((request) => request.path.endsWith('/events')), 'a new events request');
		await session.waitForText('updated 0s ago');
	});

	it('q quits with 0 and leaves the last frame in the scrollback', async () => {
		session.press('q');
		const exit = await session.exit;
		await session.flush();

		expect(exit.code).toBe(0);
		const kept = session.scrollbackText();
		expect(kept).toContain('service-07085');
		expect(kept).toContain('Model startup');
		expect(kept).toContain('starting model');
		expect(kept).toContain(`page 1/`);
		expect(session.raw()).not.toContain('\x1b[?1049h');
		expect(session.clearsAfterFirstFrame()).toEqual([]);
		expect(cursorShownAtEnd(session.raw())).toBe(true);
	});
});
