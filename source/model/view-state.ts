// The TTY app's state and its pure reducer (Elm style: messages in, new state out). Time
// arrives in actions; nothing here reads a clock. An action that changes nothing returns
// the very same state object, so React skips the render and nothing is written.
import type {Config, Order, TypeFilter} from '../config/types.js';
import type {DeploymentProgress, ServiceDetails} from './types.js';
import type {SyncState, WatchMessage} from './watch-messages.js';
import {estimateSkew} from './elapsed.js';
import {addEvents, emptyStore, newestOccurTime, type EventStore} from './store.js';
import type {LayoutPlan} from './view-state-layout.js';
import type {OutcomeNotice} from './view-state-notices.js';
import {deploymentOf, deriveLayout, type DeriveInput} from './view-state-derive.js';
import {reduceKey, type KeyAction} from './view-state-keys.js';

export type {KeyAction} from './view-state-keys.js';

/** What the user chose to see. `page` is 0-based and always in range. */
export interface ViewSettings {
	readonly typeFilter: TypeFilter;
	readonly order: Order;
	readonly page: number;
	readonly helpOpen: boolean;
}

/** Everything the live view shows, plus what it needs to lay itself out. */
export interface ViewState {
	readonly store: EventStore;
	readonly details: ServiceDetails | null;
	/** Why the details API cannot be used (e.g. `403`), or null. */
	readonly detailsUnavailable: string | null;
	readonly sync: SyncState;
	/** Client time of the last successful poll, null before the first. */
	readonly lastSuccessAt: number | null;
	readonly settings: ViewSettings;
	/** Client time of the latest tick (ms since the epoch). */
	readonly now: number;
	readonly columns: number;
	readonly rows: number;
	/** How far the server clock runs ahead of ours (see estimateSkew). */
	readonly skewMs: number;
	// Derived (see view-state-derive.ts for why they are cached here).
	readonly deployment: DeploymentProgress;
	readonly notices: readonly OutcomeNotice[];
	readonly layout: LayoutPlan;
	readonly pageSize: number;
	readonly pageCount: number;
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
	readonly config: Pick<Config, 'typeFilter' | 'order'>;
	readonly now: number;
	readonly columns: number;
	readonly rows: number;
}

/** The state without its derived parts: what actions change directly. */
type ViewCore = Omit<ViewState, 'deployment' | 'notices' | 'layout' | 'pageSize' | 'pageCount'>;

function inputOf(state: ViewCore): DeriveInput {
	return {...state, typeFilter: state.settings.typeFilter, page: state.settings.page};
}

/** Recomputes the derived parts; the deployment only when its inputs changed. */
function rederive(previous: ViewState | null, next: ViewCore): ViewState {
	const deployment =
		previous !== null && previous.store === next.store && previous.details === next.details
			? previous.deployment
			: deploymentOf(next.store, next.details);
	const {notices, layout, pageSize, pageCount, page} = deriveLayout(inputOf(next), deployment);
	const settings = page === next.settings.page ? next.settings : {...next.settings, page};
	return {...next, settings, deployment, notices, layout, pageSize, pageCount};
}

/** The state before any message: empty store, loading, settings from the Config. */
export function initialViewState({config, now, columns, rows}: InitialViewInput): ViewState {
	return rederive(null, {
		store: emptyStore(),
		details: null,
		detailsUnavailable: null,
		sync: {kind: 'loading'},
		lastSuccessAt: null,
		settings: {typeFilter: config.typeFilter, order: config.order, page: 0, helpOpen: false},
		now,
		columns,
		rows,
		skewMs: 0,
	});
}

function sameJson(a: unknown, b: unknown): boolean {
	return a === b || JSON.stringify(a) === JSON.stringify(b);
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
			if (sameJson(state.sync, message.state)) {
				return state;
			}

			const sync = message.state;
			const lastSuccessAt = sync.kind === 'ok' || sync.kind === 'retrying' ? (sync.lastSuccessAt ?? state.lastSuccessAt) : state.lastSuccessAt;
			return {...state, sync, lastSuccessAt};
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
			const settings = reduceKey(state.settings, action, state.pageCount);
			return settings === state.settings ? state : rederive(state, {...state, settings});
		}
	}
}
