import React from 'react';
import type {WatcherFactory} from './api/watcher.js';
import type {Config} from './config/types.js';
import type {NudgeSink} from './hooks/use-completion-nudge.js';
import {useOverview} from './hooks/use-overview.js';
import {nameOf} from './model/overview-state.js';
import type {WatchFacts} from './model/watch-end.js';
import type {ServiceFacts} from './model/watch-end-many.js';
import {LiveView} from './ui/live-view.js';
import {OverviewView} from './ui/overview-view.js';

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
	readonly report?: ((change: Partial<WatchFacts>) => void) | null;
	readonly reportService?: ((serviceId: string, change: Partial<ServiceFacts>) => void) | null;
	readonly closing?: boolean;
}

const systemClock = (): number => Date.now();

/** A row per service; Enter shows the selected service's own live view, Esc comes back. */
export function Overview({now = systemClock, interactive = true, nudgeSink = null, report = null, reportService = null, closing = false, ...props}: OverviewProps) {
	const {config} = props;
	const {state, spinnerFrame} = useOverview({initialColumns: undefined, initialRows: undefined, ...props, now, interactive, nudgeSink, report, reportService, closing});
	const open = state.services.find(service => service.serviceId === state.openId);
	if (open !== undefined) {
		const viewConfig = {...config, serviceId: open.serviceId, serviceName: nameOf(open)};
		return <LiveView state={open.view} page={open.view.page} spinnerFrame={spinnerFrame} config={viewConfig} backTo="the overview" />;
	}

	return <OverviewView state={state} spinnerFrame={spinnerFrame} display={config} />;
}
