// One service's plain or JSON log: the watcher's messages folded into a small state, the
// renderers in source/output/ turning each change into lines, a heartbeat while nothing
// happens, and the facts the watch-end rule needs. A watch of one service runs one of these
// (run-stream.ts); a watch of several runs one per service (run-stream-many.ts).
import type {Config} from '../config/types.js';
import {ASCII_PUNCTUATION, UNICODE_PUNCTUATION} from '../model/punctuation.js';
import {sanitizeForAsciiTerminal, sanitizeForTerminal} from '../model/sanitize.js';
import type {WatchEvent} from '../model/types.js';
import type {WatchFacts} from '../model/watch-end.js';
import type {WatchMessage} from '../model/watch-messages.js';
import type {DataNotes} from '../output/data-notes.js';
import {HEARTBEAT_EVERY_MS, heartbeatLine, startHeartbeat} from '../output/heartbeat.js';
import {jsonSummaryLine, jsonUpdateLines} from '../output/json.js';
import {withServiceId} from '../output/json-service.js';
import {createSlowNotices} from '../output/plain-diagnosis.js';
import {plainSummaryLines, plainUpdateLines, type PlainStyle} from '../output/plain.js';
import type {WatchSnapshot} from '../output/snapshot.js';
import {applyMessage, initialStreamState, type StreamState} from '../output/stream-state.js';
import {syncLine} from '../output/sync-line.js';
import {createTimeFormatter} from '../output/time-format.js';

/** What the log looks like: the JSON or the plain renderer behind one shape. */
interface Renderer {
	/** Read each line as it comes: JSON makes them lazily, so a huge batch is written as it is made. */
	update(previous: WatchSnapshot, next: WatchSnapshot, added: readonly WatchEvent[], nowMs: number): Iterable<string>;
	summary(snapshot: WatchSnapshot, nowMs: number): string[];
}

function* eachWithServiceId(lines: Iterable<string>, serviceId: string): Generator<string> {
	for (const line of lines) yield withServiceId(line, serviceId);
}

/** How plain lines look under this configuration. */
export function plainStyleOf(config: Config): PlainStyle {
	return {
		color: config.color,
		formatTime: createTimeFormatter(config.timeZone),
		sanitize: config.ascii ? sanitizeForAsciiTerminal : sanitizeForTerminal,
		punctuation: config.ascii ? ASCII_PUNCTUATION : UNICODE_PUNCTUATION,
	};
}

function rendererFor(config: Config, serviceId: string): Renderer {
	const limits = {thresholds: config.slowThresholds, timeoutMs: config.deployTimeoutMs};
	if (config.output === 'json') {
		return {
			update: (previous, next, added) => eachWithServiceId(jsonUpdateLines(previous, next, added), serviceId),
			summary: (snapshot, nowMs) => [jsonSummaryLine(snapshot, serviceId, {nowMs, ...limits})],
		};
	}

	const style = plainStyleOf(config);
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

export interface ServiceStreamOptions {
	readonly config: Config;
	readonly serviceId: string;
	/** Where data lines go (and, in JSON mode, nothing else). */
	readonly stdout: (line: string) => void;
	readonly stderr: (line: string) => void;
	readonly now: () => number;
	readonly notes: DataNotes;
	/** Told what the watch-end rule needs after every message. */
	readonly report: (change: Partial<Pick<WatchFacts, 'outcome' | 'detailsUnavailable' | 'polled'>>) => void;
	/** Asks the service's poll loop to read the update logs (an update began or ended). */
	readonly readUpdateLogs: () => void;
}

/** One service's log, fed the watcher's messages. */
export interface ServiceStream {
	onMessage(message: WatchMessage): void;
	/** What the log knows now (its `events` are the store's own: read them at once). */
	snapshot(): WatchSnapshot;
	/** The closing summary's lines. */
	summary(): string[];
	/** Ends the heartbeat. */
	stop(): void;
}

export function createServiceStream(options: ServiceStreamOptions): ServiceStream {
	const {config, now, notes} = options;
	const renderer = rendererFor(config, options.serviceId);
	const visible = visibleTo(config);
	// In JSON mode stdout is for objects only; the heartbeat goes where CI logs still see it.
	const heartbeatOut = config.output === 'json' ? options.stderr : options.stdout;
	let state: StreamState = initialStreamState();
	const heartbeat = startHeartbeat({
		everyMs: HEARTBEAT_EVERY_MS,
		now,
		emit: quietSince => heartbeatOut(heartbeatLine(state.snapshot.deployment, now(), quietSince)),
	});

	// A long read comes in parts: their events are written as they come, and what follows from
	// them (phases, slow notices, the outcome) once the read is whole, from where it began. A
	// history cut at a page boundary would otherwise read as deployments that stalled.
	let readFrom: WatchSnapshot | null = null;
	const onMessage = (message: WatchMessage) => {
		const previous = state;
		const {state: next, batch, readUpdateLogs} = applyMessage(state, message);
		state = next;
		if (readUpdateLogs) options.readUpdateLogs();
		const from = readFrom ?? previous.snapshot;
		const part = message.type === 'events' && message.more === true;
		readFrom = part ? from : null;
		const shown = part ? from : state.snapshot;
		let wrote = false;
		for (const line of renderer.update(from, shown, (batch?.added ?? []).filter(visible), now())) {
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

		options.report({
			outcome: shown.deployment.outcome,
			detailsUnavailable: state.detailsUnavailable !== null,
			...(message.type === 'sync' && message.state.kind === 'ok' ? {polled: true} : {}),
		});
	};

	return {
		onMessage,
		snapshot: () => state.snapshot,
		summary: () => renderer.summary(state.snapshot, now()),
		stop: () => heartbeat.stop(),
	};
}
