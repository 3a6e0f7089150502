// The terminal UI run. This module is the only one that imports Ink and React, and cli.tsx
// reaches it through a dynamic import, so --help, --version, plain and JSON never load them.
import process from 'node:process';
import {render, useInput} from 'ink';
import {App} from '../app.js';
import type {WatchMessage} from '../model/watch-messages.js';
import {applyMessage, initialStreamState} from '../output/stream-state.js';
import {describeFailure} from './failure.js';
import {EXIT} from './exit-codes.js';
import {exitCodeForError, exitCodeForOutcome, exitCodeForSignal} from './exit-status.js';
import {printNote, restoreTerminal} from './process-io.js';
import type {WatchSetup} from './run.js';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

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

/** Renders the live view until q, Ctrl+C, a signal, --timeout, --once, or (with --exit-status) the end. */
export async function runTty(setup: WatchSetup): Promise<number> {
	const {config} = setup;
	// The CLI folds the same messages the UI gets, so the exit code never depends on the view.
	let state = initialStreamState();
	let exitCode: number = EXIT.ok;
	let failure: unknown = null;
	let unmount = () => {};
	const leave = (code: number) => {
		exitCode = code;
		unmount();
	};
	// Let React commit the watcher's last messages first, so the kept frame shows them.
	const leaveSoon = (code: number) => setTimeout(() => leave(code), 0);
	const outcomeCode = () => exitCodeForOutcome(state.snapshot.deployment.outcome, config.exitStatus);

	const watcherFactory = (onMessage: (message: WatchMessage) => void) => {
		const watcher = setup.createWatcher(message => {
			state = applyMessage(state, message).state;
			onMessage(message);
			if (config.once && message.type === 'sync' && message.state.kind === 'ok') leaveSoon(outcomeCode());
		});
		void watcher.done.then(result => {
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
			<App
				config={config}
				watcherFactory={watcherFactory}
				interactive={interactive}
				// A terminal may report 0×0 (serial consoles, some CI runners): assume the classic size.
				initialColumns={process.stdout.columns || 80}
				initialRows={process.stdout.rows || 24}
			/>
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

	if (failure !== null) printNote(describeFailure(failure, setup.auth));
	if (exitCode === EXIT.timeout) printNote('modelarts-watch: --timeout reached before the deployment ended');
	return exitCode;
}
