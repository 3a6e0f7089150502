// The plain and JSON runs: the watcher's messages folded into a small state, the renderers in
// source/output/ turning each change into lines, a heartbeat while nothing happens, and the
// one watch-end rule deciding when it is over. No Ink on this path.
import type {Authenticator} from '../api/auth/types.js';
import type {Watcher, WatcherFactory} from '../api/watcher.js';
import type {Config} from '../config/types.js';
import {ASCII_PUNCTUATION, UNICODE_PUNCTUATION} from '../model/punctuation.js';
import {sanitizeForAsciiTerminal, sanitizeForTerminal} from '../model/sanitize.js';
import type {WatchEvent} from '../model/types.js';
import type {WatchMessage} from '../model/watch-messages.js';
import type {DataNotes} from '../output/data-notes.js';
import {HEARTBEAT_EVERY_MS, heartbeatLine, startHeartbeat} from '../output/heartbeat.js';
import {jsonSummaryLine, jsonUpdateLines} from '../output/json.js';
import {plainSummaryLines, plainUpdateLines, type PlainStyle} from '../output/plain.js';
import {createSlowNotices} from '../output/plain-diagnosis.js';
import type {WatchSnapshot} from '../output/snapshot.js';
import {applyMessage, initialStreamState, type StreamState} from '../output/stream-state.js';
import {syncLine} from '../output/sync-line.js';
import {createTimeFormatter} from '../output/time-format.js';
import {failureOf} from './failure.js';
import {trackEnding, type ExitEnding} from './watch-ending.js';

export interface StreamOptions {
	readonly config: Config;
	readonly serviceId: string;
	readonly createWatcher: WatcherFactory;
	readonly stdout: (line: string) => void;
	readonly stderr: (line: string) => void;
	readonly now: () => number;
	/** Names the credential in the message when the server rejects it. */
	readonly auth: Authenticator | null;
	/** Says once what is odd about the events (the client reports odd payloads to the same notes). */
	readonly notes: DataNotes;
}

/** What the log looks like: the JSON or the plain renderer behind one shape. */
interface Renderer {
	/** Read each line as it comes: JSON makes them lazily, so a huge batch is written as it is made. */
	update(previous: WatchSnapshot, next: WatchSnapshot, added: readonly WatchEvent[], nowMs: number): Iterable<string>;
	summary(snapshot: WatchSnapshot, nowMs: number): string[];
}

function rendererFor(config: Config, serviceId: string): Renderer {
	const limits = {thresholds: config.slowThresholds, timeoutMs: config.deployTimeoutMs};
	if (config.output === 'json') {
		return {
			update: (previous, next, added) => jsonUpdateLines(previous, next, added),
			summary: (snapshot, nowMs) => [jsonSummaryLine(snapshot, serviceId, {nowMs, ...limits})],
		};
	}

	const style: PlainStyle = {
		color: config.color,
		formatTime: createTimeFormatter(config.timeZone),
		sanitize: config.ascii ? sanitizeForAsciiTerminal : sanitizeForTerminal,
		punctuation: config.ascii ? ASCII_PUNCTUATION : UNICODE_PUNCTUATION,
	};
	const slowNotices = createSlowNotices();
	return {
		update: (previous, next, added, nowMs) => [...plainUpdateLines(previous, next, added, nowMs, style), ...slowNotices(next.deployment, {nowMs, ...limits}, style)],
		summary: (snapshot, nowMs) => plainSummaryLines(snapshot, nowMs, style, {nowMs, ...limits}),
	};
}

function visibleTo(config: Config): (event: WatchEvent) => boolean {
	// since/until are applied by the event sync itself; the type filter only hides lines,
	// the deployment is still computed from every event.
	return event => config.typeFilter === 'all' || event.type === config.typeFilter;
}

/** Runs the watch until it ends; resolves with the exit code. */
export async function runStream(options: StreamOptions): Promise<number> {
	const {config, now, notes} = options;
	const renderer = rendererFor(config, options.serviceId);
	const visible = visibleTo(config);
	// In JSON mode stdout is for objects only; the heartbeat goes where CI logs still see it.
	const heartbeatOut = config.output === 'json' ? options.stderr : options.stdout;
	let state: StreamState = initialStreamState();
	const ending = trackEnding(config);

	const heartbeat = startHeartbeat({
		everyMs: HEARTBEAT_EVERY_MS,
		now,
		emit: quietSince => heartbeatOut(heartbeatLine(state.snapshot.deployment, now(), quietSince)),
	});
	let watcher: Watcher | null = null;
	const onMessage = (message: WatchMessage) => {
		const previous = state;
		const {state: next, batch, readUpdateLogs} = applyMessage(state, message);
		state = next;
		if (readUpdateLogs) watcher?.readUpdateLogs();
		let wrote = false;
		for (const line of renderer.update(previous.snapshot, state.snapshot, (batch?.added ?? []).filter(visible), now())) {
			options.stdout(line);
			wrote = true;
		}

		if (wrote) heartbeat.touch();
		if (batch !== null) notes.events(batch, now());
		if (message.type === 'details-unavailable' && previous.detailsUnavailable === null) {
			options.stderr(`service details unavailable (${message.reason}): progress is read from the events alone`);
		}

		if (message.type === 'monitor-unavailable' && previous.monitorUnavailable === null) {
			options.stderr(`service monitor unavailable (${message.reason}): carrying on without instance counts`);
		}

		if (message.type === 'sync') {
			const note = syncLine(previous.sync, message.state, now());
			if (note) options.stderr(note);
		}

		ending.report({
			outcome: state.snapshot.deployment.outcome,
			detailsUnavailable: state.detailsUnavailable !== null,
			...(message.type === 'sync' && message.state.kind === 'ok' ? {polled: true} : {}),
		});
	};

	watcher = options.createWatcher(onMessage);
	watcher.done.then(
		result => {
			if (result.reason === 'terminal') ending.report({pollingDone: true});
			if (result.reason === 'permanent-error') ending.report({failure: failureOf(result.error, options.auth)});
		},
		(error: unknown) => ending.report({failure: failureOf(error, options.auth)}),
	);
	watcher.start();

	const end = await ending.ended;
	watcher.stop();
	heartbeat.stop();
	try {
		return finish(end, state.snapshot, renderer, options);
	} finally {
		ending.dispose();
	}
}

function finish(end: ExitEnding, snapshot: WatchSnapshot, renderer: Renderer, options: StreamOptions): number {
	if (end.summary) for (const line of renderer.summary(snapshot, options.now())) options.stdout(line);
	if (end.message !== null) options.stderr(end.message);
	return end.exitCode;
}
