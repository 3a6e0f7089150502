// The plain and JSON runs: owns the watcher, the timers (timeout, heartbeat) and the signals;
// the renderers in source/output/ turn state changes into lines. No Ink on this path.
import process from 'node:process';
import type {Authenticator} from '../api/auth/types.js';
import type {Config} from '../config/types.js';
import {formatDuration} from '../model/elapsed.js';
import {sanitizeForAsciiTerminal, sanitizeForTerminal} from '../model/sanitize.js';
import type {WatchEvent} from '../model/types.js';
import type {WatchMessage} from '../model/watch-messages.js';
import {createEventDiagnostics} from '../output/diagnostics.js';
import {HEARTBEAT_EVERY_MS, heartbeatLine, startHeartbeat} from '../output/heartbeat.js';
import {jsonSummaryLine, jsonUpdateLines} from '../output/json.js';
import {plainSummaryLines, plainUpdateLines, type PlainStyle} from '../output/plain.js';
import type {WatchSnapshot} from '../output/snapshot.js';
import {applyMessage, initialStreamState, type StreamState} from '../output/stream-state.js';
import {syncLine} from '../output/sync-line.js';
import {createTimeFormatter} from '../output/time-format.js';
import {EXIT} from './exit-codes.js';
import {exitCodeForError, exitCodeForOutcome, exitCodeForSignal} from './exit-status.js';
import {describeFailure} from './failure.js';

/** How a watch ended, as the watcher reports it. */
export interface WatchEnd {
	readonly reason: 'terminal' | 'stopped' | 'permanent-error';
	readonly error?: unknown;
}

/** The part of the API watcher the runner drives. */
export interface StreamWatcher {
	start(): void;
	stop(): void;
	readonly done: Promise<WatchEnd>;
}

export interface StreamOptions {
	readonly config: Config;
	readonly serviceId: string;
	readonly createWatcher: (onMessage: (message: WatchMessage) => void) => StreamWatcher;
	readonly stdout: (line: string) => void;
	readonly stderr: (line: string) => void;
	readonly now: () => number;
	/** Names the credential in the message when the server rejects it. */
	readonly auth: Authenticator | null;
}

/** What the log looks like: the JSON or the plain renderer behind one shape. */
interface Renderer {
	/** Read each line as it comes: JSON makes them lazily, so a huge batch is written as it is made. */
	update(previous: WatchSnapshot, next: WatchSnapshot, added: readonly WatchEvent[], nowMs: number): Iterable<string>;
	summary(snapshot: WatchSnapshot, nowMs: number): string[];
}

function rendererFor(config: Config, serviceId: string): Renderer {
	if (config.output === 'json') {
		return {
			update: (previous, next, added) => jsonUpdateLines(previous, next, added),
			summary: snapshot => [jsonSummaryLine(snapshot, serviceId)],
		};
	}

	const style: PlainStyle = {
		color: config.color,
		formatTime: createTimeFormatter(config.timeZone),
		sanitize: config.ascii ? sanitizeForAsciiTerminal : sanitizeForTerminal,
	};
	return {
		update: (previous, next, added, nowMs) => plainUpdateLines(previous, next, added, nowMs, style),
		summary: (snapshot, nowMs) => plainSummaryLines(snapshot, nowMs, style),
	};
}

function visibleTo(config: Config): (event: WatchEvent) => boolean {
	// since/until are applied by the event sync itself; the type filter only hides lines,
	// the deployment is still computed from every event.
	return event => config.typeFilter === 'all' || event.type === config.typeFilter;
}

type Ending =
	| {readonly kind: 'watcher'; readonly end: WatchEnd}
	| {readonly kind: 'once'}
	/** --exit-status without the details API: the events alone show the deployment ended. */
	| {readonly kind: 'settled'}
	| {readonly kind: 'timeout'}
	| {readonly kind: 'signal'; readonly signal: NodeJS.Signals};

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Runs the watch until it ends; resolves with the exit code. */
export async function runStream(options: StreamOptions): Promise<number> {
	const {config, now} = options;
	const renderer = rendererFor(config, options.serviceId);
	const visible = visibleTo(config);
	// In JSON mode stdout is for objects only; the heartbeat goes where CI logs still see it.
	const heartbeatOut = config.output === 'json' ? options.stderr : options.stdout;
	let state: StreamState = initialStreamState();
	let detailsUnavailable = false;
	const diagnostics = createEventDiagnostics();
	let end!: (ending: Ending) => void;
	const ended = new Promise<Ending>(resolve => (end = resolve));

	const heartbeat = startHeartbeat({
		everyMs: HEARTBEAT_EVERY_MS,
		now,
		emit: quietSince => heartbeatOut(heartbeatLine(state.snapshot.deployment, now(), quietSince)),
	});
	const onMessage = (message: WatchMessage) => {
		const previous = state;
		const result = applyMessage(state, message);
		state = result.state;
		let wrote = false;
		for (const line of renderer.update(previous.snapshot, state.snapshot, result.added.filter(visible), now())) {
			options.stdout(line);
			wrote = true;
		}

		if (wrote) heartbeat.touch();
		for (const note of diagnostics.notes(result.added, now())) options.stderr(note);
		if (message.type === 'details-unavailable') {
			detailsUnavailable = true;
			options.stderr(`service details unavailable (${message.reason}): progress is read from the events alone`);
		}

		// Without details the watcher never sees a terminal status; the events must say it.
		if (config.exitStatus && detailsUnavailable && state.snapshot.deployment.outcome !== 'in_progress') end({kind: 'settled'});

		if (message.type === 'sync') {
			const note = syncLine(previous.sync, message.state, now());
			if (note) options.stderr(note);
			if (config.once && message.state.kind === 'ok') end({kind: 'once'});
		}
	};

	const watcher = options.createWatcher(onMessage);
	const timeout = config.timeoutMs === null ? undefined : setTimeout(() => end({kind: 'timeout'}), config.timeoutMs);
	const onSignal = (signal: NodeJS.Signals) => end({kind: 'signal', signal});
	for (const signal of SIGNALS) process.on(signal, onSignal);
	watcher.done.then(result => end({kind: 'watcher', end: result}), error => end({kind: 'watcher', end: {reason: 'permanent-error', error}}));
	watcher.start();

	const ending = await ended;
	watcher.stop();
	heartbeat.stop();
	clearTimeout(timeout);
	for (const signal of SIGNALS) process.off(signal, onSignal);
	return finish(ending, state.snapshot, renderer, options);
}

function finish(ending: Ending, snapshot: WatchSnapshot, renderer: Renderer, options: StreamOptions): number {
	const {config} = options;
	if (ending.kind === 'watcher' && ending.end.reason === 'permanent-error') {
		options.stderr(describeFailure(ending.end.error, options.auth));
		return exitCodeForError(ending.end.error);
	}

	for (const line of renderer.summary(snapshot, options.now())) options.stdout(line);
	const {outcome} = snapshot.deployment;
	if (ending.kind === 'signal') return exitCodeForSignal(ending.signal);
	if (ending.kind === 'timeout' && outcome === 'in_progress') {
		options.stderr(`modelarts-watch: --timeout reached after ${formatDuration(config.timeoutMs ?? 0)}; the deployment is still in progress`);
		return EXIT.timeout;
	}

	return exitCodeForOutcome(outcome, config.exitStatus);
}
