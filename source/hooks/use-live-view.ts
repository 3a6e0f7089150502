import {useLayoutEffect, useRef} from 'react';
import {useStdout} from 'ink';
import type {WatcherFactory} from '../api/watcher.js';
import type {Config} from '../config/types.js';
import type {WatchFacts} from '../model/watch-end.js';
import type {Oddity} from '../model/data-oddities.js';
import {initialViewState, updateView} from '../model/view-state.js';
import type {ViewEffect, ViewState} from '../model/view-state-types.js';
import {useClock} from './use-clock.js';
import {useCompletionNudge, type NudgeSink} from './use-completion-nudge.js';
import {useKeys} from './use-keys.js';
import {useProgram} from './use-program.js';
import {useTerminalSize} from './use-terminal-size.js';
import {useWatch, type WatcherControls} from './use-watch.js';

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
	/** Told what the watch-end rule needs (outcome, details unavailable, first poll, q and Ctrl+C). */
	readonly report: ((change: Partial<WatchFacts>) => void) | null;
	/** The watch is ending: the frame kept in the scrollback shows the deployment, not an overlay. */
	readonly closing: boolean;
	/** Told each kind of odd server data once, so it can be said again after the view exits; null for nobody. */
	readonly onOddity: ((oddity: Oddity) => void) | null;
}

function hasActivePhase(state: ViewState): boolean {
	return state.shown.tracks.some(track => track.phases.some(phase => phase.state === 'active'));
}

/** Whether anything on screen shows time that moves: status line, running timers, event ages. */
function showsMovingTime(state: ViewState): boolean {
	return state.sync.kind !== 'stopped' || state.deployment.outcome === 'in_progress' || state.settings.timeMode === 'relative';
}

/** What the clock must drive for this view: ticks while time moves on screen, frames while a spinner shows. */
export function viewClockNeeds(state: ViewState, lowBandwidth: boolean): {readonly ticking: boolean; readonly animate: boolean} {
	const {settings, layout} = state;
	const overlay = settings.helpOpen || settings.detailOpen || settings.updateOpen || settings.whyOpen;
	const spinnerVisible = !overlay && layout.phaseMode !== 'hidden' && hasActivePhase(state);
	return {ticking: showsMovingTime(state), animate: spinnerVisible && !lowBandwidth};
}

/**
 * Reports the facts the watch-end rule reads. A layout effect runs in the commit that applied
 * the message, so whoever decides the exit code already knows the outcome on screen.
 */
function useFactReport(state: ViewState, report: LiveViewOptions['report']): void {
	const {outcome} = state.deployment;
	const detailsUnavailable = state.detailsUnavailable !== null;
	const polled = state.lastSuccessAt !== null;
	useLayoutEffect(() => {
		report?.({outcome, detailsUnavailable, polled});
	}, [outcome, detailsUnavailable, polled, report]);
}

/**
 * The live view's state and effects in one place: the reducer program, the watcher, the
 * terminal size, the clock, the keys and the completion nudge. Hooks only dispatch; the reducer
 * decides, and its effects (quit, back, refresh) are carried out here.
 */
export function useLiveView(options: LiveViewOptions): {readonly state: ViewState; readonly spinnerFrame: number | null} {
	const {config, watcherFactory, now, interactive, onBack, nudgeSink, report, closing, onOddity} = options;
	const {stdout} = useStdout();
	const init = () =>
		initialViewState({
			config,
			now: now(),
			columns: options.initialColumns ?? stdout.columns ?? 80,
			rows: options.initialRows ?? stdout.rows ?? 24,
			canGoBack: onBack !== null,
		});
	// The watcher needs the dispatcher, and its effects need the watcher: a ref ties the two.
	const watcher = useRef<WatcherControls>({refreshNow() {}, readUpdateLogs() {}});
	const runEffect = (effect: ViewEffect) => {
		if (effect.type === 'refresh') watcher.current.refreshNow();
		else if (effect.type === 'read-update-logs') watcher.current.readUpdateLogs();
		else if (effect.type === 'back') onBack?.();
		else if (effect.type === 'data-oddity') onOddity?.(effect.oddity);
		else report?.({key: effect.type});
	};

	const [state, dispatch] = useProgram(updateView, init, runEffect);
	watcher.current = useWatch(watcherFactory, dispatch);
	useTerminalSize(dispatch);
	const spinnerFrame = useClock(dispatch, {...viewClockNeeds(state, config.lowBandwidth), now});
	useKeys(dispatch, interactive);
	const serviceName = state.details?.service_name ?? config.serviceName ?? config.serviceId ?? 'service';
	useCompletionNudge(state.completion.nudge, serviceName, nudgeSink);
	useFactReport(state, report);
	useLayoutEffect(() => {
		if (closing) dispatch({type: 'closing'});
	}, [closing, dispatch]);
	return {state, spinnerFrame};
}
