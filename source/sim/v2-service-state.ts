// One simulated v2 service: its details, aggregated events, one deployment of single-pod
// instances, and each pod's Kubernetes events. Steps are stamped with their own time, as in
// service-state.ts, so what a client sees depends only on the clock. A repeated event (same
// type and text) is aggregated as ModelArts v2 and Kubernetes do: its count rises and its
// last time moves, instead of a new record appearing.
import type {ScenarioService} from './scenarios/types.js';
import {stableId} from './stable-id.js';
import type {V2Plan, V2ScenarioEvent, V2ScenarioPodEvent, V2Step} from './scenarios/v2-script.js';
import type {SimV2Deployment, SimV2Event, SimV2Instance, SimV2Pod, SimV2PodEvent, SimV2Service, V2PodStatus, V2Status} from './v2-shapes.js';

/** One instance and its pod, with the pod's events in first-seen order. */
export interface V2PodRecord {
	readonly instanceName: string;
	pod: SimV2Pod;
	readonly events: SimV2PodEvent[];
}

const SERVING = new Set<V2Status>(['RUNNING', 'CONCERNING']);

function instanceStatus(pod: SimV2Pod): SimV2Instance['status'] {
	if (pod.status === 'RUNNING') return 'RUNNING';
	if (pod.status === 'FAILED') return 'FAILED';
	return pod.status === 'ABNORMAL' ? 'CONCERNING' : 'PENDING';
}

export class V2ServiceState {
	status: V2Status;
	failureReason: string | undefined;
	updateAt: number;
	readonly createAt: number;
	/** Oldest first by first occurrence. */
	readonly events: SimV2Event[] = [];
	readonly pods: V2PodRecord[];
	private readonly plan: V2Plan;
	private readonly steps: readonly V2Step[];
	private nextStep = 0;
	private readonly versionId: string;

	constructor(
		private readonly script: ScenarioService & {readonly v2: V2Plan},
		readonly projectId: string,
		private readonly t0: number,
		private readonly speed: number,
	) {
		this.plan = script.v2;
		this.steps = [...this.plan.steps].sort((a, b) => a.after - b.after);
		this.createAt = t0 - script.publishedAgo;
		this.updateAt = this.createAt;
		this.status = this.plan.initial;
		this.versionId = stableId(`${script.id} version 1`);
		this.pods = Array.from({length: this.plan.instances}, (_, index) => this.newPod(index));
	}

	get id(): string {
		return this.script.id;
	}

	get name(): string {
		return this.script.name;
	}

	advance(scenarioMs: number): void {
		while (this.nextStep < this.steps.length) {
			const step = this.steps[this.nextStep] as V2Step;
			if (step.after > scenarioMs) break;
			this.release(step, this.t0 + Math.round(step.after / this.speed));
			this.nextStep += 1;
		}
	}

	details(): SimV2Service {
		const deployment = this.deployment();
		return {
			id: this.script.id,
			name: this.script.name,
			description: this.script.description,
			workspace_id: '0',
			status: this.status,
			...(this.failureReason === undefined ? {} : {failure_reason: this.failureReason}),
			deploy_timeout_minutes: this.plan.deployTimeoutMinutes,
			type: 'REAL_TIME',
			deploy_type: 'SINGLE',
			pool_id: deployment.pool_id,
			version: {id: this.versionId, version: 1, instance_groups: [deployment], deploy_timeout_minutes: this.plan.deployTimeoutMinutes},
			frozen_infos: [],
			create_at: String(this.createAt),
			update_at: String(this.updateAt),
		};
	}

	deployment(): SimV2Deployment {
		return {
			id: stableId(`${this.script.id} deployment`),
			name: this.plan.deploymentName,
			infer_name: this.script.name,
			status: this.status,
			pool_id: stableId(`${this.script.id} pool`),
			version: 1,
			deploy_type: 'SINGLE',
			weight: 100,
			traffic_ratio: 100,
			count: this.plan.instances,
			running_count: this.pods.filter((record) => record.pod.status === 'RUNNING').length,
			create_at: this.createAt,
			update_at: this.updateAt,
			frozen_infos: [],
			advanced_config: {deploy_timeout_minutes: String(this.plan.deployTimeoutMinutes), port: 8080, protocol: 'HTTP'},
		};
	}

	instances(): SimV2Instance[] {
		return this.pods.map(({instanceName, pod}) => ({
			instance_name: instanceName,
			status: instanceStatus(pod),
			weight: 1,
			pod_count: 1,
			running_pod_count: pod.status === 'RUNNING' ? 1 : 0,
			update_at: pod.update_time,
		}));
	}

	private newPod(index: number): V2PodRecord {
		const instanceName = `${this.plan.deploymentName}-${index}`;
		const suffix = stableId(`${this.script.id} pod ${index}`).slice(0, 5);
		const node = 10 + index;
		return {
			instanceName,
			pod: {
				pod_id: stableId(`${this.script.id} pod id ${index}`),
				pod_name: `${instanceName}-${suffix}`,
				pod_node_ip: `192.168.0.${node}`,
				pod_node_name: `192.168.0.${node}`,
				pod_role: 'worker',
				status: 'PENDING',
				update_time: this.createAt,
			},
			events: [],
		};
	}

	private release(step: V2Step, at: number): void {
		for (const event of step.events ?? []) this.addEvent(event, at);
		if (step.pods) this.setPods(step.pods.status, step.pods.index, at);
		for (const event of step.podEvents ?? []) this.addPodEvent(event, at);
		if (step.status !== undefined && step.status !== this.status) {
			this.status = step.status;
			this.updateAt = at;
			if (SERVING.has(step.status)) this.failureReason = undefined;
		}
		if (step.failureReason !== undefined) this.failureReason = step.failureReason;
	}

	private addEvent(event: V2ScenarioEvent, at: number): void {
		const index = this.events.findIndex((known) => known.event_type === event.type && known.event_info === event.en);
		const known = this.events[index];
		if (known) {
			this.events[index] = {...known, event_count: known.event_count + 1, update_at: at};
			return;
		}
		const id = stableId(`${this.script.id} event ${this.events.length}`);
		this.events.push({
			id,
			service_id: this.script.id,
			service_version_id: this.versionId,
			event_type: event.type,
			event_info: event.en,
			event_info_cn: event.cn,
			event_count: 1,
			create_at: at,
			update_at: at,
		});
	}

	private setPods(status: V2PodStatus, index: number | undefined, at: number): void {
		for (const [i, record] of this.pods.entries()) {
			if (index === undefined || index === i) record.pod = {...record.pod, status, update_time: at};
		}
	}

	private addPodEvent(event: V2ScenarioPodEvent, at: number): void {
		const stamp = new Date(at).toISOString();
		for (const [i, record] of this.pods.entries()) {
			if (event.pod !== undefined && event.pod !== i) continue;
			const message = event.message.replaceAll('{pod}', record.pod.pod_name).replaceAll('{node}', record.pod.pod_node_name);
			const index = record.events.findIndex((known) => known.reason === event.reason && known.message === message);
			const known = record.events[index];
			if (known) record.events[index] = {...known, count: known.count + 1, last_timestamp: stamp};
			else record.events.push({type: event.type, reason: event.reason, message, count: 1, first_timestamp: stamp, last_timestamp: stamp, reporting_component: event.component ?? 'kubelet'});
		}
	}
}
