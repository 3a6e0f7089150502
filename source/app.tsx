import React from 'react';
import type {WatcherFactory} from './api/watcher.js';
import type {Config} from './config/types.js';
import type {NudgeSink} from './hooks/use-completion-nudge.js';
import {useLiveView} from './hooks/use-live-view.js';
import type {WatchFacts} from './model/watch-end.js';
import {LiveView} from './ui/live-view.js';

export type {NudgeSink} from './hooks/use-completion-nudge.js';

/** Everything comes from outside, so tests drive the live view with a fake watcher. */
export interface AppProps {
	readonly config: Config;
	/** Builds the watcher; called once on mount with the view's dispatcher. */
	readonly watcherFactory: WatcherFactory;
	/** The client clock (default Date.now). */
	readonly now?: () => number;
	/** The terminal size at start (default stdout's, else 80×24); resizes follow stdout. */
	readonly initialColumns?: number;
	readonly initialRows?: number;
	/** False when stdin is not a terminal: keys are ignored instead of failing (default true). */
	readonly interactive?: boolean;
	/** Set when the watch was opened from the service picker: Esc with nothing to close goes back. */
	readonly onBack?: (() => void) | null;
	/** Bell and desktop notification when the deployment ends (null: none, as with --no-notify). */
	readonly nudgeSink?: NudgeSink | null;
	/** Told what the watch-end rule needs: outcome, details availability, first poll, q and Ctrl+C. */
	readonly report?: ((change: Partial<WatchFacts>) => void) | null;
	/** The run is ending: close overlays, so the frame left in the scrollback is the deployment. */
	readonly closing?: boolean;
}

const systemClock = (): number => Date.now();

/** The live view: state and effects from useLiveView, drawing by <LiveView>. */
export function App({config, watcherFactory, now = systemClock, initialColumns, initialRows, interactive = true, onBack = null, nudgeSink = null, report = null, closing = false}: AppProps) {
	const {state, spinnerFrame} = useLiveView({config, watcherFactory, now, initialColumns, initialRows, interactive, onBack, nudgeSink, report, closing});
	return <LiveView state={state} page={state.page} spinnerFrame={spinnerFrame} config={config} backTo={onBack === null ? null : 'the service list'} />;
}
