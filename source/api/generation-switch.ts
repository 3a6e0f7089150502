// --api auto for a service no list has placed: watch it through v1, exactly as before, and
// only when v1 answers 404 for it ask v2; if v2 knows it, the watch goes on through v2 for
// good. So a v1 service costs not one request more, and a v2 service one failed v1 request.
import {NotFoundError} from './errors.js';
import type {EventSync} from './sync.js';
import type {ModelArtsClient} from './types.js';
import type {V2EventSync} from './v2-event-sync.js';
import type {EventUpdate} from '../model/types.js';

export interface SwitchOptions {
	readonly v1: {readonly client: ModelArtsClient; readonly sync: EventSync};
	/** Built only when v1 does not know the service. */
	readonly v2: () => {readonly client: ModelArtsClient; readonly sync: V2EventSync};
	/** Resolves when the v2 API knows the service; rejects otherwise. */
	readonly probeV2: (signal?: AbortSignal) => Promise<unknown>;
	readonly serviceId: string;
	/** Told once when the watch moves to v2. */
	readonly onSwitch?: () => void;
}

/** A client and an event sync that start on v1 and move to v2 on v1's 404. */
export function switchingGeneration(options: SwitchOptions): {readonly client: ModelArtsClient; readonly sync: EventSync & {takeUpdates(): EventUpdate[]}} {
	let current: {readonly client: ModelArtsClient; readonly sync: EventSync; readonly v2?: V2EventSync} = options.v1;
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
				await options.probeV2(signal);
			} catch {
				throw error;
			}
			const v2 = options.v2();
			current = {...v2, v2: v2.sync};
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
		poll: (signal?: AbortSignal) => routed((parts) => parts.sync.poll(signal), signal),
		takeUpdates: () => current.v2?.takeUpdates() ?? [],
	};
	return {client, sync};
}
