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
import type {ServiceSummary} from '../model/types.js';
import type {WatchMessage} from '../model/watch-messages.js';
import {applyMessage, initialStreamState} from '../output/stream-state.js';
import {describeFailure} from './failure.js';
import {EXIT} from './exit-codes.js';
import {exitCodeForError, exitCodeForOutcome, exitCodeForSignal} from './exit-status.js';
import {printNote, restoreTerminal} from './process-io.js';
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

/** How the app is drawn, given the CLI's wrapper around each watcher. */
type AppTree = (wrap: (create: (onMessage: (message: WatchMessage) => void) => Watcher) => (onMessage: (message: WatchMessage) => void) => Watcher, interactive: boolean) => ReactElement;

/** Renders the tree until q, Ctrl+C, a signal, --timeout, --once, or (with --exit-status) the end. */
async function runApp(config: Config, auth: Authenticator, tree: AppTree): Promise<number> {
	// The CLI folds the same messages the UI gets, so the exit code never depends on the view.
	let state = initialStreamState();
	let exitCode: number = EXIT.ok;
	let failure: unknown = null;
	let unmount = () => {};
	let generation = 0;
	const leave = (code: number) => {
		exitCode = code;
		unmount();
	};
	// Let React commit the watcher's last messages first, so the kept frame shows them.
	const leaveSoon = (code: number) => setTimeout(() => leave(code), 0);
	const outcomeCode = () => exitCodeForOutcome(state.snapshot.deployment.outcome, config.exitStatus);

	// Each watch (a new one per service chosen in the picker) starts a fresh fold; a watcher
	// left behind by going back to the list can no longer touch it.
	const wrap = (create: (onMessage: (message: WatchMessage) => void) => Watcher) => (onMessage: (message: WatchMessage) => void) => {
		generation += 1;
		const mine = generation;
		state = initialStreamState();
		const current = () => mine === generation;
		const watcher = create(message => {
			if (current()) state = applyMessage(state, message).state;
			onMessage(message);
			if (current() && config.once && message.type === 'sync' && message.state.kind === 'ok') leaveSoon(outcomeCode());
		});
		void watcher.done.then(result => {
			if (!current()) return;
			if (result.reason === 'terminal') leaveSoon(outcomeCode());
			if (result.reason === 'permanent-error') {
				failure = result.error;
				leaveSoon(exitCodeForError(result.error));
			}
		});
		return watcher;
	};

	const interactive = process.stdin.isTTY === true;
	const instance = render(
		<>
			{tree(wrap, interactive)}
			<CtrlC onInterrupt={() => leave(EXIT.interrupted)} isActive={interactive} />
		</>,
		{incrementalRendering: true, maxFps: config.lowBandwidth ? 4 : 10, exitOnCtrlC: false, patchConsole: false},
	);
	unmount = () => instance.unmount();

	const onSignal = (signal: NodeJS.Signals) => leave(exitCodeForSignal(signal));
	for (const signal of SIGNALS) process.on(signal, onSignal);
	const onTimeout = () => leave(state.snapshot.deployment.outcome === 'in_progress' ? EXIT.timeout : outcomeCode());
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
	return runApp(config, setup.auth, (wrap, interactive) => (
		<App
			config={config}
			watcherFactory={wrap(setup.createWatcher)}
			interactive={interactive}
			initialColumns={columnsNow()}
			initialRows={rowsNow()}
			nudgeSink={nudgeSink}
		/>
	));
}

/** Renders the service picker, then the live view of the service chosen there (Esc goes back). */
export function runTtyPicker(setup: PickerSetup): Promise<number> {
	const {config} = setup;
	const nudgeSink = nudgeSinkFor(config);
	return runApp(config, setup.auth, (wrap, interactive) => (
		<Root
			config={config}
			loadServices={setup.loadServices}
			watcherFor={serviceId => wrap(setup.watcherFor(serviceId))}
			interactive={interactive}
			initialColumns={columnsNow()}
			initialRows={rowsNow()}
			nudgeSink={nudgeSink}
		/>
	));
}
