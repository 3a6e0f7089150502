// Shapes shared by every layer. The core is pure: these are plain data, and time
// always arrives as a number of milliseconds since the epoch inside an action.

/** One event exactly as the ModelArts events API returns it, after shape validation. */
export interface ApiEvent {
	readonly event_type: string;
	readonly event_info: string;
	/** For a v2 event, its first occurrence. */
	readonly occur_time: number;
	/** v2 only: the event's own id, which is its identity (a repeat raises its count instead of adding an event). */
	readonly id?: string;
	/** v2 only: how many times it occurred so far (1 when absent). */
	readonly count?: number;
	/** v2 only: its latest occurrence, ms (occur_time when absent). */
	readonly last_at?: number;
}

/** A v2 event that occurred again: its id, new count and latest occurrence. */
export interface EventUpdate {
	readonly id: string;
	readonly count: number;
	readonly last_at: number;
}

/** `warning` is v2's third severity (WARNING); v1 has only the first two. */
export type EventType = 'normal' | 'abnormal' | 'warning';

export const PHASE_IDS = [
	'image_building',
	'environment_preparation',
	'resource_scheduling',
	'image_pulling',
	'model_startup',
] as const;

export type PhaseId = (typeof PHASE_IDS)[number];

/** What an event means for the deployment, decided from its wording. */
export type EventSignal =
	/** A phase began ("building image for model [TF 3.0.0]"). */
	| 'start'
	/** A phase finished ("[TF 3.0.0] pull image success"). */
	| 'success'
	/** A phase failed or hit a problem (usually an abnormal event). */
	| 'failure'
	/** A new lifecycle begins: deploy, start or update of the service. */
	| 'lifecycle'
	/** The service reached running ("Service my-service started."). */
	| 'deployed'
	/** The service stopped, is stopping, or the whole deployment failed or timed out. */
	| 'ended'
	/** Anything else: auto stop notices, licences, unknown wording. Never moves a phase. */
	| 'other';

/** The classification of one event's text. */
export interface Classification {
	readonly phase: PhaseId | null;
	readonly signal: EventSignal;
	/** `"<name> <version>"` from a `[TF 3.0.0]` / `(TF 3.0.0)` prefix, or null. */
	readonly model: string | null;
}

/** An event as the watch keeps it: the API fields, a stable identity, and its meaning. */
export interface WatchEvent extends Classification {
	/** Unique within one service history: time, type, text and an ordinal for exact repeats. */
	readonly key: string;
	readonly occurTime: number;
	/** `normal` or `abnormal`; any other value from the server is kept in `rawType`. */
	readonly type: EventType;
	readonly rawType: string;
	/** The text exactly as the server sent it (sanitising happens only when rendering). */
	readonly info: string;
	/** Arrival order, to keep same-millisecond events in the order the server gave them. */
	readonly seq: number;
	/**
	 * Dated more than a minute after the server's own clock when it arrived (future-events.ts):
	 * shown, but it never moves a phase, a clock or a warning. Absent means false.
	 */
	readonly future?: boolean;
	/** The server's event id (v2); null for v1 events, which have none. */
	readonly id: string | null;
	/** Occurrences so far: 1 for v1 events; a v2 repeat raises it. */
	readonly count: number;
	/** The latest occurrence (ms): occurTime until a repeat moves it. */
	readonly lastAt: number;
}

/** Resources allocated to each instance of a model without a named specification. */
export interface CustomSpec {
	readonly cpu?: number;
	/** MB. */
	readonly memory?: number;
	readonly gpu_p4?: number;
}

/** One entry of a service's `config[]`: a model the service runs. */
export interface ServiceModelConfig {
	readonly model_id?: string;
	readonly model_name?: string;
	readonly model_version?: string;
	readonly status?: string;
	readonly weight?: number;
	readonly instance_count?: number;
	/** A flavour name such as `modelarts.vm.cpu.2u`, or `custom` with `custom_spec`. */
	readonly specification?: string;
	readonly custom_spec?: CustomSpec;
	/** The dedicated pool of this model (beats the service's; modelarts-api-evidence.md §11). */
	readonly pool_name?: string;
}

/** `GET /v1/{project_id}/services/{service_id}`, the fields the watch uses. */
export interface ServiceDetails {
	readonly service_id: string;
	readonly service_name: string;
	readonly status: string;
	readonly progress?: number | null;
	readonly error_msg?: string | null;
	readonly transition_at?: number;
	readonly publish_at?: number;
	readonly update_time?: number;
	readonly infer_type?: string;
	/** When an auto-stopping service stops by itself (ms since the epoch). */
	readonly due_time?: number;
	/** The dedicated pool the service runs on; absent for the shared pool. */
	readonly pool_name?: string;
	readonly config?: readonly ServiceModelConfig[];
	/** The service's own deployment time-out (v2 `deploy_timeout_minutes`); absent on v1. */
	readonly deploy_timeout_minutes?: number;
}

/** One entry of `monitors[]` (modelarts-api.md §7): one model, or one model on one edge node. */
export interface ModelMonitor {
	readonly model_id?: string;
	readonly model_name?: string;
	readonly model_version?: string;
	readonly node_id?: string;
	readonly model_running_instance_count?: number;
	readonly model_instance_count?: number;
	/** Cores. */
	readonly cpu_core_usage?: number;
	readonly cpu_core_total?: number;
	/** MB. */
	readonly cpu_memory_usage?: number;
	readonly cpu_memory_total?: number;
	readonly gpu_usage?: number;
	readonly gpu_total?: number;
	/** MB. */
	readonly gpu_memory_usage?: number;
	readonly gpu_memory_total?: number;
	readonly npu_usage?: number;
	readonly npu_total?: number;
	/** MB. */
	readonly npu_memory_usage?: number;
	readonly npu_memory_total?: number;
}

/** `GET …/services/{service_id}/monitor`; the documented example omits most fields, so all are optional. */
export interface ServiceMonitor {
	readonly service_running_instance_count?: number;
	readonly service_instance_count?: number;
	readonly monitors: readonly ModelMonitor[];
}

/**
 * Environment variable names, each with a fingerprint of its value. The values themselves
 * never leave the validator: they may hold passwords, and a name is all a person needs.
 */
export type EnvFingerprints = Readonly<Record<string, string>>;

/** One model of an update record's `config[]`. */
export interface UpdateLogModel {
	readonly model_id?: string;
	readonly model_name?: string;
	readonly model_version?: string;
	readonly weight?: number;
	readonly specification?: string;
	readonly custom_spec?: CustomSpec;
	readonly envs?: EnvFingerprints;
	/** The dedicated resource pool of this model. */
	readonly cluster_id?: string;
	readonly instance_count?: number;
}

/** One record of `GET …/services/{service_id}/logs` (modelarts-api.md §8). */
export interface UpdateLogRecord {
	/** ms since the epoch; records without a usable one are dropped by the validator. */
	readonly update_time: number;
	/** `SUCCESS`, `FAIL` or `RUNNING` as the server sent it. */
	readonly result?: string;
	readonly cluster_id?: string;
	readonly config: readonly UpdateLogModel[];
}

/** One row of `GET /v1/{project_id}/services`. */
export interface ServiceSummary {
	readonly service_id: string;
	readonly service_name: string;
	readonly status: string;
	readonly infer_type?: string;
	readonly publish_at?: number;
	readonly transition_at?: number;
	readonly update_time?: number;
	/** Which API lists it: absent for v1 (the usual), `v2` for a Huawei Cloud new-version service. */
	readonly generation?: 'v2';
}

export type PhaseState = 'pending' | 'active' | 'done' | 'failed';

export interface PhaseProgress {
	readonly phase: PhaseId;
	readonly state: PhaseState;
	/**
	 * When it began by the tiling rule (phase-tiling.ts): the end of the phase before it, the
	 * deployment's start for the first; its own first event when neither is known. Null while pending.
	 */
	readonly startedAt: number | null;
	/** occur_time of the event that ended it (the last: when the service became running); null while active or when unknown. */
	readonly endedAt: number | null;
	/**
	 * Abnormal events on this phase that did not fail it: while `active` it is still retrying
	 * (ModelArts retries scheduling and pulls by itself); once `done` it recovered from them.
	 */
	readonly warnings: number;
	/** True while the phase is active with abnormal events and no success yet. */
	readonly retrying: boolean;
	/** The latest abnormal text of a retrying or recovered phase; null when it had none. */
	readonly lastWarning: string | null;
	/** Why it failed (the abnormal event text or the service's error_msg); null unless failed. */
	readonly cause: string | null;
}

/** The latest event that concerned a track, for "no news since" hints. */
export interface TrackNews {
	readonly at: number;
	readonly info: string;
}

/** The five phases of one model of the current deployment. */
export interface ModelTrack {
	/** `"<name> <version>"`, or null when the events never name a model. */
	readonly model: string | null;
	/** `config[].status` from the details API, e.g. `notReady`, when known. */
	readonly modelStatus: string | null;
	readonly phases: readonly PhaseProgress[];
	/** The latest event of the current lifecycle applied to this track; null when none. */
	readonly lastEvent: TrackNews | null;
}

/**
 * An abnormal event (or a failed ending) of the current lifecycle, where the phase machine
 * placed it. The diagnosis reads these instead of the whole history. Only the first and the
 * latest few per phase are kept, so a flood of retries cannot grow it.
 */
export interface Problem {
	readonly text: string;
	readonly at: number;
	/** The track it was placed on; null when it concerns the deployment as a whole. */
	readonly model: string | null;
	/** The phase it was placed on; null for an ending that no phase took. */
	readonly phase: PhaseId | null;
	/** The phase its own wording names (classification), which may differ from `phase`. */
	readonly namedPhase: PhaseId | null;
	/** `event`: an abnormal event; `ending`: an event that ended the deployment as a whole. */
	readonly source: 'event' | 'ending';
}

export type Outcome = 'succeeded' | 'failed' | 'in_progress' | 'stopped';

/** Progress of the current deployment: the lifecycle begun by the latest deploy/start/update. */
export interface DeploymentProgress {
	/** occur_time of the event that began the current lifecycle, null if none seen. */
	readonly startedAt: number | null;
	/** occur_time at which it ended (success or failure), null while in progress. */
	readonly endedAt: number | null;
	readonly tracks: readonly ModelTrack[];
	readonly outcome: Outcome;
	/** The service status from the details API, or null when unknown. */
	readonly status: string | null;
	readonly progress: number | null;
	readonly errorMsg: string | null;
	/** The service says `concerning`: some instances are abnormal. */
	readonly concerning: boolean;
	/** The one model the service's error_msg names ("… for model ranker 2.0.0-rc1"), or null. */
	readonly errorModel: string | null;
	/** Abnormal events and failed endings of the current lifecycle, oldest first (bounded). */
	readonly problems: readonly Problem[];
	/** The service's own deployment time-out (v2), which the near-time-out hint prefers to --deploy-timeout. */
	readonly deployTimeoutMs?: number | null;
}
