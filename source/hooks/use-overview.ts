import {useEffect, useRef} from 'react';
import {useStdout} from 'ink';
import {createWatchSet, type WatchSet} from '../api/poll/watch-set.js';
import type {WatcherFactory} from '../api/poll/watcher-types.js';
import type {Config} from '../config/types.js';
import type {SetNudge} from '../core/overview/nudge.js';
import {overviewTicks} from '../core/overview/rows.js';
import {initialOverviewState, overviewSpins, reduceOverview} from '../core/overview/reducer.js';
import type {OverviewAction, OverviewEffect, OverviewState} from '../core/overview/types.js';
import type {EndSource, ExitEnding} from '../core/ending/run-end.js';
import type {Oddity} from '../core/events/data-oddities.js';
import type {NudgeSink} from './use-completion-nudge.js';
import {useClock} from './use-clock.js';
import {useKeys} from './use-keys.js';
import {viewClockNeeds} from './use-live-view.js';
import {useEnding} from './use-ending.js';
import {useProgram} from './use-program.js';
import type {WatchDoneReader} from './use-watch.js';
import {useTerminalSize} from './use-terminal-size.js';
import {nudgeBytes} from './terminal-notify.js';

/** What the overview needs from outside. */
export interface OverviewOptions {
	readonly config: Config;
	/** The services, in the order given; `name` from the project's list when known. */
	readonly services: ReadonlyArray<{readonly serviceId: string; readonly name: string | null}>;
	readonly watcherFor: (serviceId: string) => WatcherFactory;
	readonly now: () => number;
	readonly initialColumns: number | undefined;
	readonly initialRows: number | undefined;
	readonly interactive: boolean;
	readonly nudgeSink: NudgeSink | null;
	/** The signals and the --timeout; null when nothing outside ends the run. */
	readonly ends: EndSource | null;
	/** A poll loop's end as a message; null when their ends are not watched. */
	readonly readDone: WatchDoneReader | null;
	/** Told the ending once the reducer decided it and its final frame was committed. */
	readonly onExit: ((ending: ExitEnding) => void) | null;
	/** Told each kind of odd server data once (the CLI says it again after the overview exits); null for nobody. */
	readonly onOddity: ((oddity: Oddity) => void) | null;
}

/** Every service's poll loop, started spread over the first interval and stopped on unmount. */
function useWatchSet(options: OverviewOptions, dispatch: (action: OverviewAction) => void): (effect: Extract<OverviewEffect, {type: 'refresh' | 'read-update-logs'}>) => void {
	const first = useRef(options);
	const set = useRef<WatchSet | null>(null);
	useEffect(() => {
		const {services, watcherFor, config} = first.current;
		const watchSet = createWatchSet(
			services.map(({serviceId}) => ({serviceId, createWatcher: watcherFor(serviceId)})),
			(serviceId, message) => dispatch({type: 'service', serviceId, message}),
			{intervalMs: config.intervalMs},
		);
		set.current = watchSet;
		let mounted = true;
		for (const [serviceId, watcher] of watchSet.watchers) {
			void first.current.readDone?.(watcher.done).then(message => {
				if (mounted && message !== null) dispatch({type: 'service-done', serviceId, message});
			});
		}

		watchSet.start();
		return () => {
			mounted = false;
			set.current = null;
			watchSet.stop();
		};
	}, [dispatch]);
	return effect => {
		for (const [id, watcher] of set.current?.watchers ?? []) {
			if (effect.type === 'read-update-logs' && id === effect.serviceId) watcher.readUpdateLogs();
			if (effect.type === 'refresh' && (effect.serviceId === null || id === effect.serviceId)) watcher.refreshNow();
		}
	};
}

/** Rings the bell and sends the notification once per nudge the reducer decided on. */
function useSetNudge(nudge: SetNudge | null, sink: NudgeSink | null): void {
	const latest = useRef(sink);
	latest.current = sink;
	useEffect(() => {
		if (nudge !== null && latest.current !== null) latest.current.write(nudgeBytes(latest.current.protocol, 'modelarts-watch', nudge.text));
	}, [nudge]);
}

function clockNeeds(state: OverviewState, lowBandwidth: boolean): {readonly ticking: boolean; readonly animate: boolean} {
	const open = state.services.find(service => service.serviceId === state.openId);
	if (open !== undefined) return viewClockNeeds(open.view, lowBandwidth);
	return {ticking: overviewTicks(state.services.map(service => service.view)), animate: !lowBandwidth && overviewSpins(state)};
}

/**
 * The overview's state and effects: the reducer program, every service's poll loop, the
 * terminal size, the clock, the keys and the nudge. Hooks only dispatch; the reducer decides.
 */
export function useOverview(options: OverviewOptions): {readonly state: OverviewState; readonly spinnerFrame: number | null} {
	const {config, now, interactive, nudgeSink} = options;
	const {stdout} = useStdout();
	const init = () =>
		initialOverviewState({
			config,
			services: options.services,
			now: now(),
			columns: options.initialColumns ?? stdout.columns ?? 80,
			rows: options.initialRows ?? stdout.rows ?? 24,
		});
	// The poll loops need the dispatcher, and the effects need the poll loops: a ref ties the two.
	const toWatchers = useRef<(effect: Extract<OverviewEffect, {type: 'refresh' | 'read-update-logs'}>) => void>(() => {});
	const exit = useRef<(ending: ExitEnding) => void>(() => {});
	const runEffect = (effect: OverviewEffect) => {
		if (effect.type === 'exit') exit.current(effect.ending);
		else if (effect.type === 'data-oddity') options.onOddity?.(effect.oddity);
		else toWatchers.current(effect);
	};

	const [state, dispatch] = useProgram(reduceOverview, init, runEffect);
	exit.current = useEnding(options.ends, dispatch, options.onExit);
	toWatchers.current = useWatchSet(options, dispatch);
	useTerminalSize(dispatch);
	const spinnerFrame = useClock(dispatch, {...clockNeeds(state, config.lowBandwidth), now});
	useKeys(dispatch, interactive);
	useSetNudge(state.nudges.nudge, nudgeSink);
	return {state, spinnerFrame};
}
