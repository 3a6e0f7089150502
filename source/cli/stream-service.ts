// One service's plain or JSON log: the watcher's messages folded into the watch data (the
// same fold as the live view's, core/watch/data.ts), the renderers in source/output/ turning
// each change into lines, and a heartbeat while nothing happens. A watch of one service runs one of these
// (run-stream.ts); a watch of several runs one per service (run-stream-many.ts).
import type {Config} from '../config/types.js';
import {ASCII_PUNCTUATION, UNICODE_PUNCTUATION} from '../core/words/punctuation.js';
import {sanitizeForAsciiTerminal, sanitizeForTerminal} from '../core/events/sanitize.js';
import type {WatchEvent} from '../core/types.js';
import type {Added} from '../core/events/store.js';
import {emptyWatchData, foldWatch, type WatchData} from '../core/watch/data.js';
import type {WatchMessage} from '../core/watch/data.js';
import type {DataNotes} from '../output/data-notes.js';
import {HEARTBEAT_EVERY_MS, heartbeatLine, startHeartbeat} from '../output/heartbeat.js';
import {jsonSummaryLine, jsonUpdateLines} from '../output/json.js';
import {withServiceId} from '../output/json-service.js';
import {createSlowNotices} from '../output/plain-diagnosis.js';
import {plainSummaryLines, plainUpdateLines, type PlainStyle} from '../output/plain.js';
import {line} from '../output/plain-line.js';
import {podsLine, podsRecord} from '../core/words/pods-record.js';
import {diagnosisContextOf, type DiagnosisLimits} from '../core/watch/diagnosis.js';
import type {Renderer} from '../output/renderer.js';
import {snapshotOf, type WatchSnapshot} from '../output/snapshot.js';
import {syncLine} from '../output/sync-line.js';
import {createTimeFormatter} from '../output/time-format.js';
import {docsCloudOf} from '../core/diagnosis/docs-cloud.js';

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
	if (config.output === 'json') {
		return {
			update: (previous, next, added, repeated) => eachWithServiceId(jsonUpdateLines(previous, next, added, repeated), serviceId),
			summary: (snapshot, clock) => [jsonSummaryLine(snapshot, serviceId, clock)],
			pods: (report, at) => {
				const {at: _at, ...facts} = podsRecord(report, at);
				return {line: withServiceId(JSON.stringify(podsRecord(report, at)), serviceId), same: JSON.stringify(facts)};
			},
		};
	}

	const style = plainStyleOf(config);
	const slowNotices = createSlowNotices();
	return {
		update: (previous, next, added, _repeated, clock) => [...plainUpdateLines(previous, next, added, clock.nowMs, style, clock), ...slowNotices(next.deployment, clock, style)],
		summary: (snapshot, clock) => plainSummaryLines(snapshot, clock.nowMs, style, clock),
		pods: (report, at, nowMs) => {
			const text = style.sanitize(podsLine(report));
			return {line: line(style.formatTime(at, nowMs), 'pods', text), same: text};
		},
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
	/** Asks the service's poll loop to read the update logs (an update began or ended). */
	readonly readUpdateLogs: () => void;
}

/** One service's log, fed the watcher's messages. */
export interface ServiceStream {
	onMessage(message: WatchMessage): void;
	/** What the watch learned so far (the watch-end rule reads its facts). */
	data(): WatchData;
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
	const limits: DiagnosisLimits = {thresholds: config.slowThresholds, timeoutMs: config.deployTimeoutMs, cloud: docsCloudOf(config.endpoint)};
	const clock = () => diagnosisContextOf(data, limits, now());
	const visible = visibleTo(config);
	// In JSON mode stdout is for objects only; the heartbeat goes where CI logs still see it.
	const heartbeatOut = config.output === 'json' ? options.stderr : options.stdout;
	let data = emptyWatchData();
	let snapshot = snapshotOf(data);
	let lastPods: string | null = null;
	const heartbeat = startHeartbeat({
		everyMs: HEARTBEAT_EVERY_MS,
		now,
		emit: quietSince => heartbeatOut(heartbeatLine(data.deployment, now(), quietSince)),
	});

	// A long read comes in parts: their events are written as they come, and what follows from
	// them (phases, slow notices, the outcome) once the read is whole, from where it began. A
	// history cut at a page boundary would otherwise read as deployments that stalled.
	let readFrom: WatchSnapshot | null = null;
	const onMessage = (message: WatchMessage) => {
		const previous = {data, snapshot};
		const [next, effects] = foldWatch(data, message);
		data = next;
		if (next !== previous.data) snapshot = snapshotOf(next);
		let batch: Added | null = null;
		let repeated: readonly WatchEvent[] = [];
		for (const effect of effects) {
			if (effect.type === 'read-update-logs') options.readUpdateLogs();
			else if (effect.type === 'events-added') batch = effect.batch;
			else if (effect.type === 'events-repeated') repeated = effect.events;
		}

		const from = readFrom ?? previous.snapshot;
		// The fold knows whether a read is still coming in parts (the end rule reads the same flag).
		const part = data.readingParts;
		readFrom = part ? from : null;
		// Every message, even one that changed nothing: a phase may have become slow meanwhile.
		let wrote = false;
		for (const line of renderer.update(from, part ? from : snapshot, (batch?.added ?? []).filter(visible), repeated.filter(visible), clock())) {
			options.stdout(line);
			wrote = true;
		}

		if (message.type === 'pods') {
			const {line, same} = renderer.pods(message.report, message.at, now());
			if (same !== lastPods) {
				options.stdout(line);
				wrote = true;
			}

			lastPods = same;
		}

		if (wrote) heartbeat.touch();
		if (batch !== null) notes.events(batch);
		if (message.type === 'details-unavailable' && previous.data.detailsUnavailable === null) {
			options.stderr(`service details unavailable (${message.reason}): progress is read from the events alone`);
		}

		if (message.type === 'monitor-unavailable' && previous.data.monitorUnavailable === null) {
			options.stderr(`service monitor unavailable (${message.reason}): carrying on without instance counts`);
		}

		if (message.type === 'sync') {
			const note = syncLine(previous.data.sync, message.state, now());
			if (note) options.stderr(note);
		}
	};

	return {
		onMessage,
		data: () => data,
		snapshot: () => snapshot,
		summary: () => renderer.summary(snapshot, clock()),
		stop: () => heartbeat.stop(),
	};
}
