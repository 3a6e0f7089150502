import {useEffect, useLayoutEffect, useRef} from 'react';
import {useStdout} from 'ink';
import {createWatchSet, type WatchSet} from '../api/watch-set.js';
import type {WatcherFactory} from '../api/watcher.js';
import type {Config} from '../config/types.js';
import type {SetNudge} from '../model/overview-nudge.js';
import {overviewTicks} from '../model/overview-rows.js';
import {initialOverviewState, overviewSpins, updateOverview} from '../model/overview-state.js';
import type {OverviewAction, OverviewEffect, OverviewState} from '../model/overview-types.js';
import type {WatchFacts} from '../model/watch-end.js';
import type {Oddity} from '../model/data-oddities.js';
import type {ServiceFacts} from '../model/watch-end-many.js';
import type {NudgeSink} from './use-completion-nudge.js';
import {useClock} from './use-clock.js';
import {useKeys} from './use-keys.js';
import {viewClockNeeds} from './use-live-view.js';
import {useProgram} from './use-program.js';
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
	/** Told q and Ctrl+C, for the watch-end rule. */
	readonly report: ((change: Partial<WatchFacts>) => void) | null;
	/** Told each service's outcome, details availability and first poll, for the rule for several. */
	readonly reportService: ((serviceId: string, change: Partial<ServiceFacts>) => void) | null;
	/** The watch is ending: the frame kept in the scrollback shows no overlay. */
	readonly closing: boolean;
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
		watchSet.start();
		return () => {
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

/**
 * Reports each service's facts in the commit that applied them (as the single view does), so
 * the exit code matches the screen. Only facts that changed are reported: every tick makes
 * new service views, and each report re-decides the end of the whole set.
 */
function useServiceFacts(services: OverviewState['services'], reportService: OverviewOptions['reportService']): void {
	const reported = useRef({to: reportService, facts: new Map<string, string>()});
	useLayoutEffect(() => {
		if (reported.current.to !== reportService) reported.current = {to: reportService, facts: new Map()};
		for (const {serviceId, view} of services) {
			const facts = {outcome: view.deployment.outcome, detailsUnavailable: view.detailsUnavailable !== null, polled: view.lastSuccessAt !== null};
			const key = `${facts.outcome} ${facts.detailsUnavailable} ${facts.polled}`;
			if (reported.current.facts.get(serviceId) === key) continue;
			reported.current.facts.set(serviceId, key);
			reportService?.(serviceId, facts);
		}
	}, [services, reportService]);
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
	const {config, now, interactive, nudgeSink, report, closing} = options;
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
	const runEffect = (effect: OverviewEffect) => {
		if (effect.type === 'quit' || effect.type === 'interrupt') report?.({key: effect.type});
		else if (effect.type === 'data-oddity') options.onOddity?.(effect.oddity);
		else toWatchers.current(effect);
	};

	const [state, dispatch] = useProgram(updateOverview, init, runEffect);
	toWatchers.current = useWatchSet(options, dispatch);
	useTerminalSize(dispatch);
	const spinnerFrame = useClock(dispatch, {...clockNeeds(state, config.lowBandwidth), now});
	useKeys(dispatch, interactive);
	useSetNudge(state.nudges.nudge, nudgeSink);
	useServiceFacts(state.services, options.reportService);
	useLayoutEffect(() => {
		if (closing) dispatch({type: 'closing'});
	}, [closing, dispatch]);
	return {state, spinnerFrame};
}
