// The TTY app's state and its pure reducer (Elm style: messages in, new state out). Time
// arrives in actions; nothing here reads a clock. An action that changes nothing returns
// the very same state object, so React skips the render and nothing is written.
import type {Config, Order, TimeZoneSetting, TypeFilter} from '../config/types.js';
import type {DeploymentProgress, ServiceDetails} from './types.js';
import type {SyncState, WatchMessage} from './watch-messages.js';
import {estimateSkew} from './elapsed.js';
import {addEvents, emptyStore, newestOccurTime, type EventPage, type EventStore} from './store.js';
import type {LayoutPlan} from './view-state-layout.js';
import type {OutcomeNotice} from './view-state-notices.js';
import {rederive} from './view-state-derive.js';
import {reduceKey, type KeyAction} from './view-state-keys.js';
import {NO_COMPLETION, trackCompletion, type CompletionState} from './view-state-completion.js';
import type {EventRef} from './view-state-selection.js';
import type {TimelineRow} from './view-state-timeline.js';

export type {KeyAction} from './view-state-keys.js';
export type {EventRef} from './view-state-selection.js';

/** How event times are shown: the configured zone (or the machine's), "2m ago", or UTC. */
export type TimeMode = 'local' | 'relative' | 'utc';

/** What the user chose to see. `page` is 0-based and always in range. */
export interface ViewSettings {
	readonly typeFilter: TypeFilter;
	readonly order: Order;
	readonly page: number;
	readonly helpOpen: boolean;
	/** Text the events must contain (case-insensitive); blank shows every event. */
	readonly search: string;
	/** After `/`: keys are typed into the search until Enter or Esc. */
	readonly searchTyping: boolean;
	/** The event selected with ↑/↓, or null; always on the page shown. */
	readonly selected: EventRef | null;
	/** The selected event's details replace the phases and the table. */
	readonly detailOpen: boolean;
	readonly timeMode: TimeMode;
}

/** What the view shows while paused: the store and progress as they were (polling goes on). */
export interface FrozenView {
	readonly store: EventStore;
	readonly deployment: DeploymentProgress;
}

/** Everything the live view shows, plus what it needs to lay itself out. */
export interface ViewState {
	/** Every event received (live, even while paused). */
	readonly store: EventStore;
	readonly details: ServiceDetails | null;
	/** Why the details API cannot be used (e.g. `403`), or null. */
	readonly detailsUnavailable: string | null;
	readonly sync: SyncState;
	/** Client time of the last successful poll, null before the first. */
	readonly lastSuccessAt: number | null;
	readonly settings: ViewSettings;
	/** Set while paused (space). */
	readonly frozen: FrozenView | null;
	/** Whether this watch saw the deployment end (for the bell and the notification). */
	readonly completion: CompletionState;
	/** Client time of the latest tick (ms since the epoch). */
	readonly now: number;
	readonly columns: number;
	readonly rows: number;
	/** How far the server clock runs ahead of ours (see estimateSkew). */
	readonly skewMs: number;
	// Derived (see view-state-derive.ts for why they are cached here).
	/** Progress from the live data. */
	readonly deployment: DeploymentProgress;
	/** Progress as shown: the frozen one while paused, else the live one. */
	readonly shown: DeploymentProgress;
	readonly notices: readonly OutcomeNotice[];
	/** Phase shares per model once the shown deployment ended. */
	readonly timeline: readonly TimelineRow[];
	readonly layout: LayoutPlan;
	readonly pageSize: number;
	readonly pageCount: number;
	/** The events on screen: shown store, filter, search, order and page applied. */
	readonly page: EventPage;
}

/** The client clock, once per second (source/hooks/use-clock.ts). */
export interface TickAction {
	readonly type: 'tick';
	readonly now: number;
}

/** The terminal changed size (source/hooks/use-terminal-size.ts). */
export interface ResizeAction {
	readonly type: 'resize';
	readonly columns: number;
	readonly rows: number;
}

export type ViewAction = WatchMessage | TickAction | ResizeAction | KeyAction;

/** Where the view starts: settings from the Config, size and time from the caller. */
export interface InitialViewInput {
	readonly config: Pick<Config, 'typeFilter' | 'order'> & {readonly timeZone?: TimeZoneSetting};
	readonly now: number;
	readonly columns: number;
	readonly rows: number;
}

/** The state without its derived parts: what actions change directly. */
export type ViewCore = Omit<ViewState, 'deployment' | 'shown' | 'notices' | 'timeline' | 'layout' | 'pageSize' | 'pageCount' | 'page'>;

/** --utc starts in UTC; the machine's zone and --tz start in `local` (which shows that zone). */
export function initialTimeMode(timeZone: TimeZoneSetting | undefined): TimeMode {
	return timeZone?.kind === 'utc' ? 'utc' : 'local';
}

/** The state before any message: empty store, loading, settings from the Config. */
export function initialViewState({config, now, columns, rows}: InitialViewInput): ViewState {
	return rederive(null, {
		store: emptyStore(),
		details: null,
		detailsUnavailable: null,
		sync: {kind: 'loading'},
		lastSuccessAt: null,
		settings: {
			typeFilter: config.typeFilter,
			order: config.order,
			page: 0,
			helpOpen: false,
			search: '',
			searchTyping: false,
			selected: null,
			detailOpen: false,
			timeMode: initialTimeMode(config.timeZone),
		},
		frozen: null,
		completion: NO_COMPLETION,
		now,
		columns,
		rows,
		skewMs: 0,
	});
}

function sameJson(a: unknown, b: unknown): boolean {
	return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function reduceSync(state: ViewState, sync: SyncState): ViewState {
	const completion = sync.kind === 'ok' ? trackCompletion(state.completion, state.deployment) : state.completion;
	if (completion === state.completion && sameJson(state.sync, sync)) {
		return state;
	}

	const lastSuccessAt = sync.kind === 'ok' || sync.kind === 'retrying' ? (sync.lastSuccessAt ?? state.lastSuccessAt) : state.lastSuccessAt;
	return {...state, sync, lastSuccessAt, completion};
}

function reduceMessage(state: ViewState, message: WatchMessage): ViewState {
	switch (message.type) {
		case 'events': {
			const store = addEvents(state.store, message.events);
			if (store === state.store) {
				return state;
			}

			const newest = newestOccurTime(store);
			const skewMs = newest === null ? state.skewMs : estimateSkew(newest, message.at, state.skewMs);
			return rederive(state, {...state, store, skewMs});
		}

		case 'details': {
			if (sameJson(state.details, message.details) && state.detailsUnavailable === null) {
				return state;
			}

			return rederive(state, {...state, details: message.details, detailsUnavailable: null});
		}

		case 'details-unavailable': {
			return state.detailsUnavailable === message.reason ? state : rederive(state, {...state, detailsUnavailable: message.reason});
		}

		case 'sync': {
			return reduceSync(state, message.state);
		}
	}
}

/** The reducer of the live view. Returns `state` itself when the action changes nothing. */
export function viewReducer(state: ViewState, action: ViewAction): ViewState {
	switch (action.type) {
		case 'tick': {
			return action.now === state.now ? state : {...state, now: action.now};
		}

		case 'resize': {
			if (action.columns === state.columns && action.rows === state.rows) {
				return state;
			}

			return rederive(state, {...state, columns: action.columns, rows: action.rows});
		}

		case 'events':
		case 'details':
		case 'details-unavailable':
		case 'sync': {
			return reduceMessage(state, action);
		}

		default: {
			const change = reduceKey(state, action);
			return change === null ? state : rederive(state, {...state, ...change});
		}
	}
}
