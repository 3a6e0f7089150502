// The terminal UI run. This module is the only one that imports Ink and React, and cli.tsx
// reaches it through a dynamic import, so --help, --version, plain and JSON never load them.
import process from 'node:process';
import React from 'react';
import {render} from 'ink';
import {App, type NudgeSink} from '../app.js';
import type {WatcherFactory} from '../api/watcher.js';
import type {Config} from '../config/types.js';
import {notifyProtocol} from '../hooks/terminal-notify.js';
import type {RootEffect} from '../model/root-state.js';
import {Overview} from '../overview.js';
import {createRootProgram, Root, type RootProgram} from '../root.js';
import {failureOf} from './failure.js';
import logUpdate from '../render/log-update.js';
import {printNote, restoreTerminal} from './process-io.js';
import type {Session, WatchManySession} from './session.js';
import {trackEnding, trackManyEnding, type EndingTracker} from './watch-ending.js';

/** The completion nudge goes straight to stdout, between Ink's frames (null with --no-notify). */
function nudgeSinkFor(config: Config): NudgeSink | null {
	if (!config.notify) return null;
	return {protocol: notifyProtocol(process.env), write: bytes => process.stdout.write(bytes)};
}

// A terminal may report 0×0 (serial consoles, some CI runners): assume the classic size.
const columnsNow = () => process.stdout.columns || 80;
const rowsNow = () => process.stdout.rows || 24;

/**
 * Each watch (a new one per service chosen in the picker) reports its end to the tracker; a
 * watcher left behind by going back to the list can no longer end the run. The report waits
 * a macrotask, so React has committed the watcher's last messages: the exit code is read
 * from the outcome the kept frame shows.
 */
function observedBy(ending: EndingTracker, session: Session): (create: WatcherFactory) => WatcherFactory {
	let generation = 0;
	return create => onMessage => {
		generation += 1;
		const mine = generation;
		ending.newWatch();
		const watcher = create(onMessage);
		void watcher.done.then(result => {
			setTimeout(() => {
				if (mine !== generation) return;
				if (result.reason === 'terminal') ending.report({pollingDone: true});
				if (result.reason === 'permanent-error') ending.report({failure: failureOf(result.error, session.auth)});
			}, 0);
		});
		return watcher;
	};
}

/** Back in the list, nothing of the last watch may end the run (its outcome, its first poll). */
function forgetWatchOnReturn(root: RootProgram, ending: EndingTracker): void {
	let watching = false;
	root.subscribe(() => {
		const now = root.state().screen.kind === 'watch';
		if (watching && !now) ending.newWatch();
		watching = now;
	});
}

/** Renders the live view, the overview of several, or the picker and the live views opened from it, until the watch-end rule says stop. */
export async function runTty(session: Session): Promise<number> {
	if (session.kind === 'watch-many') return renderUntilEnd(overviewRun(session), session.config);
	const {config} = session;
	const interactive = process.stdin.isTTY === true;
	const nudgeSink = nudgeSinkFor(config);
	let root: RootProgram | null = null;
	// A watch from the picker that fails for good goes back to the list, which says why.
	const ending = trackEnding({...config, fromPicker: session.kind === 'pick'}, message =>
		root?.dispatch({type: 'back', columns: columnsNow(), rows: rowsNow(), now: Date.now(), notice: message}),
	);
	const report = ending.report;
	const observe = observedBy(ending, session);
	if (session.kind === 'pick') {
		root = createRootProgram(Date.now(), columnsNow(), rowsNow(), (effect: RootEffect) => report({key: effect.type}));
		forgetWatchOnReturn(root, ending);
	}

	const tree = (closing: boolean) =>
		session.kind === 'watch' ? (
			<App
				config={config}
				watcherFactory={observe(session.createWatcher)}
				interactive={interactive}
				initialColumns={columnsNow()}
				initialRows={rowsNow()}
				nudgeSink={nudgeSink}
				report={report}
				closing={closing}
				onOddity={session.notes.oddity}
			/>
		) : (
			<Root
				config={config}
				program={root!}
				loadServices={session.loadServices}
				watcherFor={serviceId => observe(session.watcherFor(serviceId))}
				interactive={interactive}
				nudgeSink={nudgeSink}
				report={report}
				closing={closing}
				onOddity={session.notes.oddity}
			/>
		);

	return renderUntilEnd({tree, ending}, config);
}

/** What a terminal run draws (closing: the run is ending), and what decides its end. */
interface TtyRun {
	readonly tree: (closing: boolean) => React.ReactElement;
	readonly ending: Pick<EndingTracker, 'ended' | 'dispose'>;
}

/**
 * The overview of several services. Each poll loop's end is reported a macrotask later, as
 * for one service (see observedBy), so the exit code is read from the outcome on screen.
 */
function overviewRun(session: WatchManySession): TtyRun {
	const {config} = session;
	const ending = trackManyEnding(config, session.services.map(service => service.serviceId));
	const watcherFor = (serviceId: string): WatcherFactory => onMessage => {
		const watcher = session.watcherFor(serviceId)(onMessage);
		void watcher.done.then(result => {
			setTimeout(() => {
				if (result.reason === 'terminal') ending.reportService(serviceId, {pollingDone: true});
				if (result.reason === 'permanent-error') ending.reportService(serviceId, {failure: failureOf(result.error, session.auth)});
			}, 0);
		});
		return watcher;
	};

	const nudgeSink = nudgeSinkFor(config);
	const tree = (closing: boolean) => (
		<Overview
			config={config}
			services={session.services}
			watcherFor={watcherFor}
			interactive={process.stdin.isTTY === true}
			initialColumns={columnsNow()}
			initialRows={rowsNow()}
			nudgeSink={nudgeSink}
			report={ending.report}
			reportService={ending.reportService}
			closing={closing}
			onOddity={session.notes.oddity}
		/>
	);
	return {tree, ending};
}

async function renderUntilEnd({tree, ending}: TtyRun, config: Config): Promise<number> {
	// In raw mode Ctrl+C arrives as a key, which the views turn into an ending of their own:
	// Ink's exitOnCtrlC would neither keep the last frame nor give the exit code (130).
	// Our log-update (patches/ink+6.8.0.patch lets render() take it) continues from the rows of
	// the first frame painted before Ink loaded (render/first-frame.ts).
	const instance = render(tree(false), {logUpdate, maxFps: config.lowBandwidth ? 4 : 10, exitOnCtrlC: false, patchConsole: false});
	const end = await ending.ended;
	try {
		// The frame left in the scrollback shows the deployment: overlays close first, and React
		// commits that before Ink draws its last frame on unmount.
		instance.rerender(tree(true));
		await new Promise(resolve => setTimeout(resolve, 0));
		instance.unmount();
		await instance.waitUntilExit();
	} finally {
		restoreTerminal();
		ending.dispose();
	}

	if (end.message !== null) printNote(end.message);
	return end.exitCode;
}
