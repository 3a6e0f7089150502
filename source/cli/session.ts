// What a watch run is, once configuration and credential are settled: one tagged union of
// the run kinds, so run.ts builds one and the terminal UI or the logs run it, without either
// importing the other.
import type {Authenticator} from '../api/http/authenticator.js';
import type {WatcherFactory} from '../api/poll/watcher-types.js';
import type {Config} from '../config/types.js';
import type {ServiceSummary} from '../core/types.js';
import type {DataNotes} from '../output/data-notes.js';

interface SessionBase {
	readonly config: Config;
	readonly auth: Authenticator;
	/** Says once what is odd about the server's data; the client reports to it too. */
	readonly notes: DataNotes;
}

/** Watch one named service. */
export interface WatchOneSession extends SessionBase {
	readonly kind: 'watch';
	readonly serviceId: string;
	readonly createWatcher: WatcherFactory;
}

/** One service of a watch of several: its id, and its name when the project's list gave it. */
export interface ServiceToWatch {
	readonly serviceId: string;
	readonly name: string | null;
}

/** Watch several services at once: the overview in a terminal, name-prefixed lines or tagged records otherwise. */
export interface WatchManySession extends SessionBase {
	readonly kind: 'watch-many';
	/** In the order the command line (or the list, for --all) gave them; never empty. */
	readonly services: readonly ServiceToWatch[];
	/** Every poll loop's requests pass one request gate (--max-rate), and each stops after its service ended. */
	readonly watcherFor: (serviceId: string) => WatcherFactory;
}

/** No service named, in a terminal: pick one from the project's list, watch it, come back. */
export interface PickSession extends SessionBase {
	readonly kind: 'pick';
	/** Every service of the project (all pages). */
	readonly loadServices: (signal: AbortSignal) => Promise<readonly ServiceSummary[]>;
	readonly watcherFor: (serviceId: string) => WatcherFactory;
}

export type Session = WatchOneSession | WatchManySession | PickSession;
