// Scenarios are data: a service list with a past (history) and a future (steps) that the
// simulator replays in compressed real time. Keeping them declarative lets the same script
// drive the demo, the tests of every layer, and the --help text.
import type {EventType, ServiceDetails} from '../model/types.js';

/** One event as a scenario writes it; occur_time is assigned when it is released. */
export interface ScenarioEvent {
	readonly type: EventType;
	readonly info: string;
}

/** Changes to a service's details, applied when a step is released. */
export type StatusPatch = Partial<Omit<ServiceDetails, 'service_id' | 'service_name'>>;

/** Something that happens `after` scenario-milliseconds from the start of the clock. */
export interface ScenarioStep {
	readonly after: number;
	readonly event?: ScenarioEvent;
	readonly events?: readonly ScenarioEvent[];
	readonly status?: StatusPatch;
}

/** An event that happened before the clock started: `ago` ms before the start (not compressed). */
export interface HistoryEvent extends ScenarioEvent {
	readonly ago: number;
}

/** A model the service runs: one entry of its `config[]`. */
export interface ScenarioModel {
	readonly name: string;
	readonly version: string;
	readonly weight: number;
	readonly instanceCount: number;
	readonly specification: string;
}

/** One service of the simulated project. */
export interface ScenarioService {
	readonly id: string;
	readonly name: string;
	readonly description: string;
	/** How long before the clock start the service was first published. */
	readonly publishedAgo: number;
	/** Status and other details when the clock starts. */
	readonly initial: StatusPatch & {readonly status: string};
	readonly models: readonly ScenarioModel[];
	readonly history: readonly HistoryEvent[];
	readonly steps: readonly ScenarioStep[];
}

/** A named script; its first service is the one the watch follows. */
export interface Scenario {
	readonly name: string;
	readonly description: string;
	readonly services: readonly [ScenarioService, ...ScenarioService[]];
}
