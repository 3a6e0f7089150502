import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import type {Simulator} from '../../source/sim/server.js';
import {killAllSessions, PtySession} from './harness.js';
import {closeAllSims, startSim, waitForSimStatus} from './sim-session.js';

/** The CLI without a service id, in a terminal: it opens the service picker. */
function pickerInPty(sim: Simulator, size: {cols: number; rows: number}, extraArgs: readonly string[] = []): PtySession {
	return PtySession.start({
		args: ['--endpoint', sim.url, '--project-id', sim.projectId, '--output', 'tty', '--interval', '60', ...extraArgs],
		env: {MODELARTS_TOKEN: sim.token},
		...size,
	});
}

/** The picker's list rows: lines naming one of the scenario's services. */
function listedNames(screen: string): string[] {
	const names = ['service-07085', 'image-classifier', 'legacy-ocr', 'nlp-gateway'];
	return screen
		.split('\n')
		.map(line => names.find(name => line.includes(name)))
		.filter((name): name is string => name !== undefined);
}

describe('the service picker', () => {
	let sim: Simulator;

	beforeEach(async () => {
		sim = await startSim({scenario: 'success', speed: 1});
	});

	afterEach(async () => {
		await killAllSessions();
		await closeAllSims();
	});

	it('lists the services, deploying and failed first, then most recently changed', async () => {
		const session = pickerInPty(sim, {cols: 100, rows: 30});
		await session.waitForText('legacy-ocr');
		expect(listedNames(session.screenText())).toEqual(['service-07085', 'nlp-gateway', 'image-classifier', 'legacy-ocr']);
		expect(session.screenText()).toContain('deploying');
		expect(session.wrappedRows()).toEqual([]);
	});

	it('filters by name, watches the choice with Enter, goes back with Esc, and q quits with 0', async () => {
		const session = pickerInPty(sim, {cols: 100, rows: 30});
		await session.waitForText('legacy-ocr');

		// When a part of a name is typed, only matching services remain
		session.press('class');
		await session.waitFor(() => listedNames(session.screenText()).join() === 'image-classifier', 'the filter to leave one service');

		// Enter watches it: its history and its status show in the live view
		session.press('enter');
		await session.waitForText('Service image-classifier started.');
		await session.waitForText('running');
		expect(session.screenText()).toContain('Esc back');

		// Esc (nothing else open) goes back to the list, filter kept
		session.press('escape');
		await session.waitFor(() => session.screenText().includes('filter class'), 'the picker with its filter');
		expect(listedNames(session.screenText())).toEqual(['image-classifier']);

		// Esc clears the filter, q quits
		session.press('escape');
		await session.waitForText('legacy-ocr');
		session.press('q');
		const exit = await session.exit;
		expect(exit.code).toBe(0);
		expect(session.clearsAfterFirstFrame()).toEqual([]);
	});

	it('Esc in a watch first closes what is open, then goes back', async () => {
		const session = pickerInPty(sim, {cols: 100, rows: 30});
		await session.waitForText('legacy-ocr');
		session.press('down');
		session.press('down');
		session.press('enter');
		await session.waitForText('Service image-classifier started.');

		session.press('?');
		await session.waitForText('back to the service list');
		session.press('escape');
		await session.waitFor(() => !session.screenText().includes('back to the service list'), 'help to close');
		expect(session.screenText()).toContain('image-classifier');
		expect(session.screenText()).not.toContain('type to filter');

		session.press('escape');
		await session.waitForText('type to filter by name');
	});

	it('fits a 40×12 terminal', async () => {
		const session = pickerInPty(sim, {cols: 40, rows: 12});
		await session.waitForText('legacy-ocr');
		expect(session.wrappedRows()).toEqual([]);
		expect(session.clearsAfterFirstFrame()).toEqual([]);
		session.press('enter');
		await waitForSimStatus(sim, 'deploying').catch(() => undefined);
		await session.waitForText('service-07085');
		expect(session.wrappedRows()).toEqual([]);
	});

	it('without a terminal, a missing service id is still a usage error', async () => {
		const session = PtySession.start({
			args: ['--endpoint', sim.url, '--project-id', sim.projectId, '--json'],
			env: {MODELARTS_TOKEN: sim.token},
		});
		const exit = await session.exit;
		await session.flush();
		expect(exit.code).not.toBe(0);
		expect(session.scrollbackText()).toContain('No service to watch');
	});
});
