// The simulated project's state and its replay. Replay is lazy: nothing runs on a timer;
// each request first releases every scenario step whose time has come. That keeps the
// server deterministic under an injected clock and free of timers to clean up.
import type {ApiEvent, ServiceDetails, ServiceModelConfig} from '../model/types.js';
import type {Scenario, ScenarioService, ScenarioStep, StatusPatch} from './scenario-types.js';

/** A config[] entry as the simulator serves it (the API adds the flavour). */
export interface SimModelConfig extends ServiceModelConfig {
	readonly specification?: string;
}

/** The details the simulator serves: the shared shape plus a few fields ModelArts also sends. */
export interface SimServiceDetails extends ServiceDetails {
	readonly description: string;
	readonly project: string;
	readonly owner: string;
	readonly workspace_id: string;
	readonly config: readonly SimModelConfig[];
}

/** Config entries are `ready` only while the service itself serves traffic. */
const SERVING = new Set(['running', 'concerning']);

class ServiceState {
	details: SimServiceDetails;
	/** Sorted by occur_time; same-ms events keep insertion order. */
	readonly events: ApiEvent[] = [];
	private nextStep = 0;

	constructor(
		private readonly script: ScenarioService,
		projectId: string,
		private readonly t0: number,
		private readonly speed: number,
	) {
		const publishAt = t0 - script.publishedAgo;
		this.details = {
			service_id: script.id,
			service_name: script.name,
			description: script.description,
			project: projectId,
			owner: projectId,
			workspace_id: '0',
			infer_type: 'real-time',
			publish_at: publishAt,
			update_time: publishAt,
			transition_at: publishAt,
			status: script.initial.status,
			config: script.models.map((m, index) => ({
				model_id: `${script.id.slice(0, 8)}-model-${index + 1}`,
				model_name: m.name,
				model_version: m.version,
				weight: m.weight,
				instance_count: m.instanceCount,
				specification: m.specification,
				status: 'notReady',
			})),
		};
		this.patch(script.initial, publishAt);
		const oldestFirst = [...script.history].sort((a, b) => b.ago - a.ago);
		this.insert(oldestFirst.map((h) => ({event_type: h.type, event_info: h.info, occur_time: t0 - h.ago})));
	}

	/** Releases the steps due at `scenarioMs`. */
	advance(scenarioMs: number): void {
		while (this.nextStep < this.script.steps.length) {
			const step = this.script.steps[this.nextStep] as ScenarioStep;
			if (step.after > scenarioMs) return;
			this.release(step);
			this.nextStep += 1;
		}
	}

	/** Adds events after every event at or before their time, so same-ms events keep arrival order. */
	insert(events: readonly ApiEvent[]): void {
		const last = this.events.at(-1)?.occur_time ?? Number.NEGATIVE_INFINITY;
		const inOrder = events.every((event, i) => event.occur_time >= (i === 0 ? last : (events[i - 1] as ApiEvent).occur_time));
		for (const event of events) this.events.push(event);
		// Array sort is stable, so one sort of a batch (e.g. 100k bench events) keeps that promise.
		if (!inOrder) this.events.sort((a, b) => a.occur_time - b.occur_time);
	}

	patch(patch: StatusPatch, at: number): void {
		const statusChanged = patch.status !== undefined && patch.status !== this.details.status;
		const next = {...this.details, ...patch, update_time: at} as SimServiceDetails;
		const transitionAt = statusChanged ? at : this.details.transition_at;
		const config = patch.config ?? this.details.config.map((c) => ({...c, status: SERVING.has(next.status) ? 'ready' : 'notReady'}));
		this.details = {...next, transition_at: transitionAt, config};
	}

	private release(step: ScenarioStep): void {
		const at = this.t0 + Math.round(step.after / this.speed);
		const events = [...(step.event ? [step.event] : []), ...(step.events ?? [])];
		this.insert(events.map((e) => ({event_type: e.type, event_info: e.info, occur_time: at})));
		if (step.status) this.patch(step.status, at);
	}
}

/** A project's services, replayed from a scenario against a clock that starts at `t0`. */
export class World {
	private readonly services = new Map<string, ServiceState>();

	constructor(
		scenario: Scenario,
		projectId: string,
		private readonly t0: number,
		private readonly speed: number,
	) {
		for (const script of scenario.services) this.services.set(script.id, new ServiceState(script, projectId, t0, speed));
	}

	/** Brings every service up to `now` (real ms; scenario time runs `speed` times faster). */
	advance(now: number): void {
		const scenarioMs = Math.max(0, now - this.t0) * this.speed;
		for (const service of this.services.values()) service.advance(scenarioMs);
	}

	service(id: string): ServiceState | undefined {
		return this.services.get(id);
	}

	all(): ServiceState[] {
		return [...this.services.values()];
	}
}

export type {ServiceState};
