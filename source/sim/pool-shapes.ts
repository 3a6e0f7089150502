// How scenarios describe a model's health checks and a dedicated pool, and the shapes the
// simulator serves for them (modelarts-api-evidence.md §10.3, §12.1, §12.5, §12.7). Numbers
// of a probe are strings on the wire; resources are Kubernetes quantities.

/** One health check as the model details carry it: every value a string. */
export interface SimProbe {
	readonly protocol?: string;
	readonly check_method?: string;
	readonly url?: string;
	readonly command?: string;
	readonly initial_delay_seconds?: string;
	readonly timeout_seconds?: string;
	readonly period_seconds?: string;
	readonly failure_threshold?: string;
}

export type SimProbes = Readonly<Partial<Record<'health' | 'readiness_health' | 'startup_health', SimProbe>>>;

/** A Kubernetes resource map: `{cpu: "3920m", memory: "6270Mi", "nvidia.com/gpu": "2"}`. */
export type SimResources = Readonly<Record<string, string>>;

/** One node of a scenario's pool. */
export interface ScenarioNode {
	readonly name: string;
	readonly phase: 'Available' | 'Creating' | 'Deleting' | 'Abnormal';
	readonly flavor: string;
	readonly resources: SimResources;
	/** Left out of the answer when absent, as a node that reports none. */
	readonly availableResources?: SimResources;
	readonly taints?: readonly {readonly key: string; readonly value?: string; readonly effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute'}[];
}

/** A pool event, `ago` ms before the clock starts (not compressed, like history). */
export interface ScenarioPoolEvent {
	readonly type: 'Normal' | 'Warning';
	readonly reason: string;
	readonly message: string;
	readonly ago: number;
}

/** A dedicated pool, static for the scenario's run. */
export interface ScenarioPool {
	/** `metadata.name`, the pool ID the APIs take, e.g. `pool-9c1d…`. */
	readonly name: string;
	/** The user-given name, label `os.modelarts/name`. */
	readonly displayName: string;
	readonly phase: 'Creating' | 'Running' | 'Abnormal' | 'Deleting' | 'Error' | 'CreationFailed' | 'ScalingFailed' | 'Waiting';
	readonly message?: string;
	readonly nodes: readonly ScenarioNode[];
	readonly events: readonly ScenarioPoolEvent[];
}
