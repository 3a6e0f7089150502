// Scenarios are data: a service list with a past (history) and a future (steps) that the
// simulator replays in compressed real time. Keeping them declarative lets the same script
// drive the demo, the tests of every layer, and the --help text.
// Every field added after the first round is optional, so older scenarios read as before.
import type {EventType} from '../../core/types.js';
import type {SimCustomSpec, SimServiceDetails} from '../api-shapes.js';
import type {ScenarioPool, SimProbes} from '../pool-shapes.js';
import type {V2Plan} from './v2-script.js';

/** One event as a scenario writes it; occur_time is assigned when it is released. */
export interface ScenarioEvent {
	readonly type: EventType;
	readonly info: string;
}

/** Changes to a service's details, applied when a step is released. */
export type StatusPatch = Partial<Omit<SimServiceDetails, 'service_id' | 'service_name'>>;

/** A new configuration: the models (in config[] order) an update puts in place. */
export interface ScenarioUpdate {
	readonly models: readonly ScenarioModel[];
}

/** Something that happens `after` scenario-milliseconds from the start of the clock. */
export interface ScenarioStep {
	readonly after: number;
	readonly event?: ScenarioEvent;
	readonly events?: readonly ScenarioEvent[];
	readonly status?: StatusPatch;
	/**
	 * Running instances per model, in config[] order. Without it, a status change sets
	 * them: all running for `running`, one fewer for `concerning`, none once stopped or failed.
	 */
	readonly instances?: readonly number[];
	/** An update starts: new config, a RUNNING update-log record, update_time moves. */
	readonly update?: ScenarioUpdate;
	/**
	 * Auto-stop is enabled: the service stops this many ms after the step, on the real clock
	 * (not compressed, like history), so a fast replay ends in the deployment's own outcome.
	 */
	readonly autoStop?: number;
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
	/** A flavour name (see flavours.ts), or `custom` with `customSpec`. */
	readonly specification: string;
	readonly customSpec?: SimCustomSpec;
	/** Environment variables; values may look like secrets on purpose. */
	readonly envs?: Readonly<Record<string, string>>;
	/** Health checks the model was created with (served in its details); none by default. */
	readonly probes?: SimProbes;
	/** `model_status` of its details; `published` by default. */
	readonly modelStatus?: string;
}

/** One service of the simulated project. */
export interface ScenarioService {
	readonly id: string;
	readonly name: string;
	readonly description: string;
	/** How long before the clock start the service was first published. */
	readonly publishedAgo: number;
	/** How long before the clock start its status last changed (transition_at); default: when published. */
	readonly transitionedAgo?: number;
	/** Status and other details when the clock starts. */
	readonly initial: StatusPatch & {readonly status: string};
	/** The configuration when the clock starts (an update step may replace it). */
	readonly models: readonly ScenarioModel[];
	readonly history: readonly HistoryEvent[];
	readonly steps: readonly ScenarioStep[];
	/** The dedicated resource pool it runs in; absent = the public pool. */
	readonly clusterId?: string;
	/** A new-version dedicated pool (`pool_name`, with the pool APIs); absent = the public pool. */
	readonly pool?: ScenarioPool;
	/** A v2 (new-version) service: served only under /v2, its v1 paths answer 404; `models` and `steps` stay empty. */
	readonly v2?: V2Plan;
	/**
	 * Scenario-ms after the clock starts at which the service is created: until then no list
	 * shows it and its paths answer 404; its own script (history, steps) starts then.
	 */
	readonly appearsAfter?: number;
}

/** A named script; its first service is the one the watch follows. */
export interface Scenario {
	readonly name: string;
	readonly description: string;
	readonly services: readonly [ScenarioService, ...ScenarioService[]];
}
