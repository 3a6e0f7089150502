// --wait-for-service: in CI the step that creates a service races the step that watches it.
// The project's list (both generations, as --service-name reads it) is read at the watch
// interval until a service of that name is there. A read that fails for a while (5xx, 429,
// network) waits as the poll loop would (retryDelay); one that cannot succeed (credential,
// project) ends the wait at once. --timeout bounds the wait; without it, it lasts until
// interrupted.
import {retryDelay} from '../api/poll/backoff.js';
import {ApiError} from '../api/errors.js';
import {formatDuration} from '../core/deployment/elapsed.js';
import {serviceNamed, type ServiceLister} from './service-lookup.js';

/** The service never appeared before --timeout: exit 5, as a watch that timed out. */
export class ServiceWaitTimeout extends Error {
	constructor(name: string, waitedMs: number) {
		super(`no service named "${name}" appeared in this project within ${formatDuration(waitedMs)} (--timeout); nothing was watched.`);
		this.name = 'ServiceWaitTimeout';
	}
}

/** What the wait reads (the list of both generations), how often, for how long, and where it speaks. */
export interface WaitForServiceOptions {
	readonly list: ServiceLister;
	readonly name: string;
	readonly intervalMs: number;
	/** --timeout in ms, or null to wait until interrupted. */
	readonly timeoutMs: number | null;
	/** Where the lines that say what the wait does go (stderr, before any view starts). */
	readonly note: (line: string) => void;
	readonly now?: () => number;
	readonly sleep?: (ms: number) => Promise<void>;
	readonly random?: () => number;
}

const defaultSleep = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms));

function waitingLine(name: string, intervalMs: number, timeoutMs: number | null): string {
	const bound = timeoutMs === null ? 'until it appears or you interrupt' : `for up to ${formatDuration(timeoutMs)}`;
	return `modelarts-watch: no service named "${name}" yet; waiting for it (checking every ${formatDuration(intervalMs)}, ${bound})`;
}

/** The id of the one service named `name`, once it exists; the time the wait took is the caller's to subtract. */
export async function waitForService(options: WaitForServiceOptions): Promise<string> {
	const {list, name, intervalMs, timeoutMs, note} = options;
	const now = options.now ?? Date.now;
	const sleep = options.sleep ?? defaultSleep;
	const random = options.random ?? Math.random;
	const start = now();
	let failures = 0;
	let waiting = false;
	for (;;) {
		let delay = intervalMs;
		try {
			const services = await list({service_name: name});
			if (services.some(service => service.service_name === name)) {
				const {service_id: id} = serviceNamed(services, name);
				if (waiting) note(`modelarts-watch: service "${name}" appeared after ${formatDuration(now() - start)}; watching it`);
				return id;
			}

			failures = 0;
		} catch (error) {
			if (!(error instanceof ApiError) || !error.retryable) throw error;
			failures += 1;
			delay = Math.max(intervalMs, retryDelay(error, failures, random));
		}

		if (!waiting) note(waitingLine(name, intervalMs, timeoutMs));
		waiting = true;
		const left = timeoutMs === null ? delay : start + timeoutMs - now();
		if (left <= 0) throw new ServiceWaitTimeout(name, now() - start);
		await sleep(Math.min(delay, left));
	}
}
