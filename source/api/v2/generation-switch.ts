// --api auto: watch a service through the generation it most likely belongs to (v1, exactly
// as before, unless a list placed it in v2), and only when that one answers 404 for it ask
// the other; if the other knows it, the watch goes on through it for good. So a v1 service
// costs not one request more, and a v2 service one failed v1 request (none when listed).
import {NotFoundError} from '../errors.js';
import type {EventSync} from '../poll/sync.js';
import type {ModelArtsClient} from '../types.js';
import type {V2EventSync} from './event-sync.js';
import type {ApiEvent, EventUpdate} from '../../core/types.js';

/** What one generation watches with; a v2 sync also hands over repeats. */
export interface GenerationParts {
	readonly client: ModelArtsClient;
	readonly sync: EventSync | V2EventSync;
}

export interface SwitchOptions {
	readonly first: GenerationParts;
	/** Built only when the first generation does not know the service. */
	readonly second: () => GenerationParts;
	/** Resolves when the second generation knows the service; rejects otherwise. */
	readonly probeSecond: (signal?: AbortSignal) => Promise<unknown>;
	/** Told once when the watch moves to the second generation. */
	readonly onSwitch?: () => void;
}

/** A client and an event sync that start on one generation and move to the other on its 404. */
export function switchingGeneration(options: SwitchOptions): {readonly client: ModelArtsClient; readonly sync: EventSync & {takeUpdates(): EventUpdate[]}} {
	let current: GenerationParts = options.first;
	let settled = false;

	/** Runs `request` on the current generation; v1's first 404 may move the watch to v2. */
	async function routed<T>(request: (parts: typeof current) => Promise<T>, signal?: AbortSignal): Promise<T> {
		try {
			const answer = await request(current);
			settled = true;
			return answer;
		} catch (error) {
			if (settled || !(error instanceof NotFoundError)) throw error;
			settled = true;
			try {
				await options.probeSecond(signal);
			} catch {
				throw error;
			}
			current = options.second();
			options.onSwitch?.();
			return request(current);
		}
	}

	const client: ModelArtsClient = {
		listEvents: (id, query, signal) => current.client.listEvents(id, query, signal),
		listServices: (query, signal) => current.client.listServices(query, signal),
		getService: (id, signal) => routed((parts) => parts.client.getService(id, signal), signal),
		getMonitor: (id, signal) => current.client.getMonitor(id, signal),
		getUpdateLogs: (id, query, signal) => current.client.getUpdateLogs(id, query, signal),
	};
	const sync = {
		get offsetMode() {
			return current.sync.offsetMode;
		},
		get progress() {
			return current.sync.progress;
		},
		// The server's clock and the hand-over in parts pass through, as from the sync itself.
		get serverNow() {
			return current.sync.serverNow;
		},
		poll: (signal?: AbortSignal, onPage?: (events: ApiEvent[]) => Promise<void>) => routed((parts) => parts.sync.poll(signal, onPage), signal),
		takeUpdates: () => ('takeUpdates' in current.sync ? current.sync.takeUpdates() : []),
	};
	return {client, sync};
}
