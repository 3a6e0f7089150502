// The plain and JSON run of several services: one log per service (stream-service.ts), each
// plain line and stderr note prefixed with its service's name, the poll loops started one
// after another over the first interval, and the rule for several deciding when it is over.
// It closes with each service's summary, then one for the whole set.
import type {Authenticator} from '../api/http/authenticator.js';
import {createWatchSet, type WatchSet} from '../api/poll/watch-set.js';
import type {WatcherFactory} from '../api/poll/watcher-types.js';
import type {Config} from '../config/types.js';
import {watchFacts} from '../core/watch/data.js';
import {NOTHING_KNOWN} from '../core/ending/watch-end.js';
import {decideManyEnd, serviceOutcome, setOutcome, type ServiceFacts} from '../core/ending/watch-end-many.js';
import type {DataNotes} from '../output/data-notes.js';
import {summaryAllLine, type ServiceOutcomeRecord} from '../output/json-service.js';
import {nameColumn, nameColumnWidth, plainSummaryAllLine, prefixed} from '../output/plain-service.js';
import type {ServiceToWatch} from './session.js';
import {createServiceStream, plainStyleOf, type ServiceStream} from './stream-service.js';
import {streamEnding, watchDoneMessage} from './watch-ending.js';

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
	/** How its poll loop ended, once it did. */
	done: Pick<ServiceFacts, 'pollingDone' | 'failure'>;
}

const NOT_DONE: Followed['done'] = {pollingDone: false, failure: null};

function factsOf(one: Followed): ServiceFacts {
	return {...watchFacts(one.stream.data()), ...one.done};
}

function follow(options: ManyStreamOptions, watchers: () => WatchSet | null): Followed[] {
	const {config} = options;
	const {sanitize} = plainStyleOf(config);
	const labels = options.services.map(service => sanitize(service.name ?? service.serviceId));
	const width = nameColumnWidth(labels);
	return options.services.map((service, index) => {
		const column = nameColumn(labels[index]!, width);
		// A JSON record names its service itself; a plain line needs the name in front.
		const out = config.output === 'json' ? options.stdout : (line: string) => options.stdout(prefixed(column, line));
		const err = (line: string) => options.stderr(prefixed(column, line));
		const readUpdateLogs = () => watchers()?.watchers.get(service.serviceId)?.readUpdateLogs();
		const stream = createServiceStream({config, serviceId: service.serviceId, stdout: out, stderr: err, now: options.now, notes: options.notes, readUpdateLogs});
		return {service, stream, out, err, done: NOT_DONE};
	});
}

/** Runs the watch of several until it ends; resolves with the exit code. */
export async function runStreamMany(options: ManyStreamOptions): Promise<number> {
	const {config} = options;
	// The streams ask the poll loops for update logs from inside their messages: the set exists by then.
	let set: WatchSet | null = null;
	const followed = follow(options, () => set);
	const byId = new Map(followed.map(one => [one.service.serviceId, one]));
	const ending = streamEnding(config, (facts, rules) => decideManyEnd(followed.map(factsOf), {...NOTHING_KNOWN, ...facts}, rules));
	const watchSet = createWatchSet(
		options.services.map(service => ({serviceId: service.serviceId, createWatcher: options.watcherFor(service.serviceId)})),
		(serviceId, message) => {
			byId.get(serviceId)?.stream.onMessage(message);
			ending.settle();
		},
		{intervalMs: config.intervalMs},
	);
	set = watchSet;
	for (const one of followed) {
		void watchDoneMessage(watchSet.watchers.get(one.service.serviceId)!.done, options.auth).then(message => {
			if (message === null) return;
			// Said at once: the other services go on, and this line is where the log says why this one stopped.
			if (message.failure !== null) one.err(message.failure.message);
			one.done = message.failure === null ? {...one.done, pollingDone: true} : {...one.done, failure: message.failure};
			ending.settle();
		});
	}

	watchSet.start();
	const end = await ending.ended;
	watchSet.stop();
	for (const one of followed) one.stream.stop();
	try {
		if (end.summary) writeSummaries(options, followed);
		if (end.message !== null) options.stderr(end.message);
		return end.exitCode;
	} finally {
		ending.dispose();
	}
}

/** Each service's summary (as for one service), then the whole set's, last. */
function writeSummaries(options: ManyStreamOptions, followed: readonly Followed[]): void {
	const records: ServiceOutcomeRecord[] = [];
	const facts: ServiceFacts[] = [];
	for (const one of followed) {
		const {service, stream, out} = one;
		const known = factsOf(one);
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
