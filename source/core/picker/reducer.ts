// The service picker's state and its pure reducer: the project's services (refreshed by a
// hook), a name filter typed by the user, and a selection kept by service id so a refresh
// that reorders the list does not move it to another service. Keys arrive as they were
// pressed; what they mean (q quits, or is a letter of the filter) is decided here, in order.
import type {ServiceSummary} from '../types.js';
import {foldKeys, isInterrupt, typedText, withoutLastCharacter, type KeyPress, type KeyPressAction} from '../key-press.js';
import {outcomeOfStatus} from '../deployment/outcome.js';
import {pickerLayout} from './layout.js';
import {only, type Step} from '../step.js';

/** Everything the picker shows. */
export interface PickerState {
	/** Sorted (see sortServices); null until the first list arrived. */
	readonly services: readonly ServiceSummary[] | null;
	/** Why the last refresh failed (the list shown is the previous one), or null. */
	readonly error: string | null;
	/** Client time of the last successful load. */
	readonly loadedAt: number | null;
	/** Case-insensitive part of a service name. */
	readonly filter: string;
	/** The selected service's id, or null for the first match. */
	readonly selectedId: string | null;
	readonly now: number;
	readonly columns: number;
	readonly rows: number;
	/** Why the last watch opened from here ended (a permanent error), or null. */
	readonly notice: string | null;
}

export type PickerAction =
	| KeyPressAction
	| {readonly type: 'pick'}
	| {readonly type: 'loaded'; readonly services: readonly ServiceSummary[]; readonly at: number}
	| {readonly type: 'load-failed'; readonly reason: string; readonly at: number}
	| {readonly type: 'filter-input'; readonly text: string}
	| {readonly type: 'filter-backspace'}
	| {readonly type: 'filter-clear'}
	| {readonly type: 'move'; readonly step: number}
	| {readonly type: 'tick'; readonly now: number}
	| {readonly type: 'resize'; readonly columns: number; readonly rows: number}
	/** Back from a watch: the screen may have changed size meanwhile, and why the watch ended. */
	| {readonly type: 'returned'; readonly columns: number; readonly rows: number; readonly now: number; readonly notice: string | null};

/** What the picker asks the world to do. */
export type PickerEffect = {readonly type: 'watch'; readonly service: ServiceSummary} | {readonly type: 'quit'} | {readonly type: 'interrupt'};

export function initialPickerState(now: number, columns: number, rows: number): PickerState {
	return {services: null, error: null, loadedAt: null, filter: '', selectedId: null, now, columns, rows, notice: null};
}

/** When a service last changed: the newest of its timestamps (0 when none is known). */
export function lastChange(service: ServiceSummary): number {
	return Math.max(service.transition_at ?? 0, service.update_time ?? 0, service.publish_at ?? 0);
}

/** 0: deploying / waiting (needs watching now), 1: failed (needs a look), 2: the rest. */
function urgency(service: ServiceSummary): number {
	const outcome = outcomeOfStatus(service.status);
	if (outcome === 'in_progress') return 0;
	return outcome === 'failed' ? 1 : 2;
}

/** Deploying and waiting first, then failed, then the rest; most recently changed first in each. */
export function sortServices(services: readonly ServiceSummary[]): ServiceSummary[] {
	return [...services].sort(
		(a, b) => urgency(a) - urgency(b) || lastChange(b) - lastChange(a) || a.service_name.localeCompare(b.service_name),
	);
}

/** The services whose name contains the filter (case-insensitive). */
export function visibleServices(state: Pick<PickerState, 'services' | 'filter'>): readonly ServiceSummary[] {
	const needle = state.filter.trim().toLowerCase();
	const services = state.services ?? [];
	return needle === '' ? services : services.filter(service => service.service_name.toLowerCase().includes(needle));
}

/** Index of the selected service among the visible ones (the first when gone or none chosen). */
export function selectedIndex(state: PickerState, visible: readonly ServiceSummary[] = visibleServices(state)): number {
	const index = visible.findIndex(service => service.service_id === state.selectedId);
	return Math.max(0, index);
}

/** The service Enter would watch, or null when nothing matches. */
export function selectedService(state: PickerState): ServiceSummary | null {
	const visible = visibleServices(state);
	return visible[selectedIndex(state, visible)] ?? null;
}

function sameList(a: readonly ServiceSummary[] | null, b: readonly ServiceSummary[]): boolean {
	return a !== null && a.length === b.length && JSON.stringify(a) === JSON.stringify(b);
}

function move(state: PickerState, step: number): PickerState {
	const visible = visibleServices(state);
	if (visible.length === 0) return state;
	const current = selectedIndex(state, visible);
	const index = Math.min(visible.length - 1, Math.max(0, current + step));
	return index === current ? state : {...state, selectedId: visible[index]!.service_id};
}

/**
 * What a key means in the picker: arrows and PgUp/PgDn (a screenful of the list) select, Enter
 * watches, Esc clears the filter, Backspace edits it, q quits while the filter is empty (once
 * typing, q is a letter of the filter), Ctrl+C quits, any other printable key filters.
 */
function pickerKey(state: PickerState, press: KeyPress): PickerAction | Exclude<PickerEffect, {type: 'watch'}> | null {
	if (isInterrupt(press)) return {type: 'interrupt'};
	const page = Math.max(1, pickerLayout(state.rows, state.notice !== null).listRows);
	switch (press.name) {
		case 'up':
			return {type: 'move', step: -1};
		case 'down':
			return {type: 'move', step: 1};
		case 'pageUp':
			return {type: 'move', step: -page};
		case 'pageDown':
			return {type: 'move', step: page};
		case 'return':
			return {type: 'pick'};
		case 'escape':
			return {type: 'filter-clear'};
		case 'backspace':
			return {type: 'filter-backspace'};
		default:
			break;
	}

	const text = typedText(press);
	if (text === 'q' && state.filter === '') return {type: 'quit'};
	return text === null ? null : {type: 'filter-input', text};
}

function reduceKey(state: PickerState, press: KeyPress): Step<PickerState, PickerEffect> {
	const meaning = pickerKey(state, press);
	if (meaning === null) return only(state);
	if (meaning.type === 'quit' || meaning.type === 'interrupt') return [state, [meaning]];
	return reducePicker(state, meaning);
}

/** The picker's reducer: the next state (`state` itself when nothing changes) and its effects. */
export function reducePicker(state: PickerState, action: PickerAction): Step<PickerState, PickerEffect> {
	switch (action.type) {
		case 'key': {
			return foldKeys(state, action.press, reduceKey);
		}

		case 'pick': {
			const service = selectedService(state);
			if (service === null) return only(state);
			return [{...state, selectedId: service.service_id, notice: null}, [{type: 'watch', service}]];
		}

		case 'returned': {
			const {columns, rows, now, notice} = action;
			return only({...state, columns, rows, now, notice});
		}

		default: {
			return only(reduceList(state, action));
		}
	}
}

/** Everything but keys, picks and returns: the list, the filter, the selection, time and size. */
function reduceList(state: PickerState, action: Exclude<PickerAction, {type: 'key' | 'pick' | 'returned'}>): PickerState {
	switch (action.type) {
		case 'loaded': {
			const services = sortServices(action.services);
			if (sameList(state.services, services) && state.error === null) return state.loadedAt === action.at ? state : {...state, loadedAt: action.at};
			return {...state, services, error: null, loadedAt: action.at};
		}

		case 'load-failed': {
			return state.error === action.reason ? state : {...state, error: action.reason};
		}

		case 'filter-input': {
			// The first match of the new filter is selected: what Enter then watches is what the eye lands on.
			return action.text === '' ? state : {...state, filter: state.filter + action.text, selectedId: null};
		}

		case 'filter-backspace': {
			return state.filter === '' ? state : {...state, filter: withoutLastCharacter(state.filter), selectedId: null};
		}

		case 'filter-clear': {
			return state.filter === '' ? state : {...state, filter: '', selectedId: null};
		}

		case 'move': {
			return move(state, action.step);
		}

		case 'tick': {
			return action.now === state.now ? state : {...state, now: action.now};
		}

		case 'resize': {
			return action.columns === state.columns && action.rows === state.rows ? state : {...state, columns: action.columns, rows: action.rows};
		}
	}
}
