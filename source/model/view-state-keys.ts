// What the keys ask for, as pure changes of the view (use-keys.ts maps keys to these
// intents and does nothing else). Each returns only what changes, or null for nothing.
import type {TypeFilter} from '../config/types.js';
import {queryPage} from './store.js';
import {queryOf, shownStore} from './view-state-derive.js';
import {neighbourRow, refOf} from './view-state-selection.js';
import type {TimeMode, ViewCore, ViewSettings, ViewState} from './view-state.js';

/** A user intent from the keyboard. */
export type KeyAction =
	| {readonly type: 'cycle-filter'}
	| {readonly type: 'toggle-order'}
	| {readonly type: 'next-page'}
	| {readonly type: 'prev-page'}
	| {readonly type: 'first-page'}
	| {readonly type: 'last-page'}
	| {readonly type: 'toggle-help'}
	| {readonly type: 'close-help'}
	| {readonly type: 'select-next'}
	| {readonly type: 'select-prev'}
	| {readonly type: 'open-detail'}
	/** Closes the innermost open thing (see escapeTarget). */
	| {readonly type: 'escape'}
	| {readonly type: 'search-start'}
	| {readonly type: 'search-input'; readonly text: string}
	| {readonly type: 'search-backspace'}
	/** Enter while typing: keep the search, leave typing. */
	| {readonly type: 'search-accept'}
	| {readonly type: 'toggle-pause'}
	| {readonly type: 'cycle-time'};

/** What a key changes. */
export type KeyChange = Partial<Pick<ViewCore, 'settings' | 'frozen'>>;

const NEXT_FILTER: Readonly<Record<TypeFilter, TypeFilter>> = {all: 'abnormal', abnormal: 'normal', normal: 'all'};
const NEXT_TIME_MODE: Readonly<Record<TimeMode, TimeMode>> = {local: 'relative', relative: 'utc', utc: 'local'};

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

/** Removes the last character (a whole grapheme: an emoji with modifiers is one). */
function withoutLastCharacter(text: string): string {
	const graphemes = [...new Intl.Segmenter(undefined, {granularity: 'grapheme'}).segment(text)];
	return graphemes.slice(0, -1).map(({segment}) => segment).join('');
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

		case 'close-help': {
			return settings.helpOpen ? {...settings, helpOpen: false} : null;
		}

		case 'select-next':
		case 'select-prev': {
			return select(state, action.type === 'select-next' ? 1 : -1);
		}

		case 'open-detail': {
			return openDetail(state);
		}

		case 'escape': {
			return escape(settings);
		}

		case 'cycle-time': {
			return {...settings, timeMode: NEXT_TIME_MODE[settings.timeMode]};
		}

		default: {
			return searchChange(settings, action);
		}
	}
}

/** What a key changes in `state`, or null when it changes nothing. */
export function reduceKey(state: ViewState, action: KeyAction): KeyChange | null {
	if (action.type === 'toggle-pause') {
		// Freezing keeps references only: the store's old versions stay valid and exact.
		return {frozen: state.frozen === null ? {store: state.store, deployment: state.deployment} : null};
	}

	const settings = settingsChange(state, action);
	return settings === null ? null : {settings};
}
