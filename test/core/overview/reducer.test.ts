import {describe, expect, it} from 'vitest';
import {overviewSpins, pageRows} from '../../../source/core/overview/reducer.js';
import type {OverviewState} from '../../../source/core/overview/types.js';
import {event} from '../../ui/fixtures.js';
import {ends, key, overview, poll, rowNames, run, T0, to} from './fixtures.js';

/** alpha deploying, beta failed, gamma running, delta deploying: as the poll loops report them. */
function mixed(): OverviewState {
	return run(overview(['alpha', 'beta', 'gamma', 'delta']), ...poll('alpha', 'deploying'), ...poll('beta', 'failed'), ...poll('gamma', 'running'), ...poll('delta', 'deploying')).state;
}

describe('updateOverview: the rows', () => {
	it('puts the services in progress first, then the failed, then the finished; as given within each', () => {
		expect(rowNames(mixed())).toEqual(['alpha', 'delta', 'beta', 'gamma']);
	});

	it('keeps the selection on its service when a failure moves its row', () => {
		// Given delta selected (second row)
		const selected = run(mixed(), key('', 'down')).state;
		expect(selected.shown[selected.selectedIndex]?.serviceId).toBe('id-delta');

		// When alpha fails, delta becomes the first row, and stays selected
		const after = run(selected, ...ends('alpha', 'failed')).state;
		expect(rowNames(after)).toEqual(['delta', 'alpha', 'beta', 'gamma']);
		expect(after.shown[after.selectedIndex]?.serviceId).toBe('id-delta');
	});

	it.each([
		[1, 'in_progress', ['alpha', 'delta']],
		[2, 'failed', ['beta']],
		[3, 'all', ['alpha', 'delta', 'beta', 'gamma']],
	] as const)('f pressed %i time(s) shows %s', (presses, filter, names) => {
		const {state} = run(mixed(), ...Array.from({length: presses}, () => key('f')));
		expect(state.settings.filter).toBe(filter);
		expect(rowNames(state)).toEqual(names);
	});

	it('counts a service that cannot be watched among the failed', () => {
		const {state} = run(mixed(), to('gamma', {type: 'sync', state: {kind: 'stopped', message: 'stopped polling: Service gamma does not exist', errorKind: 'not_found'}, at: T0}), key('f'), key('f'));
		expect(rowNames(state)).toEqual(['beta', 'gamma']);
	});

	it('/ searches the names (q is a letter while typing), Enter keeps the search, Esc clears it', () => {
		const typed = run(mixed(), key('/'), key('L'), key('q')).state;
		expect(typed.settings).toMatchObject({search: 'Lq', searchTyping: true});
		expect(rowNames(typed)).toEqual([]);
		const kept = run(typed, key('', 'backspace'), key('', 'return')).state;
		expect(kept.settings).toMatchObject({search: 'L', searchTyping: false});
		expect(rowNames(kept)).toEqual(['alpha', 'delta']);
		expect(rowNames(run(kept, key('', 'escape')).state)).toEqual(['alpha', 'delta', 'beta', 'gamma']);
	});

	it('pages when there are more services than rows, and the page follows the selection', () => {
		// Given 10 services in a 10-row terminal: 9 lines, of which 3 are header, table header and footer
		const names = Array.from({length: 10}, (_, index) => `svc-${index}`);
		const start = overview(names, {rows: 10});
		expect(start.layout.listRows).toBe(6);
		expect(start).toMatchObject({page: 0, pageCount: 2});

		// When the selection moves past the last row of the page, or PgDn is pressed
		expect(run(start, ...Array.from({length: 6}, () => key('', 'down'))).state.page).toBe(1);
		const paged = run(start, key('', 'pageDown')).state;
		expect(paged).toMatchObject({page: 1, selectedIndex: 6});
		expect(run(paged, key('', 'pageDown')).state.selectedIndex).toBe(9);
		expect(run(paged, key('g')).state).toMatchObject({page: 0, selectedIndex: 0});
	});
});

describe('overviewSpins: whether a spinner shows (the clock animates only then)', () => {
	/** mixed() in a terminal 6 rows high: two rows a page, alpha and delta (deploying) on the first. */
	const paged = () => run(overview(['alpha', 'beta', 'gamma', 'delta'], {rows: 6}), ...poll('alpha', 'deploying'), ...poll('beta', 'failed'), ...poll('gamma', 'running'), ...poll('delta', 'deploying')).state;
	it.each([
		['the page shows a deploying row', true, [], ['alpha', 'delta']],
		['the page shows only ended rows', false, [key('', 'pageDown')], ['beta', 'gamma']],
		['the help is open', false, [key('?')], ['alpha', 'delta']],
		['the filter shows only the failed', false, [key('f'), key('f')], ['beta']],
	] as const)('when %s, a spinner shows: %s', (_when, spins, keys, page) => {
		const {state} = run(paged(), ...keys);
		expect(pageRows(state).map(service => service.listedName)).toEqual(page);
		expect(overviewSpins(state)).toBe(spins);
	});
});

describe('updateOverview: a service opened', () => {
	it('Enter opens the selected service; its keys go to its own view; Esc with nothing open comes back', () => {
		// Given delta selected and opened
		const open = run(mixed(), key('', 'down'), key('', 'return')).state;
		expect(open.openId).toBe('id-delta');

		// When its keys are pressed, they are the single view's: ? opens its help, Esc closes it
		const help = run(open, key('?')).state;
		expect(help.services.find(service => service.serviceId === 'id-delta')?.view.settings.overlay).toBe('help');
		const closed = run(help, key('', 'escape')).state;
		expect(closed.openId).toBe('id-delta');

		// And Esc again (nothing open) comes back to the overview, selection kept
		const back = run(closed, key('', 'escape')).state;
		expect(back.openId).toBeNull();
		expect(back.shown[back.selectedIndex]?.serviceId).toBe('id-delta');
	});

	it('keeps feeding every service while one is open', () => {
		const open = run(mixed(), key('', 'return')).state;
		const after = run(open, ...ends('delta', 'running')).state;
		expect(after.services.find(service => service.serviceId === 'id-delta')?.view.deployment.outcome).toBe('succeeded');
	});

	it('r polls the open service now; on the overview it polls every service', () => {
		expect(run(mixed(), key('', 'return'), key('r')).effects).toEqual([{type: 'refresh', serviceId: 'id-alpha'}]);
		expect(run(mixed(), key('r')).effects).toEqual([{type: 'refresh', serviceId: null}]);
	});

	it('q quits from either screen (exit 0); Ctrl+C interrupts (exit 130)', () => {
		const exit = (reason: string, exitCode: number) => [{type: 'exit', ending: expect.objectContaining({reason, exitCode})}];
		expect(run(mixed(), key('q')).effects).toEqual(exit('quit', 0));
		expect(run(mixed(), key('', 'return'), key('q')).effects).toEqual(exit('quit', 0));
		expect(run(mixed(), {type: 'key', press: {text: 'c', name: null, ctrl: true, meta: false}}).effects).toEqual(exit('interrupt', 130));
	});

	it('two Enters read as one chunk are two Enters: the search is kept, then the row opens', () => {
		const {state} = run(mixed(), key('/'), key('gam'), key('\r\r'));
		expect(state.settings).toMatchObject({searchTyping: false, search: 'gam'});
		expect(state.openId).toBe('id-gamma');
	});

	it('a line break pasted among other text is no Enter', () => {
		const {state} = run(mixed(), key('/'), key('gam\rq'));
		expect(state.settings).toMatchObject({searchTyping: true, search: 'gamq'});
	});

	it('reads a chunk of keys in order: Enter then Esc comes back at once', () => {
		const {state} = run(mixed(), key('', 'return'), key('', 'escape'));
		expect(state.openId).toBeNull();
	});

	it('a signal closes the help and the search being typed, so the kept frame shows the rows; nothing changes it after', () => {
		const typing = run(mixed(), key('?')).state;
		const ended = run(typing, {type: 'signal', signal: 'SIGTERM'});
		expect(ended.state.settings.helpOpen).toBe(false);
		expect(ended.state.final).toBe(true);
		expect(ended.effects).toEqual([{type: 'exit', ending: expect.objectContaining({reason: 'signal', exitCode: 143})}]);
		expect(run(ended.state, key('?')).state).toBe(ended.state);
		expect(run(mixed(), key('/'), key('al'), {type: 'signal', signal: 'SIGTERM'}).state.settings).toMatchObject({searchTyping: false, search: 'al'});
	});
});

describe('updateOverview: what a service view asks of its poll loop', () => {
	it('passes on a request for the update logs, naming the service', () => {
		// Given a service whose current deployment turns out to be an update
		const update = run(overview(['alpha', 'beta']), to('beta', {type: 'events', events: [event(0, 'The service is being updated.')], at: T0 + 200_000}));
		expect(update.effects).toEqual([{type: 'read-update-logs', serviceId: 'id-beta'}]);
	});
});

describe('updateOverview: time and size', () => {
	it('a tick or a resize reaches every service view', () => {
		const {state} = run(mixed(), {type: 'tick', now: T0 + 300_000}, {type: 'resize', columns: 80, rows: 24});
		expect(state.services.every(service => service.view.now === T0 + 300_000 && service.view.columns === 80 && service.view.rows === 24)).toBe(true);
	});

	it('returns the same state for a tick at the same time', () => {
		const state = mixed();
		expect(run(state, {type: 'tick', now: state.now}).state).toBe(state);
	});
});

describe('updateOverview: the nudge', () => {
	it('rings once when the first deployment fails, and once when the whole set has ended', () => {
		// Given two deployments in progress
		const deploying = run(overview(['alpha', 'beta']), ...poll('alpha', 'deploying'), ...poll('beta', 'deploying')).state;
		expect(deploying.nudges.nudge).toBeNull();

		// When alpha fails: a nudge naming it
		const failed = run(deploying, ...ends('alpha', 'failed')).state;
		expect(failed.nudges.nudge).toEqual({serial: 1, text: expect.stringMatching(/^alpha failed after/)});

		// And when beta succeeds, the set has ended: one more nudge about the set
		const ended = run(failed, ...ends('beta', 'running')).state;
		expect(ended.nudges.nudge).toEqual({serial: 2, text: '2 services ended: 1 succeeded, 1 failed'});

		// And nothing rings again
		expect(run(ended, ...ends('beta', 'running'), ...ends('alpha', 'failed')).state.nudges.nudge?.serial).toBe(2);
	});

	it('a second failure does not ring; the end of the set does', () => {
		const deploying = run(overview(['a', 'b', 'c']), ...poll('a', 'deploying'), ...poll('b', 'deploying'), ...poll('c', 'deploying')).state;
		const twoFailed = run(deploying, ...ends('a', 'failed'), ...ends('b', 'failed')).state;
		expect(twoFailed.nudges.nudge?.serial).toBe(1);
		expect(run(twoFailed, ...ends('c', 'failed')).state.nudges.nudge).toEqual({serial: 2, text: '3 services ended: 3 failed'});
	});

	it('a set that had ended before the watch began does not ring', () => {
		const {state} = run(overview(['alpha', 'beta']), ...poll('alpha', 'running'), ...poll('beta', 'failed'));
		expect(state.nudges.nudge).toBeNull();
	});
});
