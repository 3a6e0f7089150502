// Shapes shared by every layer. The model is pure: these are plain data, and time
// always arrives as a number of milliseconds since the epoch inside an action.

/** One event exactly as the ModelArts events API returns it, after shape validation. */
export interface ApiEvent {
	readonly event_type: string;
	readonly event_info: string;
	readonly occur_time: number;
}

export type EventType = 'normal' | 'abnormal';

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
}

/** One entry of a service's `config[]`: a model the service runs. */
export interface ServiceModelConfig {
	readonly model_id?: string;
	readonly model_name?: string;
	readonly model_version?: string;
	readonly status?: string;
	readonly weight?: number;
	readonly instance_count?: number;
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
	readonly config?: readonly ServiceModelConfig[];
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
}

export type PhaseState = 'pending' | 'active' | 'done' | 'failed';

export interface PhaseProgress {
	readonly phase: PhaseId;
	readonly state: PhaseState;
	/** occur_time of the event that started it; null when unknown (skipped without events). */
	readonly startedAt: number | null;
	/** occur_time of the event that ended it; null while active or when unknown. */
	readonly endedAt: number | null;
	/** Abnormal events on this phase that a later success recovered from. */
	readonly warnings: number;
	/** Why it failed (the abnormal event text or the service's error_msg). */
	readonly cause: string | null;
}

/** The five phases of one model of the current deployment. */
export interface ModelTrack {
	/** `"<name> <version>"`, or null when the events never name a model. */
	readonly model: string | null;
	/** `config[].status` from the details API, e.g. `notReady`, when known. */
	readonly modelStatus: string | null;
	readonly phases: readonly PhaseProgress[];
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
}
