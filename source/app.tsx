import React from 'react';
import type {WatcherFactory} from './api/poll/watcher-types.js';
import type {Config} from './config/types.js';
import type {NudgeSink} from './hooks/use-completion-nudge.js';
import {useLiveView} from './hooks/use-live-view.js';
import type {EndSource, ExitEnding} from './core/ending/run-end.js';
import type {WatchDoneReader} from './hooks/use-watch.js';
import type {Oddity} from './core/events/data-oddities.js';
import {LiveView} from './ui/live/live-view.js';

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
	/** Set when the watch was opened from the service picker: Esc with nothing to close, or a permanent error (`notice`), goes back. */
	readonly onBack?: ((notice: string | null) => void) | null;
	/** Bell and desktop notification when the deployment ends (null: none, as with --no-notify). */
	readonly nudgeSink?: NudgeSink | null;
	/** The signals and the --timeout, as messages into the view's reducer (null: none). */
	readonly ends?: EndSource | null;
	/** The watcher's end as a message (null: its end is not watched). */
	readonly readDone?: WatchDoneReader | null;
	/** Told the ending once the view decided the run is over and drew its final frame. */
	readonly onExit?: ((ending: ExitEnding) => void) | null;
	/** Told each kind of odd server data once (the CLI says it again after the view exits). */
	readonly onOddity?: ((oddity: Oddity) => void) | null;
}

const systemClock = (): number => Date.now();

/** The live view: state and effects from useLiveView, drawing by <LiveView>. */
export function App({config, watcherFactory, now = systemClock, initialColumns, initialRows, interactive = true, onBack = null, nudgeSink = null, ends = null, readDone = null, onExit = null, onOddity = null}: AppProps) {
	const {state, spinnerFrame} = useLiveView({config, watcherFactory, now, initialColumns, initialRows, interactive, onBack, nudgeSink, ends, readDone, onExit, onOddity});
	return <LiveView state={state} page={state.page} spinnerFrame={spinnerFrame} config={config} backTo={onBack === null ? null : 'the service list'} />;
}
