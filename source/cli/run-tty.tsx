// The terminal UI run. This module is the only one that imports Ink and React, and cli.tsx
// reaches it through a dynamic import, so --help, --version, plain and JSON never load them.
import process from 'node:process';
import type {ReactElement} from 'react';
import {render, useInput} from 'ink';
import {App, type NudgeSink} from '../app.js';
import {Root} from '../root.js';
import type {Authenticator} from '../api/auth/types.js';
import type {Watcher} from '../api/watcher.js';
import type {Config} from '../config/types.js';
import {notifyProtocol} from '../hooks/terminal-notify.js';
import type {Outcome, ServiceSummary} from '../model/types.js';
import type {WatchMessage} from '../model/watch-messages.js';
import {describeFailure} from './failure.js';
import {EXIT} from './exit-codes.js';
import {exitCodeForError, exitCodeForOutcome, exitCodeForSignal} from './exit-status.js';
import {printNote, restoreTerminal} from './process-io.js';
import logUpdate from '../render/log-update.js';
import type {WatchSetup} from './run.js';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** A terminal run without a service id: the picker lists the project's services first. */
export interface PickerSetup {
	readonly config: Config;
	readonly auth: Authenticator;
	/** Every service of the project (all pages). */
	readonly loadServices: (signal: AbortSignal) => Promise<readonly ServiceSummary[]>;
	/** The poll loop for one service, reporting to `onMessage`. */
	readonly watcherFor: (serviceId: string) => (onMessage: (message: WatchMessage) => void) => Watcher;
}

/**
 * In raw mode Ctrl+C arrives as a key, not as SIGINT. The CLI owns this one key because it
 * decides the exit code (130) and must keep the last frame, which Ink's exitOnCtrlC would not.
 */
function CtrlC({onInterrupt, isActive}: {readonly onInterrupt: () => void; readonly isActive: boolean}) {
	useInput(
		(input, key) => {
			if (key.ctrl && input === 'c') onInterrupt();
		},
		{isActive},
	);
	return null;
}

/** The completion nudge goes straight to stdout, between Ink's frames (null with --no-notify). */
function nudgeSinkFor(config: Config): NudgeSink | null {
	if (!config.notify) return null;
	return {protocol: notifyProtocol(process.env), write: bytes => process.stdout.write(bytes)};
}

/** Wraps each watcher the app creates, so the CLI sees its messages and its end. */
type WatcherWrap = (create: (onMessage: (message: WatchMessage) => void) => Watcher) => (onMessage: (message: WatchMessage) => void) => Watcher;

/** How the app is drawn, given the CLI's watcher wrap and where the view reports the outcome. */
type AppTree = (wrap: WatcherWrap, interactive: boolean, onOutcome: (outcome: Outcome) => void) => ReactElement;

/** Renders the tree until q, Ctrl+C, a signal, --timeout, --once, or (with --exit-status) the end. */
async function runApp(config: Config, auth: Authenticator, tree: AppTree): Promise<number> {
	// The view reports the outcome it derived from the messages: the exit code matches the
	// screen, and the CLI keeps no second copy of the events (100k of them cost ~45 MB).
	let outcome: Outcome = 'in_progress';
	let exitCode: number = EXIT.ok;
	let failure: unknown = null;
	let unmount = () => {};
	let generation = 0;
	const leave = (code: number) => {
		exitCode = code;
		unmount();
	};
	const outcomeCode = () => exitCodeForOutcome(outcome, config.exitStatus);
	// Let React commit the watcher's last messages first, so the kept frame (and the outcome
	// the exit code is read from) shows them.
	const leaveSoon = (code: () => number) => setTimeout(() => leave(code()), 0);

	// Each watch (a new one per service chosen in the picker) gets a new generation; a
	// watcher left behind by going back to the list can no longer end the run.
	const wrap: WatcherWrap = create => onMessage => {
		generation += 1;
		const mine = generation;
		const current = () => mine === generation;
		const watcher = create(message => {
			onMessage(message);
			if (current() && config.once && message.type === 'sync' && message.state.kind === 'ok') leaveSoon(outcomeCode);
		});
		void watcher.done.then(result => {
			if (!current()) return;
			if (result.reason === 'terminal') leaveSoon(outcomeCode);
			if (result.reason === 'permanent-error') {
				failure = result.error;
				leaveSoon(() => exitCodeForError(result.error));
			}
		});
		return watcher;
	};
	const onOutcome = (next: Outcome) => {
		outcome = next;
	};

	const interactive = process.stdin.isTTY === true;
	const instance = render(
		<>
			{tree(wrap, interactive, onOutcome)}
			<CtrlC onInterrupt={() => leave(EXIT.interrupted)} isActive={interactive} />
		</>,
		{logUpdate, maxFps: config.lowBandwidth ? 4 : 10, exitOnCtrlC: false, patchConsole: false},
	);
	unmount = () => instance.unmount();

	const onSignal = (signal: NodeJS.Signals) => leave(exitCodeForSignal(signal));
	for (const signal of SIGNALS) process.on(signal, onSignal);
	const onTimeout = () => leave(outcome === 'in_progress' ? EXIT.timeout : outcomeCode());
	const timeout = config.timeoutMs === null ? undefined : setTimeout(onTimeout, config.timeoutMs);
	try {
		await instance.waitUntilExit();
	} finally {
		clearTimeout(timeout);
		for (const signal of SIGNALS) process.off(signal, onSignal);
		restoreTerminal();
	}

	if (failure !== null) printNote(describeFailure(failure, auth));
	if (exitCode === EXIT.timeout) printNote('modelarts-watch: --timeout reached before the deployment ended');
	return exitCode;
}

// A terminal may report 0×0 (serial consoles, some CI runners): assume the classic size.
const columnsNow = () => process.stdout.columns || 80;
const rowsNow = () => process.stdout.rows || 24;

/** Renders the live view of one service. */
export function runTty(setup: WatchSetup): Promise<number> {
	const {config} = setup;
	const nudgeSink = nudgeSinkFor(config);
	return runApp(config, setup.auth, (wrap, interactive, onOutcome) => (
		<App
			config={config}
			watcherFactory={wrap(setup.createWatcher)}
			interactive={interactive}
			initialColumns={columnsNow()}
			initialRows={rowsNow()}
			nudgeSink={nudgeSink}
			onOutcome={onOutcome}
		/>
	));
}

/** Renders the service picker, then the live view of the service chosen there (Esc goes back). */
export function runTtyPicker(setup: PickerSetup): Promise<number> {
	const {config} = setup;
	const nudgeSink = nudgeSinkFor(config);
	return runApp(config, setup.auth, (wrap, interactive, onOutcome) => (
		<Root
			config={config}
			loadServices={setup.loadServices}
			watcherFor={serviceId => wrap(setup.watcherFor(serviceId))}
			interactive={interactive}
			initialColumns={columnsNow()}
			initialRows={rowsNow()}
			nudgeSink={nudgeSink}
			onOutcome={onOutcome}
		/>
	));
}
