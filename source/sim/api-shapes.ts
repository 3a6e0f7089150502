// The shapes the simulator serves (modelarts-api.md §2, §7–9). They are the simulator's own:
// the client's validated types live in source/core/ and accept much less strict data.
import type {ServiceDetails, ServiceModelConfig} from '../core/types.js';

/** A custom flavour (`specification: "custom"`); memory in MB, gpu_p4 in cards. */
export interface SimCustomSpec {
	readonly cpu: number;
	readonly memory: number;
	readonly gpu_p4: number;
}

/** A config[] entry of the details (§2, §9). */
export interface SimModelConfig extends ServiceModelConfig {
	readonly specification?: string;
	readonly custom_spec?: SimCustomSpec;
	readonly envs?: Readonly<Record<string, string>>;
	readonly cluster_id?: string;
}

/** The details the simulator serves: the shared shape plus the fields ModelArts also sends. */
export interface SimServiceDetails extends ServiceDetails {
	readonly description: string;
	readonly project: string;
	readonly owner: string;
	readonly workspace_id: string;
	readonly config: readonly SimModelConfig[];
	/** When an auto-stopping service stops by itself (ms). */
	readonly due_time?: number;
	readonly access_address?: string;
	readonly cluster_id?: string;
	readonly invocation_times?: number;
	readonly failed_times?: number;
}

/** One model of `GET …/monitor` (§7); GPU and NPU fields only for flavours that have them. */
export interface SimModelMonitor {
	readonly model_id: string;
	readonly model_name: string;
	readonly model_version: string;
	readonly model_running_instance_count: number;
	readonly model_instance_count: number;
	readonly invocation_times: number;
	readonly failed_times: number;
	readonly cpu_core_usage: number;
	readonly cpu_core_total: number;
	readonly cpu_memory_usage: number;
	readonly cpu_memory_total: number;
	readonly gpu_usage?: number;
	readonly gpu_total?: number;
	readonly gpu_memory_usage?: number;
	readonly gpu_memory_total?: number;
	readonly npu_usage?: number;
	readonly npu_total?: number;
	readonly npu_memory_usage?: number;
	readonly npu_memory_total?: number;
}

/** `GET …/monitor` (§7). */
export interface SimMonitor {
	readonly service_name: string;
	readonly service_id: string;
	readonly service_running_instance_count: number;
	readonly service_instance_count: number;
	readonly req_count_per_min: number;
	readonly monitors: readonly SimModelMonitor[];
}

/** A config[] entry of an update-log record (§8). */
export interface SimLogConfig {
	readonly model_id: string;
	readonly model_name: string;
	readonly model_version: string;
	readonly weight: number;
	readonly specification: string;
	readonly custom_spec?: SimCustomSpec;
	readonly envs: Readonly<Record<string, string>>;
	readonly cluster_id?: string;
	readonly instance_count: number;
	readonly additional_properties: Readonly<Record<string, string>>;
}

export type UpdateResult = 'RUNNING' | 'SUCCESS' | 'FAIL';

/** One record of `GET …/logs` (§8): the configuration a deploy or an update put in place. */
export interface SimUpdateRecord {
	readonly update_time: number;
	readonly result: UpdateResult;
	readonly config: readonly SimLogConfig[];
	readonly cluster_id?: string;
	readonly extend_config: readonly string[];
}
