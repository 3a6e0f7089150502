// Starts a simulator on an ephemeral port with a hand-driven clock, and fetches from it
// over real HTTP the way any client would.
import type {Simulator, SimulatorOptions} from '../../source/sim/server.js';
import {startSimulator} from '../../source/sim/server.js';

export const T0 = 1_700_000_000_000;

export interface Harness {
	readonly sim: Simulator;
	/** Moves the injected clock forward. */
	advance(ms: number): void;
	now(): number;
	/** GET {url}/v1/{project}/services{path} with the right token unless headers say otherwise. */
	get(path: string, query?: Record<string, string | number>, headers?: Record<string, string>): Promise<Response>;
	/** Same, parsed as JSON. */
	getJson<T = Record<string, unknown>>(path: string, query?: Record<string, string | number>): Promise<{status: number; body: T}>;
}

export async function startHarness(options: SimulatorOptions = {}): Promise<Harness> {
	let clock = T0;
	const sim = await startSimulator({now: () => clock, ...options});
	const get = (path: string, query: Record<string, string | number> = {}, headers?: Record<string, string>) => {
		const url = new URL(`${sim.url}/v1/${sim.projectId}/services${path}`);
		for (const [key, value] of Object.entries(query)) url.searchParams.set(key, String(value));
		return fetch(url, {headers: headers ?? {'X-Auth-Token': sim.token}});
	};
	return {
		sim,
		advance: (ms) => {
			clock += ms;
		},
		now: () => clock,
		get,
		async getJson<T>(path: string, query?: Record<string, string | number>) {
			const response = await get(path, query);
			return {status: response.status, body: (await response.json()) as T};
		},
	};
}

/** The events response shape. */
export interface EventsBody {
	service_id: string;
	service_name: string;
	total_count: number;
	count: number;
	events: {event_type: string; event_info: string; occur_time: number}[];
}

/** Polls a condition every few ms; fails after `timeoutMs` instead of hanging the test. */
export async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error('condition not met in time');
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}
