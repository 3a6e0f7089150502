// The plain and JSON run of several services: one log per service (stream-service.ts), each
// plain line and stderr note prefixed with its service's name, the poll loops started one
// after another over the first interval, and the rule for several deciding when it is over.
// It closes with each service's summary, then one for the whole set.
import type {Authenticator} from '../api/auth/types.js';
import {createWatchSet, type WatchSet} from '../api/watch-set.js';
import type {WatcherFactory} from '../api/watcher.js';
import type {Config} from '../config/types.js';
import {serviceOutcome, setOutcome, type ServiceFacts} from '../model/watch-end-many.js';
import type {DataNotes} from '../output/data-notes.js';
import {summaryAllLine, type ServiceOutcomeRecord} from '../output/json-service.js';
import {nameColumn, nameColumnWidth, plainSummaryAllLine, prefixed} from '../output/plain-service.js';
import {failureOf} from './failure.js';
import type {ServiceToWatch} from './session.js';
import {createServiceStream, plainStyleOf, type ServiceStream} from './stream-service.js';
import {trackManyEnding, type ManyEndingTracker} from './watch-ending.js';

export interface ManyStreamOptions {
	readonly config: Config;
	readonly services: readonly ServiceToWatch[];
	readonly watcherFor: (serviceId: string) => WatcherFactory;
	readonly stdout: (line: string) => void;
	readonly stderr: (line: string) => void;
	readonly now: () => number;
	readonly auth: Authenticator | null;
	readonly notes: DataNotes;
}

interface Followed {
	readonly service: ServiceToWatch;
	readonly stream: ServiceStream;
	/** Writes one of this service's data lines (name-prefixed in plain mode). */
	readonly out: (line: string) => void;
	readonly err: (line: string) => void;
}

function follow(options: ManyStreamOptions, ending: ManyEndingTracker, watchers: () => WatchSet | null): Followed[] {
	const {config} = options;
	const {sanitize} = plainStyleOf(config);
	const labels = options.services.map(service => sanitize(service.name ?? service.serviceId));
	const width = nameColumnWidth(labels);
	return options.services.map((service, index) => {
		const column = nameColumn(labels[index]!, width);
		// A JSON record names its service itself; a plain line needs the name in front.
		const out = config.output === 'json' ? options.stdout : (line: string) => options.stdout(prefixed(column, line));
		const err = (line: string) => options.stderr(prefixed(column, line));
		const report = (change: Partial<ServiceFacts>) => ending.reportService(service.serviceId, change);
		const readUpdateLogs = () => watchers()?.watchers.get(service.serviceId)?.readUpdateLogs();
		const stream = createServiceStream({config, serviceId: service.serviceId, stdout: out, stderr: err, now: options.now, notes: options.notes, report, readUpdateLogs});
		return {service, stream, out, err};
	});
}

/** Runs the watch of several until it ends; resolves with the exit code. */
export async function runStreamMany(options: ManyStreamOptions): Promise<number> {
	const {config} = options;
	const ending = trackManyEnding(config, options.services.map(service => service.serviceId));
	// The streams ask the poll loops for update logs from inside their messages: the set exists by then.
	let set: WatchSet | null = null;
	const followed = follow(options, ending, () => set);
	const byId = new Map(followed.map(one => [one.service.serviceId, one]));
	const watchSet = createWatchSet(
		options.services.map(service => ({serviceId: service.serviceId, createWatcher: options.watcherFor(service.serviceId)})),
		(serviceId, message) => byId.get(serviceId)?.stream.onMessage(message),
		{intervalMs: config.intervalMs},
	);
	set = watchSet;
	for (const one of followed) {
		const stopped = (error: unknown) => {
			const failure = failureOf(error, options.auth);
			// Said at once: the other services go on, and this line is where the log says why this one stopped.
			one.err(failure.message);
			ending.reportService(one.service.serviceId, {failure});
		};

		watchSet.watchers.get(one.service.serviceId)!.done.then(result => {
			if (result.reason === 'terminal') ending.reportService(one.service.serviceId, {pollingDone: true});
			if (result.reason === 'permanent-error') stopped(result.error);
		}, stopped);
	}

	watchSet.start();
	const end = await ending.ended;
	watchSet.stop();
	for (const one of followed) one.stream.stop();
	try {
		if (end.summary) writeSummaries(options, followed, ending);
		if (end.message !== null) options.stderr(end.message);
		return end.exitCode;
	} finally {
		ending.dispose();
	}
}

/** Each service's summary (as for one service), then the whole set's, last. */
function writeSummaries(options: ManyStreamOptions, followed: readonly Followed[], ending: ManyEndingTracker): void {
	const records: ServiceOutcomeRecord[] = [];
	const facts: ServiceFacts[] = [];
	for (const {service, stream, out} of followed) {
		const known = ending.serviceFacts(service.serviceId);
		facts.push(known);
		// As for one service: no summary after a permanent error, the error says what happened.
		if (known.failure === null) for (const line of stream.summary()) out(line);
		records.push({
			service_id: service.serviceId,
			service_name: stream.snapshot().details?.service_name ?? service.name,
			outcome: serviceOutcome(known),
			error: known.failure?.reason ?? null,
		});
	}

	if (options.config.output === 'json') {
		options.stdout(summaryAllLine(setOutcome(facts), records));
	} else {
		options.stdout('');
		options.stdout(plainSummaryAllLine(records.map(record => record.outcome)));
	}
}
