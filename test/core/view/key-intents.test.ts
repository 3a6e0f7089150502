import {describe, expect, test} from 'vitest';
import type {KeyPress} from '../../../source/core/key-press.js';
import {finalView, reduceView} from '../../../source/core/view/reducer.js';
import {initialViewState} from '../../../source/core/view/initial.js';
import type {ViewAction, ViewState} from '../../../source/core/view/types.js';
import {DEPLOYING_EVENTS, T0, makeConfig} from '../../ui/fixtures.js';
import {runView as run} from './run-view.js';
import {keyIntent} from '../../../source/core/view/key-intents.js';
import {overviewIntent} from '../../../source/core/overview/key-intents.js';
import {diagnoseShown} from '../../../source/core/view/diagnose.js';

const press = (text: string, name: KeyPress['name'] = null, ctrl = false): ViewAction => ({type: 'key', press: {text, name, ctrl, meta: false}});

function start(canGoBack = false): ViewState {
	const initial = initialViewState({diagnose: diagnoseShown, config: makeConfig(), now: T0, columns: 120, rows: 40, canGoBack});
	return reduceView(initial, {type: 'events', events: DEPLOYING_EVENTS, at: T0})[0];
}


describe('keys: what a key means depends on the mode, and is decided in order', () => {
	test('a burst "/q" starts a search and types q into it: it does not quit', () => {
		const {state, effects} = run(start(), press('/q'));
		expect(state.settings).toMatchObject({searchTyping: true, search: 'q'});
		expect(effects).toEqual([]);
	});

	test('q quits outside a search, r asks for a refresh, Ctrl+C interrupts even while typing', () => {
		expect(run(start(), press('q')).effects).toEqual([{type: 'quit'}]);
		expect(run(start(), press('r')).effects).toEqual([{type: 'refresh'}]);
		expect(run(start(), press('/'), press('c', null, true)).effects).toEqual([{type: 'interrupt'}]);
	});

	test('quitting with the help or an event open leaves the deployment on screen, not the overlay', () => {
		const help = run(start(), press('?'), press('q')).state;
		expect(help.settings.overlay).toBe('none');
		const detail = run(start(), press('', 'return'), press('q')).state;
		expect(detail.settings).toMatchObject({overlay: 'none', selected: expect.anything()});
		const typing = run(start(), press('/pull'), press('c', null, true)).state;
		expect(typing.settings).toMatchObject({searchTyping: false, search: 'pull'});
	});

	test('the watch ending for another reason closes overlays too, and nothing changes the kept frame', () => {
		const open = run(start(), press('?')).state;
		const closed = finalView(open);
		expect(closed.settings.overlay).toBe('none');
		expect(reduceView(closed, press('?'))[0]).toBe(closed);
	});

	test('Esc closes the innermost open thing, and only then goes back to the picker (when there is one)', () => {
		const {state, effects} = run(start(true), press('', 'down'), press('?'), press('', 'escape'), press('', 'escape'));
		expect(state.settings).toMatchObject({overlay: 'none', selected: null});
		expect(effects).toEqual([]);
		expect(run(state, press('', 'escape')).effects).toEqual([{type: 'back', notice: null}]);
		expect(run(start(false), press('', 'escape')).effects).toEqual([]);
	});

	test('Backspace within a burst edits the search; keys that mean nothing change nothing', () => {
		expect(run(start(), press('/ab\u007F')).state.settings.search).toBe('a');
		const base = start();
		expect(reduceView(base, press('z'))[0]).toBe(base);
		expect(reduceView(base, press('', 'tab'))[0]).toBe(base);
	});
});

describe('keys with nothing to open say so for a moment', () => {
	test('w without a diagnosis and u without an update flash a word that goes after a few ticks', () => {
		// Given a deployment in progress, neither failed nor slow, and no update
		const why = run(start(), press('w')).state;
		expect(why.settings.overlay).toBe('none');
		expect(why.flash?.text).toBe('nothing to explain: no failure and no slow phase');
		expect(run(start(), press('u')).state.flash?.text).toBe('no update to show');

		// When the clock ticks, the word stays a moment and then goes
		const ticks = (state: ViewState, count: number) =>
			Array.from({length: count}, (_, index) => index).reduce((current, index) => reduceView(current, {type: 'tick', now: T0 + (index + 1) * 1000})[0], state);
		expect(ticks(why, 2).flash).not.toBeNull();
		expect(ticks(why, 3).flash).toBeNull();
	});
});

describe('< and > page, as the --ascii key bar says', () => {
	test('in the live view and on the overview', () => {
		const key = (text: string): KeyPress => ({text, name: null, ctrl: false, meta: false});
		expect(keyIntent(start().settings, key('>'))).toEqual({type: 'next-page'});
		expect(keyIntent(start().settings, key('<'))).toEqual({type: 'prev-page'});
		expect(overviewIntent(false, key('>'))).toEqual({type: 'page', step: 1});
		expect(overviewIntent(false, key('<'))).toEqual({type: 'page', step: -1});
		// While a search is typed they are text
		expect(overviewIntent(true, key('>'))).toEqual({type: 'search-input', text: '>'});
	});
});

describe('p: the pods of a v2 service', () => {
	const report = {deployments: [], pods: [{pod_name: 'svc-0', status: 'PENDING', node: null}], events: []};

	test('opens over whatever is open once pods were read, and Esc or p closes it', () => {
		const read = reduceView(start(), {type: 'pods', report, at: T0})[0];
		const help = run(read, press('?')).state;
		expect(run(help, press('p')).state.settings.overlay).toBe('pods');
		expect(run(read, press('p'), press('', 'escape')).state.settings.overlay).toBe('none');
		expect(run(read, press('p'), press('p')).state.settings.overlay).toBe('none');
	});

	test('with no pods read (v1, or none yet), says so for a moment and opens nothing', () => {
		const {state} = run(start(), press('p'));
		expect(state.settings.overlay).toBe('none');
		expect(state.flash?.text).toBe('no pods to show: read only for a v2 service while it deploys');
	});
});
