// The service picker's state and its pure reducer: the project's services (refreshed by a
// hook), a name filter typed by the user, and a selection kept by service id so a refresh
// that reorders the list does not move it to another service.
import type {ServiceSummary} from './types.js';
import {outcomeOfStatus} from './outcome.js';

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
	/** Enter was pressed on this service: the app switches to its live view. */
	readonly picked: ServiceSummary | null;
	/** q with an empty filter: the app exits. */
	readonly quit: boolean;
}

// Enter and q are decided here, not in the key handler: keys typed faster than React
// renders must see the state the keys before them produced.
export type PickerAction =
	| {readonly type: 'pick'}
	/** q: quits with an empty filter, else it is a letter of the filter. */
	| {readonly type: 'quit-or-type'}
	| {readonly type: 'loaded'; readonly services: readonly ServiceSummary[]; readonly at: number}
	| {readonly type: 'load-failed'; readonly reason: string; readonly at: number}
	| {readonly type: 'filter-input'; readonly text: string}
	| {readonly type: 'filter-backspace'}
	| {readonly type: 'filter-clear'}
	| {readonly type: 'move'; readonly step: number}
	| {readonly type: 'tick'; readonly now: number}
	| {readonly type: 'resize'; readonly columns: number; readonly rows: number};

export function initialPickerState(now: number, columns: number, rows: number): PickerState {
	return {services: null, error: null, loadedAt: null, filter: '', selectedId: null, now, columns, rows, picked: null, quit: false};
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

function withoutLastCharacter(text: string): string {
	return [...text].slice(0, -1).join('');
}

/** The picker's reducer; returns `state` itself when nothing changes. */
export function pickerReducer(state: PickerState, action: PickerAction): PickerState {
	switch (action.type) {
		case 'loaded': {
			const services = sortServices(action.services);
			if (sameList(state.services, services) && state.error === null) return state.loadedAt === action.at ? state : {...state, loadedAt: action.at};
			return {...state, services, error: null, loadedAt: action.at};
		}

		case 'load-failed': {
			return state.error === action.reason ? state : {...state, error: action.reason};
		}

		case 'pick': {
			const service = selectedService(state);
			return service === null ? state : {...state, selectedId: service.service_id, picked: service};
		}

		case 'quit-or-type': {
			return state.filter === '' ? {...state, quit: true} : {...state, filter: state.filter + 'q', selectedId: null};
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

/** Which parts of the picker fit the terminal, within rows − 1 lines like the live view. */
export interface PickerLayout {
	readonly title: boolean;
	readonly tableHeader: boolean;
	readonly footer: boolean;
	/** The filter line is never given up: it shows what the user types. */
	readonly listRows: number;
}

/** Gives up the table header, then the footer, then the title, until the list has two rows. */
export function pickerLayout(rows: number): PickerLayout {
	const budget = Math.max(0, rows - 1);
	const drafts: ReadonlyArray<Omit<PickerLayout, 'listRows'>> = [
		{title: true, tableHeader: true, footer: true},
		{title: true, tableHeader: false, footer: true},
		{title: true, tableHeader: false, footer: false},
		{title: false, tableHeader: false, footer: false},
	];
	const fixed = (draft: Omit<PickerLayout, 'listRows'>) => 1 + Number(draft.title) + Number(draft.tableHeader) + Number(draft.footer);
	const chosen = drafts.find(draft => budget - fixed(draft) >= 2) ?? drafts.at(-1)!;
	return {...chosen, listRows: Math.max(0, budget - fixed(chosen))};
}

/** The first visible row of the list: the selection stays in sight, centred when it can be. */
export function listWindowStart(selected: number, count: number, listRows: number): number {
	if (listRows <= 0 || count <= listRows) return 0;
	return Math.min(count - listRows, Math.max(0, selected - Math.floor(listRows / 2)));
}
