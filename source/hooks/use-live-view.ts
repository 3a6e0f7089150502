import {useRef} from 'react';
import {useStdout} from 'ink';
import type {WatcherFactory} from '../api/poll/watcher-types.js';
import type {Config} from '../config/types.js';
import type {EndSource, ExitEnding} from '../core/ending/run-end.js';
import type {Oddity} from '../core/events/data-oddities.js';
import {reduceView} from '../core/view/reducer.js';
import {initialViewState} from '../core/view/initial.js';
import {diagnoseShown} from '../core/view/diagnose.js';
import type {ViewEffect, ViewState} from '../core/view/types.js';
import {useClock} from './use-clock.js';
import {useCompletionNudge, type NudgeSink} from './use-completion-nudge.js';
import {useKeys} from './use-keys.js';
import {useProgram} from './use-program.js';
import {useTerminalSize} from './use-terminal-size.js';
import {useEnding} from './use-ending.js';
import {useWatch, type WatchDoneReader, type WatcherControls} from './use-watch.js';

/** What the live view needs from outside. */
export interface LiveViewOptions {
	readonly config: Config;
	readonly watcherFactory: WatcherFactory;
	readonly now: () => number;
	readonly initialColumns: number | undefined;
	readonly initialRows: number | undefined;
	readonly interactive: boolean;
	/** Esc with nothing to close, or a permanent error (`notice` says why), goes back to the picker; null when there is none. */
	readonly onBack: ((notice: string | null) => void) | null;
	/** Where the completion nudge goes; null for none (--no-notify). */
	readonly nudgeSink: NudgeSink | null;
	/** The signals and the --timeout; null when nothing outside ends the run. */
	readonly ends: EndSource | null;
	/** The watcher's end as a message; null when its end is not watched. */
	readonly readDone: WatchDoneReader | null;
	/** Told the ending once the reducer decided it and its final frame was committed. */
	readonly onExit: ((ending: ExitEnding) => void) | null;
	/** Told each kind of odd server data once, so it can be said again after the view exits; null for nobody. */
	readonly onOddity: ((oddity: Oddity) => void) | null;
}

function hasActivePhase(state: ViewState): boolean {
	return state.deployment.tracks.some(track => track.phases.some(phase => phase.state === 'active'));
}

/** Whether anything on screen shows time that moves: status line, running timers, event ages. */
function showsMovingTime(state: ViewState): boolean {
	return state.sync.kind !== 'stopped' || state.deployment.outcome === 'in_progress' || state.settings.timeMode === 'relative';
}

/** What the clock must drive for this view: ticks while time moves on screen, frames while a spinner shows. */
export function viewClockNeeds(state: ViewState, lowBandwidth: boolean): {readonly ticking: boolean; readonly animate: boolean} {
	const {settings, layout} = state;
	const spinnerVisible = settings.overlay === 'none' && layout.phaseMode !== 'hidden' && hasActivePhase(state);
	return {ticking: showsMovingTime(state) || state.flash !== null, animate: spinnerVisible && !lowBandwidth};
}

/**
 * The live view's state and effects in one place: the reducer program, the watcher, the
 * terminal size, the clock, the keys and the completion nudge. Hooks only dispatch; the reducer
 * decides, and its effects (exit, back, refresh) are carried out here.
 */
export function useLiveView(options: LiveViewOptions): {readonly state: ViewState; readonly spinnerFrame: number | null} {
	const {config, watcherFactory, now, interactive, onBack, nudgeSink, onOddity} = options;
	const {stdout} = useStdout();
	const init = () =>
		initialViewState({
			config,
			now: now(),
			columns: options.initialColumns ?? stdout.columns ?? 80,
			rows: options.initialRows ?? stdout.rows ?? 24,
			canGoBack: onBack !== null,
			endRules: {...config, fromPicker: onBack !== null},
			diagnose: diagnoseShown,
		});
	// The watcher needs the dispatcher, and its effects need the watcher: a ref ties the two.
	const watcher = useRef<WatcherControls>({refreshNow() {}, readUpdateLogs() {}});
	const exit = useRef<(ending: ExitEnding) => void>(() => {});
	const runEffect = (effect: ViewEffect) => {
		if (effect.type === 'refresh') watcher.current.refreshNow();
		else if (effect.type === 'read-update-logs') watcher.current.readUpdateLogs();
		else if (effect.type === 'back') onBack?.(effect.notice);
		else if (effect.type === 'exit') exit.current(effect.ending);
		else if (effect.type === 'data-oddity') onOddity?.(effect.oddity);
	};

	const [state, dispatch] = useProgram(reduceView, init, runEffect);
	exit.current = useEnding(options.ends, dispatch, options.onExit);
	watcher.current = useWatch(watcherFactory, dispatch, options.readDone);
	useTerminalSize(dispatch);
	const spinnerFrame = useClock(dispatch, {...viewClockNeeds(state, config.lowBandwidth), now});
	useKeys(dispatch, interactive);
	const serviceName = state.details?.service_name ?? config.serviceName ?? config.serviceId ?? 'service';
	useCompletionNudge(state.completion.nudge, serviceName, nudgeSink);
	return {state, spinnerFrame};
}
