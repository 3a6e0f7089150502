import React from 'react';
import type {WatcherFactory} from './api/poll/watcher-types.js';
import type {Config} from './config/types.js';
import type {NudgeSink} from './hooks/use-completion-nudge.js';
import {useOverview} from './hooks/use-overview.js';
import {nameOf} from './core/overview/reducer.js';
import type {EndSource, ExitEnding} from './core/ending/run-end.js';
import type {WatchDoneReader} from './hooks/use-watch.js';
import type {Oddity} from './core/events/data-oddities.js';
import {LiveView} from './ui/live/live-view.js';
import {OverviewView} from './ui/overview/overview-view.js';

/** Everything comes from outside, so tests drive the overview with fake watchers. */
export interface OverviewProps {
	readonly config: Config;
	readonly services: ReadonlyArray<{readonly serviceId: string; readonly name: string | null}>;
	/** Builds one service's poll loop; each is built once, on mount. */
	readonly watcherFor: (serviceId: string) => WatcherFactory;
	readonly now?: () => number;
	readonly initialColumns?: number;
	readonly initialRows?: number;
	readonly interactive?: boolean;
	readonly nudgeSink?: NudgeSink | null;
	/** The signals and the --timeout, as messages into the overview's reducer (null: none). */
	readonly ends?: EndSource | null;
	/** A poll loop's end as a message (null: their ends are not watched). */
	readonly readDone?: WatchDoneReader | null;
	/** Told the ending once the overview decided the watch is over and drew its final frame. */
	readonly onExit?: ((ending: ExitEnding) => void) | null;
	/** Told each kind of odd server data once (the CLI says it again after the view exits). */
	readonly onOddity?: ((oddity: Oddity) => void) | null;
}

const systemClock = (): number => Date.now();

/** A row per service; Enter shows the selected service's own live view, Esc comes back. */
export function Overview({now = systemClock, interactive = true, nudgeSink = null, ends = null, readDone = null, onExit = null, onOddity = null, ...props}: OverviewProps) {
	const {config} = props;
	const {state, spinnerFrame} = useOverview({initialColumns: undefined, initialRows: undefined, ...props, now, interactive, nudgeSink, ends, readDone, onExit, onOddity});
	const open = state.services.find(service => service.serviceId === state.openId);
	if (open !== undefined) {
		const viewConfig = {...config, serviceId: open.serviceId, serviceName: nameOf(open)};
		return <LiveView state={open.view} page={open.view.page} spinnerFrame={spinnerFrame} config={viewConfig} backTo="the overview" />;
	}

	return <OverviewView state={state} spinnerFrame={spinnerFrame} display={config} />;
}
