// The overview's pure reducer. Each service's messages go to its own single-view state
// (core/view/reducer.ts), so opening a service shows what the single view shows, without a second
// poll loop; the overview derives its rows, their order and the page from those states.
import type {Config} from '../../config/types.js';
import {foldKeys, withoutLastCharacter, type KeyPress} from '../key-press.js';
import {overviewIntent, type OverviewIntent} from './key-intents.js';
import {pageOf, planOverview} from './layout.js';
import {NO_NUDGES, nudgesAfter} from './nudge.js';
import {displayName, rowGroup, standingOf} from './rows.js';
import type {OverviewAction, OverviewEffect, OverviewInputs, OverviewService, OverviewSettings, OverviewState} from './types.js';
import {only, type Step} from '../step.js';
import {finalView, reduceView} from '../view/reducer.js';
import {initialViewState} from '../view/initial.js';
import {diagnoseShown} from '../view/diagnose.js';
import {NOT_DONE, settleOverviewEnd} from './end.js';
import {factOf, initialEnd} from '../ending/run-end.js';
import type {ViewAction, ViewEffect, ViewState} from '../view/types.js';

/** What a step of the overview asks, before the end rule turns q and Ctrl+C into an exit. */
type StepEffect = OverviewEffect | {readonly type: 'quit'} | {readonly type: 'interrupt'};

export interface InitialOverviewInput {
	readonly config: Pick<Config, 'typeFilter' | 'order' | 'timeZone' | 'once' | 'exitStatus' | 'timeoutMs'>;
	readonly services: ReadonlyArray<{readonly serviceId: string; readonly name: string | null}>;
	readonly now: number;
	readonly columns: number;
	readonly rows: number;
}

export function initialOverviewState({config, services, now, columns, rows}: InitialOverviewInput): OverviewState {
	return deriveOverview({
		services: services.map(({serviceId, name}) => ({
			serviceId,
			listedName: name,
			// Esc in a service's view, with nothing else open, comes back to the overview.
			view: initialViewState({config, now, columns, rows, canGoBack: true, diagnose: diagnoseShown}),
			done: NOT_DONE,
		})),
		openId: null,
		settings: {filter: 'all', search: '', searchTyping: false, helpOpen: false, selectedId: null},
		nudges: NO_NUDGES,
		now,
		columns,
		rows,
		end: initialEnd(config),
		final: false,
	});
}

/** The name a service's row and its nudges use. */
export function nameOf(service: OverviewService): string {
	return displayName(service.view, service.listedName, service.serviceId);
}

/** The rows of the page shown. */
export function pageRows(state: OverviewState): readonly OverviewService[] {
	const start = state.page * Math.max(1, state.layout.listRows);
	return state.shown.slice(start, start + state.layout.listRows);
}

/** Whether a row on screen shows a spinner: a service deploying on the page shown, the help closed. */
export function overviewSpins(state: OverviewState): boolean {
	return !state.settings.helpOpen && pageRows(state).some(service => standingOf(service.view) === 'in_progress');
}

function matches(service: OverviewService, settings: OverviewSettings): boolean {
	const standing = standingOf(service.view);
	if (settings.filter === 'in_progress' && rowGroup(service.view) !== 0) return false;
	if (settings.filter === 'failed' && standing !== 'failed' && standing !== 'error') return false;
	const needle = settings.search.trim().toLowerCase();
	return needle === '' || nameOf(service).toLowerCase().includes(needle);
}

/** The rows, the selection and the page for new inputs. */
function deriveOverview(inputs: OverviewInputs): OverviewState {
	const shown = inputs.services
		.map((service, index) => ({service, index, group: rowGroup(service.view)}))
		.filter(({service}) => matches(service, inputs.settings))
		.sort((a, b) => a.group - b.group || a.index - b.index)
		.map(({service}) => service);
	const found = shown.findIndex(service => service.serviceId === inputs.settings.selectedId);
	const selectedIndex = shown.length === 0 ? -1 : Math.max(0, found);
	const layout = planOverview(inputs.rows);
	return {...inputs, shown, selectedIndex, layout, ...pageOf(selectedIndex, shown.length, layout.listRows)};
}

function withViews(state: OverviewState, change: (view: ViewState) => ViewState): OverviewState {
	const services = state.services.map(service => {
		const view = change(service.view);
		return view === service.view ? service : {...service, view};
	});
	return services.every((service, index) => service === state.services[index]) ? state : {...state, services};
}

/** A message of one service: its view moves on, and the nudge rule reads what changed. */
function reduceService(state: OverviewState, serviceId: string, action: ViewAction): Step<OverviewState, StepEffect> {
	const index = state.services.findIndex(service => service.serviceId === serviceId);
	const service = state.services[index];
	if (service === undefined) return only(state);
	const [view, effects] = reduceView(service.view, action);
	const outward = outwardOf(effects, serviceId);
	if (view === service.view) return [state, outward];
	const changed = {...service, view};
	const services = state.services.with(index, changed);
	const nudges = nudgesAfter(state.nudges, services.map(one => ({name: nameOf(one), view: one.view})), service.view, {name: nameOf(changed), view});
	return [deriveOverview({...state, services, nudges}), outward];
}

/** What a service's view asks, passed on about that service; its Esc-back is the overview's own (reduceOpenKey). */
function outwardOf(effects: readonly ViewEffect[], serviceId: string): StepEffect[] {
	return effects.flatMap((effect): StepEffect[] => {
		switch (effect.type) {
			case 'refresh':
			case 'read-update-logs':
				return [{type: effect.type, serviceId}];
			case 'quit':
			case 'interrupt':
				return [{type: effect.type}];
			case 'data-oddity':
				return [{type: 'data-oddity', serviceId, oddity: effect.oddity}];
			case 'back':
			case 'exit':
				return [];
		}
	});
}

function select(state: OverviewState, index: number): OverviewSettings {
	const clamped = Math.min(state.shown.length - 1, Math.max(0, index));
	return {...state.settings, selectedId: state.shown[clamped]?.serviceId ?? null};
}

const NEXT_FILTER = {all: 'in_progress', in_progress: 'failed', failed: 'all'} as const;

/** What an intent changes in the settings (null: nothing), or the effect it asks for. */
function applyIntent(state: OverviewState, intent: OverviewIntent): OverviewSettings | StepEffect | null {
	const {settings} = state;
	switch (intent.type) {
		case 'move':
			return select(state, state.selectedIndex + intent.step);
		case 'page':
			return select(state, state.selectedIndex + intent.step * Math.max(1, state.layout.listRows));
		case 'first':
			return select(state, 0);
		case 'last':
			return select(state, state.shown.length - 1);
		case 'cycle-filter':
			return {...settings, filter: NEXT_FILTER[settings.filter]};
		case 'search-start':
			return {...settings, searchTyping: true, helpOpen: false};
		case 'search-input':
			// The first match of the new search is selected: what Enter then opens is what the eye lands on.
			return {...settings, search: settings.search + intent.text, selectedId: null};
		case 'search-backspace':
			return settings.search === '' ? null : {...settings, search: withoutLastCharacter(settings.search), selectedId: null};
		case 'search-accept':
			return {...settings, searchTyping: false, search: settings.search.trim() === '' ? '' : settings.search};
		case 'escape':
			// The innermost first: the search being typed, the help, then a search kept.
			if (settings.helpOpen && !settings.searchTyping) return {...settings, helpOpen: false};
			return settings.searchTyping || settings.search !== '' ? {...settings, search: '', searchTyping: false} : null;
		case 'toggle-help':
			return {...settings, helpOpen: !settings.helpOpen};
		case 'refresh':
			return {type: 'refresh', serviceId: null};
		case 'quit':
		case 'interrupt':
			return {type: intent.type};
		case 'open':
			return null;
	}
}

function isEffect(change: OverviewSettings | StepEffect): change is StepEffect {
	return 'type' in change;
}

/** The frame kept in the scrollback: no help and no search being typed. */
function withoutOverlays(settings: OverviewSettings): OverviewSettings {
	if (!settings.helpOpen && !settings.searchTyping) return settings;
	return {...settings, helpOpen: false, searchTyping: false, search: settings.search.trim() === '' ? '' : settings.search};
}

function reduceIntent(state: OverviewState, intent: OverviewIntent): Step<OverviewState, StepEffect> {
	if (intent.type === 'open') {
		const service = state.shown[state.selectedIndex];
		if (service === undefined) return only(state);
		return only({...state, openId: service.serviceId, settings: {...state.settings, selectedId: service.serviceId, helpOpen: false}});
	}

	const change = applyIntent(state, intent);
	if (change === null) return only(state);
	if (!isEffect(change)) return only(deriveOverview({...state, settings: change}));
	return [state, [change]];
}

/** A key in the open service's view: its own reducer decides; Esc with nothing open comes back here. */
function reduceOpenKey(state: OverviewState, openId: string, press: KeyPress): Step<OverviewState, StepEffect> {
	const service = state.services.find(one => one.serviceId === openId);
	if (service === undefined) return only({...state, openId: null});
	const [view, effects] = reduceView(service.view, {type: 'key', press});
	const next = view === service.view ? state : deriveOverview({...state, services: state.services.map(one => (one === service ? {...one, view} : one))});
	const back = effects.some(effect => effect.type === 'back');
	return [back ? {...next, openId: null} : next, outwardOf(effects, openId)];
}

function reduceOverviewKey(state: OverviewState, press: KeyPress): Step<OverviewState, StepEffect> {
	const intent = overviewIntent(state.settings.searchTyping, press);
	return intent === null ? only(state) : reduceIntent(state, intent);
}

/** One key: the overview's, or the open service view's (a key may open or close a view). */
function reduceKey(state: OverviewState, press: KeyPress): Step<OverviewState, StepEffect> {
	return state.openId === null ? reduceOverviewKey(state, press) : reduceOpenKey(state, state.openId, press);
}

function stepOverview(state: OverviewState, action: OverviewAction): Step<OverviewState, StepEffect> {
	switch (action.type) {
		case 'service':
			return reduceService(state, action.serviceId, action.message);
		case 'service-done': {
			const index = state.services.findIndex(service => service.serviceId === action.serviceId);
			const service = state.services[index];
			if (service === undefined) return only(state);
			const done = action.message.failure === null ? {...service.done, pollingDone: true} : {...service.done, failure: action.message.failure};
			return only(deriveOverview({...state, services: state.services.with(index, {...service, done})}));
		}

		case 'tick': {
			if (action.now === state.now) return only(state);
			return only(deriveOverview({...withViews(state, view => reduceView(view, action)[0]), now: action.now}));
		}

		case 'resize': {
			if (action.columns === state.columns && action.rows === state.rows) return only(state);
			const {columns, rows} = action;
			return only(deriveOverview({...withViews(state, view => reduceView(view, action)[0]), columns, rows}));
		}

		case 'key':
			return foldKeys(state, action.press, reduceKey);
		case 'signal':
		case 'timeout':
			// Facts for the end rule alone (updateOverview).
			return only(state);
	}
}

/** The frame kept in the scrollback: the rows (or the open service's view), with no help, search being typed, hint or selection. */
function finalOverview(state: OverviewState): OverviewState {
	const next = {...state, settings: withoutOverlays(state.settings), final: true};
	return deriveOverview(state.openId === null ? next : {...next, services: state.services.map(one => (one.serviceId === state.openId ? {...one, view: finalView(one.view)} : one))});
}

/**
 * The overview's reducer: the next state (the same object when nothing changes) and its
 * effects. After each action the rule for several decides whether the watch is over; once it
 * is, the state is the kept frame, and nothing changes it.
 */
export function reduceOverview(state: OverviewState, action: OverviewAction): Step<OverviewState, OverviewEffect> {
	if (state.final) return only(state);
	const [next, effects] = stepOverview(state, action);
	const key = effects.findLast(effect => effect.type === 'quit' || effect.type === 'interrupt')?.type as 'quit' | 'interrupt' | undefined;
	const change = {...(action.type === 'signal' || action.type === 'timeout' ? factOf(action) : {}), ...(key === undefined ? {} : {key})};
	const outward = effects.filter((effect): effect is OverviewEffect => effect.type !== 'quit' && effect.type !== 'interrupt');
	const {end, effect} = settleOverviewEnd(next, change);
	if (effect?.type !== 'exit') return [end === next.end ? next : {...next, end}, outward];
	return [finalOverview({...next, end}), [...outward, effect]];
}
