// The plain and JSON run of one service: its log (stream-service.ts), the watcher, and the
// one watch-end rule deciding when it is over. No Ink on this path.
import type {Authenticator} from '../api/http/authenticator.js';
import type {Watcher, WatcherFactory} from '../api/poll/watcher-types.js';
import type {Config} from '../config/types.js';
import type {DataNotes} from '../output/data-notes.js';
import {factOf} from '../core/ending/run-end.js';
import {watchFacts} from '../core/watch/data.js';
import {decideEnd} from '../core/ending/watch-end.js';
import {createServiceStream} from './stream-service.js';
import {streamEnding, watchDoneMessage} from './watch-ending.js';

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

/** Runs the watch until it ends; resolves with the exit code. */
export async function runStream(options: StreamOptions): Promise<number> {
	// Asked from inside a message the watcher is dispatching: it is set by then.
	let watcher: Watcher | null = null;
	const stream = createServiceStream({...options, readUpdateLogs: () => watcher?.readUpdateLogs()});
	const ending = streamEnding(options.config, (facts, rules) => decideEnd({...facts, ...watchFacts(stream.data())}, rules));
	watcher = options.createWatcher(message => {
		stream.onMessage(message);
		ending.settle();
	});
	void watchDoneMessage(watcher.done, options.auth).then(message => message !== null && ending.settle(factOf(message)));
	watcher.start();

	const end = await ending.ended;
	watcher.stop();
	stream.stop();
	try {
		if (end.summary) for (const line of stream.summary()) options.stdout(line);
		if (end.message !== null) options.stderr(end.message);
		return end.exitCode;
	} finally {
		ending.dispose();
	}
}
