// The v2 ("new-version") inference API shapes the simulator serves (modelarts-api-evidence.md
// §13). Times differ by resource on purpose, as the SDK documents them: strings of ms on the
// service, integers on events, ISO-8601 on pod events.

/** Upper-case service and deployment statuses (§13.3, §13.5). */
export type V2Status = 'INIT' | 'DEPLOYING' | 'RUNNING' | 'CONCERNING' | 'FAILED' | 'STOPPED' | 'STOPPING' | 'DELETING' | 'UPGRADING' | 'ERROR' | 'RESTARTING' | 'INTERRUPTING';

export type V2EventType = 'NORMAL' | 'ABNORMAL' | 'WARNING';

/** One aggregated service event (§13.4): a repeat raises `event_count` and moves `update_at`. */
export interface SimV2Event {
	readonly id: string;
	readonly service_id: string;
	readonly service_version_id: string;
	readonly event_type: V2EventType;
	readonly event_info: string;
	readonly event_info_cn: string;
	readonly event_count: number;
	readonly create_at: number;
	readonly update_at: number;
}

/** A deployment as listed and as shown (§13.5), the fields the simulator keeps. */
export interface SimV2Deployment {
	readonly id: string;
	readonly name: string;
	readonly infer_name: string;
	readonly status: V2Status;
	readonly pool_id: string;
	readonly version: number;
	readonly deploy_type: 'SINGLE';
	readonly weight: number;
	readonly traffic_ratio: number;
	readonly count: number;
	readonly running_count: number;
	readonly create_at: number;
	readonly update_at: number;
	readonly frozen_infos: readonly never[];
	readonly advanced_config: {readonly deploy_timeout_minutes: string; readonly port: number; readonly protocol: 'HTTP'};
}

/** Pod phases of §13.7; ABNORMAL stands for a pod that runs but is not ready or keeps restarting. */
export type V2PodStatus = 'PENDING' | 'RUNNING' | 'ABNORMAL' | 'FAILED' | 'SUCCEEDED' | 'UNKNOWN';

/** §13.7. */
export interface SimV2Pod {
	readonly pod_id: string;
	readonly pod_name: string;
	readonly pod_node_ip: string;
	readonly pod_node_name: string;
	readonly pod_role: string;
	readonly status: V2PodStatus;
	readonly update_time: number;
}

/** §13.6: instance statuses in answers (PENDING = not ready). */
export interface SimV2Instance {
	readonly instance_name: string;
	readonly status: 'RUNNING' | 'PENDING' | 'CONCERNING' | 'FAILED' | 'UNKNOWN' | 'DELETED';
	readonly weight: number;
	readonly pod_count: number;
	readonly running_pod_count: number;
	readonly update_at: number;
}

/** A pod's Kubernetes event (§13.8); the answer is a top-level array of these. */
export interface SimV2PodEvent {
	readonly type: 'Normal' | 'Warning';
	readonly reason: string;
	readonly message: string;
	readonly count: number;
	readonly first_timestamp: string;
	readonly last_timestamp: string;
	readonly reporting_component: string;
}

/** The details of §13.3, as served. */
export interface SimV2Service {
	readonly id: string;
	readonly name: string;
	readonly description: string;
	readonly workspace_id: string;
	readonly status: V2Status;
	readonly failure_reason?: string;
	readonly deploy_timeout_minutes: number;
	readonly type: 'REAL_TIME';
	readonly deploy_type: 'SINGLE';
	readonly pool_id: string;
	readonly version: {readonly id: string; readonly version: number; readonly instance_groups: readonly SimV2Deployment[]; readonly deploy_timeout_minutes: number};
	readonly frozen_infos: readonly never[];
	readonly create_at: string;
	readonly update_at: string;
}
