// What the key intents change, as pure functions of the view state: the settings and, for
// q, r, Esc and Ctrl+C, an effect (core/view/key-intents.ts decides which intent a key is).
import type {TypeFilter} from '../../config/types.js';
import {withoutLastCharacter} from '../key-press.js';
import {queryPage} from '../events/store-query.js';
import {nothingToOpen} from './flash.js';
import {neighbourRow, refOf} from './selection.js';
import {
	lineShown,
	queryOf,
	shownStore,
	type KeyAction,
	type Overlay,
	type SelectableLine,
	type TimeMode,
	type ViewEffect,
	type ViewInputs,
	type ViewSettings,
	type ViewState,
} from './types.js';

/** What an intent changes: the inputs it replaces (null for none), and the effects it asks for. */
export interface KeyChange {
	readonly inputs: Partial<Pick<ViewInputs, 'settings' | 'frozen' | 'flash'>> | null;
	readonly effects: readonly ViewEffect[];
}

const NEXT_FILTER: Readonly<Record<TypeFilter, TypeFilter>> = {all: 'abnormal', abnormal: 'warning', warning: 'normal', normal: 'all'};
const NEXT_TIME_MODE: Readonly<Record<TimeMode, TimeMode>> = {local: 'relative', relative: 'utc', utc: 'local'};

/** What Esc closes, innermost first; null when nothing is open (a picker may then take over). */
export type EscapeTarget = 'search-typing' | 'help' | 'update' | 'why' | 'pods' | 'detail' | 'search' | 'selection';

export function escapeTarget(settings: ViewSettings): EscapeTarget | null {
	if (settings.searchTyping) return 'search-typing';
	if (settings.overlay !== 'none') return settings.overlay;
	if (settings.search !== '') return 'search';
	if (settings.selected !== null || settings.lineSelected !== null) return 'selection';
	return null;
}

function escape(settings: ViewSettings): ViewSettings | null {
	switch (escapeTarget(settings)) {
		case 'search-typing':
		case 'search': {
			return {...settings, search: '', searchTyping: false, page: 0};
		}

		case 'help':
		case 'update':
		case 'why':
		case 'pods':
		case 'detail': {
			return {...settings, overlay: 'none'};
		}

		case 'selection': {
			return {...settings, selected: null, lineSelected: null};
		}

		case null: {
			return null;
		}
	}
}

/**
 * The settings of the frame a person keeps in the scrollback: the deployment, with no help,
 * no event details, update or diagnosis overlay and no search being typed (a search kept
 * stays: it explains the table).
 */
export function withoutOverlays(settings: ViewSettings): ViewSettings {
	if (settings.overlay === 'none' && !settings.searchTyping) return settings;
	const search = settings.search.trim() === '' ? '' : settings.search;
	return {...settings, overlay: 'none', searchTyping: false, search};
}

/** The overlay after its key: opens it in place of any other, or closes it when it is the one open. */
function toggled(current: Overlay, key: Exclude<Overlay, 'none'>): Overlay {
	return current === key ? 'none' : key;
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

/** The selectable lines above the table, nearest first: the Why block, then the update line. */
function linesAbove(state: ViewState): SelectableLine[] {
	return (['why', 'update'] as const).filter(line => lineShown(state.layout, line));
}

/** ↑ from the first row (`from` null) or from a line: the next line further up, or null at the top. */
function lineUp(state: ViewState, from: SelectableLine | null): SelectableLine | null {
	const lines = linesAbove(state);
	return lines[from === null ? 0 : lines.indexOf(from) + 1] ?? null;
}

/**
 * The next row up or down. Above the first event sit the Why block and the update line (when
 * shown): ↑ there selects them in turn, ↓ comes back down through them to the first row.
 */
function select(state: ViewState, step: 1 | -1): ViewSettings | null {
	const {settings} = state;
	const line = settings.lineSelected;
	if (line !== null) {
		if (step === -1) {
			const up = lineUp(state, line);
			return up === null ? null : {...settings, lineSelected: up};
		}

		const lines = linesAbove(state);
		const down = lines[lines.indexOf(line) - 1];
		if (down !== undefined) return {...settings, lineSelected: down};
	}

	const from = line === null ? settings.selected : null;
	const next = neighbourRow(shownStore(state), queryOf(settings, state.pageSize), state.page, from, step);
	if (next === null) {
		const up = step === -1 && settings.selected !== null ? lineUp(state, null) : null;
		return up === null ? null : {...settings, selected: null, lineSelected: up};
	}

	if (next.event.key === settings.selected?.key) return null;
	return {...settings, selected: refOf(next.event), page: next.page, lineSelected: null};
}

/** `u`, or Enter on the update line: what the update changes, in place of phases and events. */
function toggleUpdate(state: ViewState): ViewSettings | null {
	const {settings} = state;
	if (state.update === null) return null;
	return {...settings, overlay: toggled(settings.overlay, 'update')};
}

/** `w`, or Enter on the Why block: the whole diagnosis, in place of phases and events. */
function toggleWhy(state: ViewState): ViewSettings | null {
	const {settings} = state;
	if (state.why === null) return null;
	return {...settings, overlay: toggled(settings.overlay, 'why')};
}

/** `p`: the deployments' pods and their Warning events (v2), in place of phases and events. */
function togglePods(state: ViewState): ViewSettings | null {
	const {settings} = state;
	if (state.pods === null) return null;
	return {...settings, overlay: toggled(settings.overlay, 'pods')};
}

function openDetail(state: ViewState): ViewSettings | null {
	const {settings} = state;
	if (settings.lineSelected === 'update') return settings.overlay === 'update' ? null : toggleUpdate(state);
	if (settings.lineSelected === 'why') return settings.overlay === 'why' ? null : toggleWhy(state);
	if (settings.selected !== null) return settings.overlay === 'detail' ? null : {...settings, overlay: 'detail'};
	const first = state.page.rows[0];
	return first ? {...settings, selected: refOf(first), overlay: 'detail'} : null;
}

function searchChange(settings: ViewSettings, action: KeyAction): ViewSettings | null {
	switch (action.type) {
		case 'search-start': {
			return {...settings, searchTyping: true, overlay: 'none'};
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
			return {...settings, overlay: toggled(settings.overlay, 'help')};
		}

		case 'select-next':
		case 'select-prev': {
			return select(state, action.type === 'select-next' ? 1 : -1);
		}

		case 'open-detail': {
			return openDetail(state);
		}

		case 'open-update': {
			return toggleUpdate(state);
		}

		case 'open-why': {
			return toggleWhy(state);
		}

		case 'open-pods': {
			return togglePods(state);
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
export function applyIntent(state: ViewState, action: KeyAction): KeyChange {
	switch (action.type) {
		case 'toggle-pause': {
			// Freezing keeps references only: the store's old versions stay valid and exact.
			return {inputs: {frozen: state.frozen === null ? {store: state.store} : null}, effects: []};
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
			return state.canGoBack ? {inputs: null, effects: [{type: 'back', notice: null}]} : NOTHING;
		}

		case 'open-why':
		case 'open-update':
		case 'open-pods': {
			const settings = settingsChange(state, action);
			if (settings !== null) return {inputs: {settings, flash: null}, effects: []};
			return {inputs: {flash: nothingToOpen(action.type)}, effects: []};
		}

		default: {
			const settings = settingsChange(state, action);
			return settings === null ? NOTHING : {inputs: {settings}, effects: []};
		}
	}
}
