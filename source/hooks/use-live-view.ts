import {useMemo, useReducer} from 'react';
import {useStdout} from 'ink';
import type {Config} from '../config/types.js';
import {queryPage, type EventPage} from '../model/store.js';
import {initialViewState, viewReducer, type ViewState} from '../model/view-state.js';
import {useClock} from './use-clock.js';
import {useKeys} from './use-keys.js';
import {useTerminalSize} from './use-terminal-size.js';
import {useWatch, type WatcherFactory} from './use-watch.js';

/** What the live view needs from outside. */
export interface LiveViewOptions {
	readonly config: Config;
	readonly watcherFactory: WatcherFactory;
	readonly now: () => number;
	readonly initialColumns: number | undefined;
	readonly initialRows: number | undefined;
	readonly interactive: boolean;
}

/** Everything the view draws from. */
export interface LiveView {
	readonly state: ViewState;
	/** The events on screen, for the current filter, order and page. */
	readonly page: EventPage;
	/** The spinner frame, or null for a static glyph. */
	readonly spinnerFrame: number | null;
}

function hasActivePhase(state: ViewState): boolean {
	return state.deployment.tracks.some(track => track.phases.some(phase => phase.state === 'active'));
}

/**
 * The live view's state and effects in one place: the reducer, the watcher, the terminal
 * size, the clock and the keys. Effects only dispatch; the reducer decides.
 */
export function useLiveView({config, watcherFactory, now, initialColumns, initialRows, interactive}: LiveViewOptions): LiveView {
	const {stdout} = useStdout();
	const [state, dispatch] = useReducer(viewReducer, null, () =>
		initialViewState({config, now: now(), columns: initialColumns ?? stdout.columns ?? 80, rows: initialRows ?? stdout.rows ?? 24}),
	);
	const {refreshNow} = useWatch(watcherFactory, dispatch);
	useTerminalSize(dispatch);
	const {settings, layout, deployment} = state;
	const spinnerVisible = !settings.helpOpen && layout.phaseMode !== 'hidden' && hasActivePhase(state);
	// Time only matters while the poll loop runs or a deployment's timers tick.
	const ticking = state.sync.kind !== 'stopped' || deployment.outcome === 'in_progress';
	const spinnerFrame = useClock(dispatch, {ticking, animate: spinnerVisible && !config.lowBandwidth, now});
	useKeys(dispatch, {refreshNow, helpOpen: settings.helpOpen, isActive: interactive});
	const page = useMemo(
		() => queryPage(state.store, {type: settings.typeFilter, order: settings.order, search: '', page: settings.page, pageSize: state.pageSize}),
		[state.store, settings.typeFilter, settings.order, settings.page, state.pageSize],
	);
	return {state, page, spinnerFrame};
}
