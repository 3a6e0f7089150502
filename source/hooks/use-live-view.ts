import {useLayoutEffect, useReducer} from 'react';
import {useStdout} from 'ink';
import type {Config} from '../config/types.js';
import type {EventPage} from '../model/store.js';
import type {Outcome} from '../model/types.js';
import {initialViewState, viewReducer, type ViewState} from '../model/view-state.js';
import {useClock} from './use-clock.js';
import {useCompletionNudge, type NudgeSink} from './use-completion-nudge.js';
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
	/** Esc with nothing to close goes back to the picker; null when there is none. */
	readonly onBack: (() => void) | null;
	/** Where the completion nudge goes; null for none (--no-notify). */
	readonly nudgeSink: NudgeSink | null;
	/** Told the live deployment outcome on mount and whenever it changes; null for nobody. */
	readonly onOutcome: ((outcome: Outcome) => void) | null;
}

/** Everything the view draws from. */
export interface LiveView {
	readonly state: ViewState;
	/** The events on screen, for the current filter, search, order and page. */
	readonly page: EventPage;
	/** The spinner frame, or null for a static glyph. */
	readonly spinnerFrame: number | null;
}

function hasActivePhase(state: ViewState): boolean {
	return state.shown.tracks.some(track => track.phases.some(phase => phase.state === 'active'));
}

/** Whether anything on screen shows time that moves: status line, running timers, event ages. */
function showsMovingTime(state: ViewState): boolean {
	return state.sync.kind !== 'stopped' || state.deployment.outcome === 'in_progress' || state.settings.timeMode === 'relative';
}

/**
 * The live view's state and effects in one place: the reducer, the watcher, the terminal
 * size, the clock, the keys and the completion nudge. Effects only dispatch; the reducer decides.
 */
export function useLiveView({config, watcherFactory, now, initialColumns, initialRows, interactive, onBack, nudgeSink, onOutcome}: LiveViewOptions): LiveView {
	const {stdout} = useStdout();
	const [state, dispatch] = useReducer(viewReducer, null, () =>
		initialViewState({config, now: now(), columns: initialColumns ?? stdout.columns ?? 80, rows: initialRows ?? stdout.rows ?? 24}),
	);
	const {refreshNow} = useWatch(watcherFactory, dispatch);
	useTerminalSize(dispatch);
	const {settings, layout} = state;
	const spinnerVisible = !settings.helpOpen && !settings.detailOpen && layout.phaseMode !== 'hidden' && hasActivePhase(state);
	const spinnerFrame = useClock(dispatch, {ticking: showsMovingTime(state), animate: spinnerVisible && !config.lowBandwidth, now});
	useKeys(dispatch, {refreshNow, state, onBack, isActive: interactive});
	const serviceName = state.details?.service_name ?? config.serviceName ?? config.serviceId ?? 'service';
	useCompletionNudge(state.completion.nudge, serviceName, nudgeSink);
	// A layout effect runs in the commit that applied the message, so whoever decides the exit
	// code on a later timer (--once, the watch's end) already knows the outcome it shows.
	const {outcome} = state.deployment;
	useLayoutEffect(() => {
		onOutcome?.(outcome);
	}, [outcome, onOutcome]);
	return {state, page: state.page, spinnerFrame};
}
