import React, {useCallback, useMemo, useRef, useState} from 'react';
import {useStdout} from 'ink';
import {App, type NudgeSink, type WatcherFactory} from './app.js';
import type {Config} from './config/types.js';
import {usePicker, type ServiceLoader} from './hooks/use-picker.js';
import {initialPickerState, type PickerState} from './model/picker-state.js';
import type {Outcome, ServiceSummary} from './model/types.js';
import {PickerView} from './ui/picker-view.js';

/** Props of the picker-first TTY app: a list of services, then the live view of the chosen one. */
export interface RootProps {
	readonly config: Config;
	readonly loadServices: ServiceLoader;
	/** The watcher factory for one service (a new watcher per watch). */
	readonly watcherFor: (serviceId: string) => WatcherFactory;
	readonly now?: () => number;
	readonly initialColumns: number;
	readonly initialRows: number;
	readonly interactive?: boolean;
	readonly nudgeSink?: NudgeSink | null;
	/** Told when a watch begins or ends (null: back in the list), so the CLI can follow along. */
	readonly onWatching?: (serviceId: string | null) => void;
	/** Told the watched deployment's outcome on each watch's start and whenever it changes. */
	readonly onOutcome?: ((outcome: Outcome) => void) | null;
}

const systemClock = (): number => Date.now();
/** The list changes rarely: a refresh every 10 s at most keeps it fresh without hammering. */
const MIN_REFRESH_MS = 10_000;

interface PickerProps {
	readonly initialState: PickerState;
	readonly loadServices: ServiceLoader;
	readonly refreshMs: number;
	readonly now: () => number;
	readonly interactive: boolean;
	readonly onPick: (service: ServiceSummary, state: PickerState) => void;
	readonly config: Config;
}

function Picker({initialState, onPick, config, ...options}: PickerProps) {
	const stateRef = useRef(initialState);
	const pick = useCallback((service: ServiceSummary) => onPick(service, stateRef.current), [onPick]);
	const state = usePicker({...options, initialState, onPick: pick});
	stateRef.current = state;
	return <PickerView state={state} ascii={config.ascii} color={config.color} />;
}

type Screen = {readonly kind: 'picker'} | {readonly kind: 'watch'; readonly service: ServiceSummary; readonly serial: number};

/**
 * The service picker, and the live view of the service chosen there. Esc in the live view
 * (with nothing left to close) comes back to the list, which keeps its filter and selection.
 */
export function Root({config, loadServices, watcherFor, now = systemClock, initialColumns, initialRows, interactive = true, nudgeSink = null, onWatching, onOutcome = null}: RootProps) {
	const {stdout} = useStdout();
	const [screen, setScreen] = useState<Screen>({kind: 'picker'});
	const pickerState = useRef<PickerState>(initialPickerState(now(), initialColumns, initialRows));
	// The terminal may have been resized on the other screen: each screen starts at today's size.
	const sizeNow = useCallback(
		(fallback: PickerState) => ({columns: stdout.columns || fallback.columns, rows: stdout.rows || fallback.rows}),
		[stdout],
	);
	const onPick = useCallback(
		(service: ServiceSummary, state: PickerState) => {
			pickerState.current = {...state, picked: null};
			onWatching?.(service.service_id);
			setScreen(current => ({kind: 'watch', service, serial: current.kind === 'watch' ? current.serial + 1 : 1}));
		},
		[onWatching],
	);
	const onBack = useCallback(() => {
		pickerState.current = {...pickerState.current, ...sizeNow(pickerState.current), now: now()};
		onWatching?.(null);
		setScreen({kind: 'picker'});
	}, [onWatching, sizeNow, now]);
	const refreshMs = Math.max(MIN_REFRESH_MS, config.intervalMs);
	const watchConfig = useMemo(
		() => (screen.kind === 'watch' ? {...config, serviceId: screen.service.service_id, serviceName: screen.service.service_name} : config),
		[config, screen],
	);
	if (screen.kind === 'picker') {
		return (
			<Picker initialState={pickerState.current} loadServices={loadServices} refreshMs={refreshMs} now={now} interactive={interactive} onPick={onPick} config={config} />
		);
	}

	return (
		<App
			key={screen.serial}
			config={watchConfig}
			watcherFactory={watcherFor(screen.service.service_id)}
			now={now}
			initialColumns={sizeNow(pickerState.current).columns}
			initialRows={sizeNow(pickerState.current).rows}
			interactive={interactive}
			onBack={onBack}
			nudgeSink={nudgeSink}
			onOutcome={onOutcome}
		/>
	);
}
