import React from 'react';
import type {Config} from './config/types.js';
import type {NudgeSink} from './hooks/use-completion-nudge.js';
import {useLiveView} from './hooks/use-live-view.js';
import type {WatcherFactory} from './hooks/use-watch.js';
import type {Outcome} from './model/types.js';
import {LiveView} from './ui/live-view.js';

export type {WatcherFactory, WatchHandle} from './hooks/use-watch.js';
export type {NudgeSink} from './hooks/use-completion-nudge.js';

/** Props of the live TTY view. Everything comes from outside, so tests drive it with a fake watcher. */
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
	/** Told the live deployment outcome on mount and whenever it changes (the CLI's exit code). */
	readonly onOutcome?: ((outcome: Outcome) => void) | null;
}

const systemClock = (): number => Date.now();

/** The live view: state and effects from useLiveView, drawing by <LiveView>. */
export function App({config, watcherFactory, now = systemClock, initialColumns, initialRows, interactive = true, onBack = null, nudgeSink = null, onOutcome = null}: AppProps) {
	const {state, page, spinnerFrame} = useLiveView({config, watcherFactory, now, initialColumns, initialRows, interactive, onBack, nudgeSink, onOutcome});
	return <LiveView state={state} page={page} spinnerFrame={spinnerFrame} config={config} canGoBack={onBack !== null} />;
}
