// The live view's first frame, painted before React's reconciler, Yoga and the network
// client have loaded (they take ~100 ms of CPU, against ~25 ms for node itself to start).
// It draws the real <LiveView> for the state the view starts in, with Ink's own text
// styling (source/render/frame-lines.ts), through the log-update Ink then adopts: when Ink
// draws the same frame it writes nothing, and any line that differs is rewritten in place.
//
// Between the painting and Ink's first frame, other output (a configuration error, a
// warning, the --debug log's path) may still come: it takes the painted frame back first,
// so the terminal shows exactly what it showed before this module existed.
import isInCi from 'is-in-ci';
import {createElement} from 'react';
import {resolveSettings, type Settings} from '../config/settings.js';
import type {Config, RawFlags} from '../config/types.js';
import {initialViewState} from '../core/view/initial.js';
import {NOTHING_TO_DIAGNOSE} from '../core/view/why.js';
import {LiveView} from '../ui/live/live-view.js';
import {frameLines} from '../render/frame-lines.js';
import {createLogUpdate, handOver, type LogUpdate} from '../render/log-update.js';

const SYNC_START = '\u001B[?2026h';
const SYNC_END = '\u001B[?2026l';

/** What the first frame is drawn from: the settings the watch uses, the size and the time. */
export interface FirstFrameInput {
	readonly config: Pick<Config, 'serviceId' | 'serviceName' | 'ascii' | 'color' | 'timeZone' | 'typeFilter' | 'order'>;
	readonly columns: number;
	readonly rows: number;
	readonly now: number;
}

/**
 * The text Ink's first render of the live view hands to its log-update (lines, each
 * ending in a newline), or null when the view cannot be drawn without Ink.
 */
export function firstFrameText({config, columns, rows, now}: FirstFrameInput): string | null {
	// Nothing is read yet, so there is nothing to diagnose: the diagnosis modules load after this frame.
	const state = initialViewState({config, now, columns, rows, diagnose: NOTHING_TO_DIAGNOSE});
	const lines = frameLines(createElement(LiveView, {state, page: state.page, spinnerFrame: null, config}), columns);
	// Ink leaves the trailing newline off a frame as tall as the screen; ours never is.
	if (lines === null || lines.length === 0 || lines.length >= rows) return null;
	return lines.map(line => `${line}\n`).join('');
}

type Write = (chunk: unknown, ...rest: unknown[]) => boolean;

/** The signals that end the process before Ink (and the CLI's own handlers) are there. */
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Until Ink adopts the painted frame, the first other write to stdout or stderr erases it
 * (and shows the cursor again) before it goes out; so does leaving the process, by exit or
 * by a signal. Returns the release, for Ink's adoption.
 */
function guard(stdout: NodeJS.WriteStream, stderr: NodeJS.WriteStream, log: LogUpdate): () => void {
	const streams = [stdout, stderr];
	const originals = streams.map(stream => stream.write);
	let active = true;
	const release = () => {
		if (!active) return;
		active = false;
		streams.forEach((stream, index) => {
			stream.write = originals[index]!;
		});
		process.off('exit', takeBack);
		for (const signal of SIGNALS) process.off(signal, onSignal);
	};

	// Ink may still adopt this log-update afterwards: cleared, it is as good as a new one.
	function takeBack() {
		if (!active) return;
		release();
		log.clear();
		log.done();
	}

	// A signal nobody else handles yet still ends the process as it would have.
	function onSignal(signal: NodeJS.Signals) {
		takeBack();
		if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
	}

	for (const stream of streams) {
		const write = stream.write as Write;
		stream.write = ((...args: unknown[]) => {
			takeBack();
			return write.apply(stream, args as [unknown]);
		}) as typeof stream.write;
	}

	process.on('exit', takeBack);
	for (const signal of SIGNALS) process.on(signal, onSignal);
	return release;
}

/** Draws `text` through a log-update that Ink adopts when it starts (or the guard takes back). */
function paint(text: string, stdout: NodeJS.WriteStream, stderr: NodeJS.WriteStream): void {
	const log = createLogUpdate(stdout);
	stdout.write(SYNC_START);
	log(text);
	stdout.write(SYNC_END);
	handOver(stdout, log, guard(stdout, stderr, log));
}

/**
 * Paints the live view's first frame for a watch of one service in the terminal, when Ink
 * will draw the same: a terminal, not CI, no screen reader, flags that pass their checks,
 * a service named on the command line (not the picker, not --demo, whose service the
 * simulator names). Returns whether it painted; if not, Ink draws the first frame.
 */
export function paintFirstFrame(flags: RawFlags, stdout: NodeJS.WriteStream = process.stdout, stderr: NodeJS.WriteStream = process.stderr): boolean {
	if (stdout.isTTY !== true || isInCi || process.env['INK_SCREEN_READER'] === 'true' || (flags.demo ?? false) !== false) return false;
	const now = Date.now();
	let config: Settings;
	try {
		config = resolveSettings(flags, {env: process.env, stdoutIsTTY: true}, now);
	} catch {
		return false;
	}

	if (config.output !== 'tty' || (config.serviceId === null && config.serviceName === null)) return false;
	// The same size the live view starts from (source/cli/run-tty.tsx).
	const text = firstFrameText({config, columns: stdout.columns || 80, rows: stdout.rows || 24, now});
	if (text === null) return false;
	paint(text, stdout, stderr);
	return true;
}
