// What the keys mean and what they change, as pure functions of the view state. The hook
// (use-keys.ts) only reports keys; here a key becomes an intent (its meaning depends on the
// mode: while a search is typed every printable key is text) and an intent becomes a change
// of the settings and, for q, r, Esc and Ctrl+C, an effect.
import type {TypeFilter} from '../config/types.js';
import {isInterrupt, typedText, withoutLastCharacter, type KeyPress} from './key-press.js';
import {queryPage} from './store-query.js';
import {neighbourRow, refOf} from './view-state-selection.js';
import {queryOf, shownStore, type KeyAction, type TimeMode, type ViewEffect, type ViewInputs, type ViewSettings, type ViewState} from './view-state-types.js';

/** What an intent changes: the inputs it replaces (null for none), and the effects it asks for. */
export interface KeyChange {
	readonly inputs: Partial<Pick<ViewInputs, 'settings' | 'frozen'>> | null;
	readonly effects: readonly ViewEffect[];
}

const NEXT_FILTER: Readonly<Record<TypeFilter, TypeFilter>> = {all: 'abnormal', abnormal: 'normal', normal: 'all'};
const NEXT_TIME_MODE: Readonly<Record<TimeMode, TimeMode>> = {local: 'relative', relative: 'utc', utc: 'local'};

// Printable keys and the intent each one asks for (outside search typing).
const CHARACTER_KEYS: Readonly<Record<string, KeyAction>> = {
	f: {type: 'cycle-filter'},
	o: {type: 'toggle-order'},
	n: {type: 'next-page'},
	p: {type: 'prev-page'},
	g: {type: 'first-page'},
	G: {type: 'last-page'},
	'?': {type: 'toggle-help'},
	'/': {type: 'search-start'},
	' ': {type: 'toggle-pause'},
	t: {type: 'cycle-time'},
	r: {type: 'refresh'},
	q: {type: 'quit'},
};

const NAMED_KEYS: Partial<Readonly<Record<NonNullable<KeyPress['name']>, KeyAction>>> = {
	up: {type: 'select-prev'},
	down: {type: 'select-next'},
	return: {type: 'open-detail'},
	right: {type: 'next-page'},
	pageDown: {type: 'next-page'},
	left: {type: 'prev-page'},
	pageUp: {type: 'prev-page'},
	home: {type: 'first-page'},
	end: {type: 'last-page'},
	escape: {type: 'escape'},
};

/** While searching, keys are text: only Enter, Esc, Backspace and Ctrl+C keep a meaning. */
function searchIntent(press: KeyPress): KeyAction | null {
	if (press.name === 'escape') return {type: 'escape'};
	if (press.name === 'return') return {type: 'search-accept'};
	if (press.name === 'backspace' || press.name === 'delete') return {type: 'search-backspace'};
	const text = typedText(press);
	return text === null ? null : {type: 'search-input', text};
}

/** The intent of one key in the view's current mode, or null for a key that means nothing here. */
export function keyIntent(settings: ViewSettings, press: KeyPress): KeyAction | null {
	if (isInterrupt(press)) return {type: 'interrupt'};
	if (settings.searchTyping) return searchIntent(press);
	if (press.name !== null) return NAMED_KEYS[press.name] ?? null;
	if (press.ctrl || press.meta) return null;
	return CHARACTER_KEYS[press.text] ?? null;
}

/** What Esc closes, innermost first; null when nothing is open (a picker may then take over). */
export type EscapeTarget = 'search-typing' | 'help' | 'detail' | 'search' | 'selection';

export function escapeTarget(settings: ViewSettings): EscapeTarget | null {
	if (settings.searchTyping) return 'search-typing';
	if (settings.helpOpen) return 'help';
	if (settings.detailOpen) return 'detail';
	if (settings.search !== '') return 'search';
	if (settings.selected !== null) return 'selection';
	return null;
}

function escape(settings: ViewSettings): ViewSettings | null {
	switch (escapeTarget(settings)) {
		case 'search-typing':
		case 'search': {
			return {...settings, search: '', searchTyping: false, page: 0};
		}

		case 'help': {
			return {...settings, helpOpen: false};
		}

		case 'detail': {
			return {...settings, detailOpen: false};
		}

		case 'selection': {
			return {...settings, selected: null};
		}

		case null: {
			return null;
		}
	}
}

/**
 * The settings of the frame a person keeps in the scrollback: the deployment, with no help,
 * no event details and no search being typed (a search kept stays: it explains the table).
 */
export function withoutOverlays(settings: ViewSettings): ViewSettings {
	if (!settings.helpOpen && !settings.detailOpen && !settings.searchTyping) return settings;
	const search = settings.search.trim() === '' ? '' : settings.search;
	return {...settings, helpOpen: false, detailOpen: false, searchTyping: false, search};
}

/** Goes to `page` (clamped); a selection moves to the first row there. */
function toPage(state: ViewState, page: number): ViewSettings | null {
	const {settings, pageCount} = state;
	const clamped = Math.min(pageCount - 1, Math.max(0, page));
	if (clamped === settings.page) return null;
	if (settings.selected === null) return {...settings, page: clamped};
	const first = queryPage(shownStore(state), {...queryOf(settings, state.pageSize), page: clamped}).rows[0];
	return {...settings, page: clamped, selected: first ? refOf(first) : null};
}

function select(state: ViewState, step: 1 | -1): ViewSettings | null {
	const {settings} = state;
	const next = neighbourRow(shownStore(state), queryOf(settings, state.pageSize), state.page, settings.selected, step);
	if (next === null || next.event.key === settings.selected?.key) return null;
	return {...settings, selected: refOf(next.event), page: next.page};
}

function openDetail(state: ViewState): ViewSettings | null {
	const {settings} = state;
	if (settings.selected !== null) return settings.detailOpen ? null : {...settings, detailOpen: true, helpOpen: false};
	const first = state.page.rows[0];
	return first ? {...settings, selected: refOf(first), detailOpen: true, helpOpen: false} : null;
}

function searchChange(settings: ViewSettings, action: KeyAction): ViewSettings | null {
	switch (action.type) {
		case 'search-start': {
			return {...settings, searchTyping: true, helpOpen: false, detailOpen: false};
		}

		case 'search-input': {
			return action.text === '' ? null : {...settings, search: settings.search + action.text, page: 0};
		}

		case 'search-backspace': {
			return settings.search === '' ? null : {...settings, search: withoutLastCharacter(settings.search), page: 0};
		}

		case 'search-accept': {
			// An empty search kept is no search: leave nothing behind to clear.
			return {...settings, searchTyping: false, search: settings.search.trim() === '' ? '' : settings.search};
		}

		default: {
			return null;
		}
	}
}

function settingsChange(state: ViewState, action: KeyAction): ViewSettings | null {
	const {settings} = state;
	switch (action.type) {
		case 'cycle-filter': {
			// A new filter shows different events: page 1 of them, not page 5 of the old ones.
			return {...settings, typeFilter: NEXT_FILTER[settings.typeFilter], page: 0};
		}

		case 'toggle-order': {
			return {...settings, order: settings.order === 'desc' ? 'asc' : 'desc', page: 0};
		}

		case 'next-page':
		case 'prev-page': {
			return toPage(state, settings.page + (action.type === 'next-page' ? 1 : -1));
		}

		case 'first-page':
		case 'last-page': {
			return toPage(state, action.type === 'first-page' ? 0 : state.pageCount - 1);
		}

		case 'toggle-help': {
			return {...settings, helpOpen: !settings.helpOpen};
		}

		case 'select-next':
		case 'select-prev': {
			return select(state, action.type === 'select-next' ? 1 : -1);
		}

		case 'open-detail': {
			return openDetail(state);
		}

		case 'cycle-time': {
			return {...settings, timeMode: NEXT_TIME_MODE[settings.timeMode]};
		}

		default: {
			return searchChange(settings, action);
		}
	}
}

const NOTHING: KeyChange = {inputs: null, effects: []};

/** What an intent changes in `state`, and what it asks the world to do. */
export function applyKey(state: ViewState, action: KeyAction): KeyChange {
	switch (action.type) {
		case 'toggle-pause': {
			// Freezing keeps references only: the store's old versions stay valid and exact.
			return {inputs: {frozen: state.frozen === null ? {store: state.store, deployment: state.deployment} : null}, effects: []};
		}

		case 'refresh': {
			return {inputs: null, effects: [{type: 'refresh'}]};
		}

		case 'quit':
		case 'interrupt': {
			const settings = withoutOverlays(state.settings);
			return {inputs: settings === state.settings ? null : {settings}, effects: [{type: action.type}]};
		}

		case 'escape': {
			const settings = escape(state.settings);
			if (settings !== null) return {inputs: {settings}, effects: []};
			return state.canGoBack ? {inputs: null, effects: [{type: 'back'}]} : NOTHING;
		}

		default: {
			const settings = settingsChange(state, action);
			return settings === null ? NOTHING : {inputs: {settings}, effects: []};
		}
	}
}
