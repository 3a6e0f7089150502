// The v2 inference API (modelarts-api-evidence.md §13) as the watch reads it, after the
// tolerant validators of validate-v2.ts: times in ms whatever the server's format, counts
// as numbers, and only the fields the watch uses.

/** `GET /v2/{project_id}/services/{service_id}`. */
export interface V2ServiceDetails {
	readonly id: string;
	readonly name: string;
	/** As sent (upper case per the SDK). */
	readonly status: string;
	readonly failure_reason: string | null;
	readonly deploy_timeout_minutes: number | null;
	readonly create_at: number | null;
	readonly update_at: number | null;
}

/** One aggregated service event: a repeat raises `event_count` and moves `update_at`. */
export interface V2Event {
	readonly id: string;
	/** As sent: NORMAL, ABNORMAL, WARNING, or anything else. */
	readonly event_type: string;
	readonly event_info: string;
	/** The Chinese twin; null when the server sent none. */
	readonly event_info_cn: string | null;
	readonly event_count: number;
	/** First occurrence. */
	readonly create_at: number;
	/** Last occurrence; never before `create_at` after validation. */
	readonly update_at: number;
}

/** One page of a v2 list; `total` counts every record the filters match. */
export interface V2Page<T> {
	readonly total: number;
	readonly items: readonly T[];
}

/** A deployment (an instance group) of a v2 service. */
export interface V2Deployment {
	readonly id: string;
	readonly name: string;
	readonly status: string;
	/** Instances wanted, and running; null when the server did not say. */
	readonly count: number | null;
	readonly running_count: number | null;
}

/** A service instance of one deployment. */
export interface V2Instance {
	readonly instance_name: string;
	readonly status: string;
	readonly pod_count: number | null;
	readonly running_pod_count: number | null;
}

/** A pod of an instance, with the node it runs on. */
export interface V2Pod {
	readonly pod_name: string;
	readonly status: string;
	/** pod_node_name, else pod_node_ip; null when neither was sent. */
	readonly node: string | null;
}

/** A Kubernetes event of a pod. */
export interface V2PodEvent {
	/** `Normal` or `Warning` as sent. */
	readonly type: string;
	readonly reason: string;
	readonly message: string;
	readonly count: number;
	readonly first_at: number | null;
	readonly last_at: number | null;
}

/** A row of `GET /v2/{project_id}/services`. */
export interface V2ServiceSummary {
	readonly id: string;
	readonly name: string;
	readonly status: string;
	readonly create_at: number | null;
}

/** What a read of a v2 service's deployments, pods and pod events found. */
export interface PodsReport {
	readonly deployments: readonly V2Deployment[];
	readonly pods: readonly V2Pod[];
	/** The pods' Kubernetes events, as the server sent them. */
	readonly events: readonly V2PodEvent[];
}
