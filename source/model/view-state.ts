// The live view's pure reducer (Elm style: messages in, the next state and its effects out).
// Time arrives in actions; nothing here reads a clock. An action that changes nothing
// returns the very same state object, so React skips the render and nothing is written.
import type {Config, TimeZoneSetting} from '../config/types.js';
import {DEFAULT_DEPLOY_TIMEOUT_MS, DEFAULT_SLOW_THRESHOLDS} from './diagnosis/thresholds.js';
import type {SyncState, WatchMessage} from './watch-messages.js';
import {estimateSkew} from './elapsed.js';
import {foldKeys, type KeyPress} from './key-press.js';
import {addEvents, applyRepeats, emptyStore, newestOccurTime, storeEvents} from './store.js';
import {only, type Update} from './update.js';
import {nextUpdateLogRead, NO_UPDATE_LOG_READS, withUpdateRecords} from './update-log-reads.js';
import {NO_COMPLETION, trackCompletion} from './view-state-completion.js';
import {deriveView} from './view-state-derive.js';
import {keyIntent} from './view-state-intents.js';
import {applyKey, withoutOverlays} from './view-state-keys.js';
import {initialTimeMode, type KeyAction, type ViewAction, type ViewEffect, type ViewState} from './view-state-types.js';

/** Where the view starts: settings from the Config, size and time from the caller. */
export interface InitialViewInput {
	readonly config: Pick<Config, 'typeFilter' | 'order'> & Partial<Pick<Config, 'slowThresholds' | 'deployTimeoutMs'>> & {readonly timeZone?: TimeZoneSetting};
	readonly now: number;
	readonly columns: number;
	readonly rows: number;
	/** Opened from the service picker: Esc with nothing open goes back. */
	readonly canGoBack?: boolean;
}

/** The state before any message: empty store, loading, settings from the Config. */
export function initialViewState({config, now, columns, rows, canGoBack = false}: InitialViewInput): ViewState {
	return deriveView(null, {
		store: emptyStore(),
		details: null,
		detailsUnavailable: null,
		monitor: null,
		monitorUnavailable: null,
		updateReads: NO_UPDATE_LOG_READS,
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
			lineSelected: null,
			updateOpen: false,
			whyOpen: false,
			timeMode: initialTimeMode(config.timeZone),
		},
		frozen: null,
		completion: NO_COMPLETION,
		now,
		columns,
		rows,
		skewMs: 0,
		canGoBack,
		slowLimits: {thresholds: config.slowThresholds ?? DEFAULT_SLOW_THRESHOLDS, timeoutMs: config.deployTimeoutMs ?? DEFAULT_DEPLOY_TIMEOUT_MS},
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

/** New events or details: the state again, and a read of the update logs when the rule says so. */
function withData(state: ViewState, next: ViewState): Update<ViewState, ViewEffect> {
	const derived = deriveView(state, next);
	const {reads, read} = nextUpdateLogRead(derived.updateReads, storeEvents(derived.store), derived.deployment, derived.details);
	const settled = reads === derived.updateReads ? derived : deriveView(derived, {...derived, updateReads: reads});
	return [settled, read ? [{type: 'read-update-logs'}] : []];
}

function reduceMessage(state: ViewState, message: WatchMessage): Update<ViewState, ViewEffect> {
	switch (message.type) {
		case 'events': {
			const {store} = addEvents(state.store, message.events);
			if (store === state.store) {
				return only(state);
			}

			const newest = newestOccurTime(store);
			const skewMs = newest === null ? state.skewMs : estimateSkew(newest, message.at, state.skewMs);
			return withData(state, {...state, store, skewMs});
		}

		case 'event-updates': {
			const {store} = applyRepeats(state.store, message.updates);
			return store === state.store ? only(state) : withData(state, {...state, store});
		}

		case 'details': {
			if (sameJson(state.details, message.details) && state.detailsUnavailable === null) {
				return only(state);
			}

			return withData(state, {...state, details: message.details, detailsUnavailable: null});
		}

		case 'details-unavailable': {
			return only(state.detailsUnavailable === message.reason ? state : deriveView(state, {...state, detailsUnavailable: message.reason}));
		}

		case 'monitor': {
			return only(sameJson(state.monitor, message.monitor) ? state : deriveView(state, {...state, monitor: message.monitor}));
		}

		case 'monitor-unavailable': {
			return only(state.monitorUnavailable === message.reason ? state : deriveView(state, {...state, monitorUnavailable: message.reason}));
		}

		case 'update-logs': {
			return only(deriveView(state, {...state, updateReads: withUpdateRecords(state.updateReads, message.records)}));
		}

		case 'pods': {
			// Kept by the fold of watch data once it lands; the live view shows nothing of it yet.
			return only(state);
		}

		case 'update-logs-unavailable': {
			// Said once in --debug by the run (cli/run.ts); the view carries on without the line.
			return only(state);
		}

		case 'sync': {
			return only(reduceSync(state, message.state));
		}
	}
}

function reduceIntent(state: ViewState, action: KeyAction): Update<ViewState, ViewEffect> {
	const {inputs, effects} = applyKey(state, action);
	return [inputs === null ? state : deriveView(state, {...state, ...inputs}), effects];
}

/** One key: its intent in the view's current mode, applied. */
function reduceKey(state: ViewState, press: KeyPress): Update<ViewState, ViewEffect> {
	const intent = keyIntent(state.settings, press);
	return intent === null ? only(state) : reduceIntent(state, intent);
}

/** The reducer of the live view: the next state (the same object when nothing changes) and its effects. */
export function updateView(state: ViewState, action: ViewAction): Update<ViewState, ViewEffect> {
	switch (action.type) {
		case 'tick': {
			if (action.now === state.now) return only(state);
			// While the deployment runs, the clock may make a phase slow: the diagnosis (and,
			// when the Why block appears or changes size, the layout) follows once per tick.
			return only(state.shown.outcome === 'in_progress' ? deriveView(state, {...state, now: action.now}) : {...state, now: action.now});
		}

		case 'resize': {
			if (action.columns === state.columns && action.rows === state.rows) {
				return only(state);
			}

			return only(deriveView(state, {...state, columns: action.columns, rows: action.rows}));
		}

		case 'events':
		case 'event-updates':
		case 'details':
		case 'details-unavailable':
		case 'monitor':
		case 'monitor-unavailable':
		case 'update-logs':
		case 'update-logs-unavailable':
		case 'pods':
		case 'sync': {
			return reduceMessage(state, action);
		}

		case 'key': {
			return foldKeys(state, action.press, reduceKey);
		}

		case 'closing': {
			const settings = withoutOverlays(state.settings);
			return only(settings === state.settings ? state : deriveView(state, {...state, settings}));
		}

		default: {
			return reduceIntent(state, action);
		}
	}
}
