// The terminal UI run. This module is the only one that imports Ink and React, and cli.tsx
// reaches it through a dynamic import, so --help, --version, plain and JSON never load them.
import React from 'react';
import {render} from 'ink';
import {App, type NudgeSink} from '../app.js';
import type {Config} from '../config/types.js';
import {notifyProtocol} from '../hooks/terminal-notify.js';
import type {WatchDoneReader} from '../hooks/use-watch.js';
import type {EndSource, ExitEnding} from '../core/ending/run-end.js';
import {Overview} from '../overview.js';
import {createRootProgram, Root} from '../root.js';
import logUpdate from '../render/log-update.js';
import {printNote, restoreTerminal} from './process-io.js';
import type {Session} from './session.js';
import {listenForEnds, watchDoneMessage} from './watch-ending.js';

/** The completion nudge goes straight to stdout, between Ink's frames (null with --no-notify). */
function nudgeSinkFor(config: Config): NudgeSink | null {
	if (!config.notify) return null;
	return {protocol: notifyProtocol(process.env), write: bytes => process.stdout.write(bytes)};
}

// A terminal may report 0×0 (serial consoles, some CI runners): assume the classic size.
const columnsNow = () => process.stdout.columns || 80;
const rowsNow = () => process.stdout.rows || 24;

/** What a terminal run draws, given the signals and --timeout, the watcher's end as a message, and where the ending goes. */
type Tree = (ends: EndSource, readDone: WatchDoneReader, onExit: (ending: ExitEnding) => void) => React.ReactElement;

/** Renders the live view, the overview of several, or the picker and the live views opened from it, until their reducer says stop. */
export async function runTty(session: Session): Promise<number> {
	const {config} = session;
	const interactive = process.stdin.isTTY === true;
	const nudgeSink = nudgeSinkFor(config);
	const initial = {interactive, initialColumns: columnsNow(), initialRows: rowsNow(), nudgeSink};
	if (session.kind === 'watch') {
		return renderUntilEnd(config, session, (ends, readDone, onExit) => (
			<App config={config} watcherFactory={session.createWatcher} {...initial} ends={ends} readDone={readDone} onExit={onExit} onOddity={session.notes.oddity} />
		));
	}

	if (session.kind === 'watch-many') {
		return renderUntilEnd(config, session, (ends, readDone, onExit) => (
			<Overview config={config} services={session.services} watcherFor={session.watcherFor} {...initial} ends={ends} readDone={readDone} onExit={onExit} onOddity={session.notes.oddity} />
		));
	}

	return renderUntilEnd(config, session, (ends, readDone, onExit) => {
		const root = createRootProgram(Date.now(), columnsNow(), rowsNow(), config, effect => onExit(effect.ending));
		return (
			<Root
				config={config}
				program={root}
				loadServices={session.loadServices}
				watcherFor={session.watcherFor}
				interactive={interactive}
				nudgeSink={nudgeSink}
				ends={ends}
				readDone={readDone}
				onExit={onExit}
				onOddity={session.notes.oddity}
			/>
		);
	});
}

async function renderUntilEnd(config: Config, session: Session, tree: Tree): Promise<number> {
	const ends = listenForEnds(config.timeoutMs, config.timeoutSpentMs);
	let onExit!: (ending: ExitEnding) => void;
	const ended = new Promise<ExitEnding>(resolve => (onExit = resolve));
	const readDone: WatchDoneReader = done => watchDoneMessage(done, session.auth);
	// In raw mode Ctrl+C arrives as a key, which the views turn into an ending of their own:
	// Ink's exitOnCtrlC would neither keep the last frame nor give the exit code (130).
	// Our log-update (patches/ink+6.8.0.patch lets render() take it) continues from the rows of
	// the first frame painted before Ink loaded (cli/first-frame.ts).
	const instance = render(tree(ends, readDone, onExit), {logUpdate, maxFps: config.lowBandwidth ? 4 : 10, exitOnCtrlC: false, patchConsole: false});
	const end = await ended;
	try {
		// The reducer's final frame is committed by now: Ink draws it once more as it unmounts.
		instance.unmount();
		await instance.waitUntilExit();
	} finally {
		restoreTerminal();
		ends.dispose();
	}

	if (end.message !== null) printNote(end.message);
	return end.exitCode;
}
