import React, {useCallback, useMemo} from 'react';
import {useStdout} from 'ink';
import {App, type NudgeSink} from './app.js';
import type {WatcherFactory} from './api/poll/watcher-types.js';
import type {Config} from './config/types.js';
import {createProgram, useProgramState, type Program} from './hooks/use-program.js';
import {useEndMessages} from './hooks/use-ending.js';
import {usePicker, type ServiceLoader} from './hooks/use-picker.js';
import {initialPickerState, type PickerAction} from './core/picker/reducer.js';
import {initialRootState, reduceRoot, type RootAction, type RootEffect, type RootState} from './core/picker/root.js';
import type {EndSource, ExitEnding} from './core/ending/run-end.js';
import type {EndRules} from './core/ending/watch-end.js';
import type {WatchDoneReader} from './hooks/use-watch.js';
import type {Oddity} from './core/events/data-oddities.js';
import {PickerView} from './ui/picker/picker-view.js';

/** The picker-or-watch program; the CLI creates it so that a failed watch can send the screen back to the list. */
export type RootProgram = Program<RootState, RootAction>;

/** A root program at this time and terminal size, ending by `rules`; its exit effect carried out by `runEffect`. */
export function createRootProgram(now: number, columns: number, rows: number, rules: EndRules, runEffect: (effect: RootEffect) => void): RootProgram {
	return createProgram(reduceRoot, initialRootState(initialPickerState(now, columns, rows), rules), () => runEffect);
}

export interface RootProps {
	readonly config: Config;
	readonly program: RootProgram;
	readonly loadServices: ServiceLoader;
	/** The watcher factory for one service (a new watcher per watch). */
	readonly watcherFor: (serviceId: string) => WatcherFactory;
	readonly now?: () => number;
	readonly interactive?: boolean;
	readonly nudgeSink?: NudgeSink | null;
	/** The signals and the --timeout: the list's program takes them, and so does the watch shown (see AppProps). */
	readonly ends?: EndSource | null;
	readonly readDone?: WatchDoneReader | null;
	/** Told the ending a watch's view decided (the list's own goes out as the program's effect). */
	readonly onExit?: ((ending: ExitEnding) => void) | null;
	/** Told each kind of odd server data once (the CLI says it again after the view exits). */
	readonly onOddity?: ((oddity: Oddity) => void) | null;
}

const systemClock = (): number => Date.now();
/** The list changes rarely: a refresh every 10 s at most keeps it fresh without hammering. */
const MIN_REFRESH_MS = 10_000;

interface PickerScreenProps {
	readonly state: RootState['picker'];
	readonly dispatch: (action: PickerAction) => void;
	readonly loadServices: ServiceLoader;
	readonly refreshMs: number;
	readonly now: () => number;
	readonly interactive: boolean;
	readonly config: Config;
}

function PickerScreen({state, dispatch, config, ...options}: PickerScreenProps) {
	usePicker(dispatch, options);
	return <PickerView state={state} display={config} />;
}

/**
 * The service picker, and the live view of the service chosen there. Esc in the live view
 * (with nothing left to close) comes back to the list, which keeps its filter and selection.
 */
export function Root({config, program, loadServices, watcherFor, now = systemClock, interactive = true, nudgeSink = null, ends = null, readDone = null, onExit = null, onOddity = null}: RootProps) {
	const {stdout} = useStdout();
	const state = useProgramState(program);
	const {dispatch} = program;
	const pickerDispatch = useCallback((action: PickerAction) => dispatch({type: 'picker', action}), [dispatch]);
	// The terminal may have been resized on the other screen: each screen starts at today's size.
	const columns = stdout.columns || state.picker.columns;
	const rows = stdout.rows || state.picker.rows;
	const onBack = useCallback((notice: string | null) => dispatch({type: 'back', columns, rows, now: now(), notice}), [dispatch, columns, rows, now]);
	useEndMessages(ends, dispatch);
	const {screen} = state;
	const watchConfig = useMemo(
		() => (screen.kind === 'watch' ? {...config, serviceId: screen.service.service_id, serviceName: screen.service.service_name} : config),
		[config, screen],
	);
	if (screen.kind === 'picker') {
		const refreshMs = Math.max(MIN_REFRESH_MS, config.intervalMs);
		return <PickerScreen state={state.picker} dispatch={pickerDispatch} loadServices={loadServices} refreshMs={refreshMs} now={now} interactive={interactive} config={config} />;
	}

	return (
		<App
			key={screen.serial}
			config={watchConfig}
			watcherFactory={watcherFor(screen.service.service_id)}
			now={now}
			initialColumns={columns}
			initialRows={rows}
			interactive={interactive}
			onBack={onBack}
			nudgeSink={nudgeSink}
			ends={ends}
			readDone={readDone}
			onExit={onExit}
			onOddity={onOddity}
		/>
	);
}
