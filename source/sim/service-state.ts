// One simulated service: its details, events, instances and update log, moved forward by its
// scenario's steps. Every change is stamped with the step's own time, not the time of the
// request that released it, so what a client sees depends only on the clock.
import type {ApiEvent} from '../core/types.js';
import type {SimLogConfig, SimModelConfig, SimServiceDetails, SimUpdateRecord, UpdateResult} from './api-shapes.js';
import {flavourOf} from './flavours.js';
import {failedCalls, ModelInstances} from './instances.js';
import type {ScenarioModel, ScenarioService, ScenarioStep, StatusPatch} from './scenarios/types.js';
import {stableId} from './stable-id.js';
import {consoleWording} from './scenarios/wording.js';

/** Config entries are `ready` only while the service itself serves traffic. */
const SERVING = new Set(['running', 'concerning']);
const IN_PROGRESS = new Set(['deploying', 'pending', 'waiting']);

/** A model version is a model of its own in ModelArts, with its own id. */
export function modelId(m: ScenarioModel): string {
	return stableId(`model ${m.name} ${m.version}`);
}

function logConfig(m: ScenarioModel, clusterId: string | undefined): SimLogConfig {
	return {
		model_id: modelId(m),
		model_name: m.name,
		model_version: m.version,
		weight: m.weight,
		specification: m.specification,
		...(m.customSpec ? {custom_spec: m.customSpec} : {}),
		envs: m.envs ?? {},
		...(clusterId ? {cluster_id: clusterId} : {}),
		instance_count: m.instanceCount,
		additional_properties: {},
	};
}

function detailsConfig(m: ScenarioModel, clusterId: string | undefined, ready: boolean, poolName?: string): SimModelConfig {
	const {additional_properties: _unused, ...entry} = logConfig(m, clusterId);
	return {...entry, ...(poolName ? {pool_name: poolName} : {}), status: ready ? 'ready' : 'notReady'};
}

/** What a status change does to the running instances when a step does not say. */
function runningAfter(status: string, config: readonly SimModelConfig[], current: readonly number[]): readonly number[] {
	if (status === 'running') return config.map((c) => c.instance_count ?? 1);
	if (status === 'concerning') return config.map((c, i) => Math.max(0, (c.instance_count ?? 1) - (i === 0 ? 1 : 0)));
	if (IN_PROGRESS.has(status)) return current;
	return config.map(() => 0);
}

/** How a status settles the update in progress, or null while it is still in progress. */
function settledResult(status: string): UpdateResult | null {
	if (SERVING.has(status)) return 'SUCCESS';
	return IN_PROGRESS.has(status) ? null : 'FAIL';
}

/** A service found stopped was deployed, so only a failed one's first record failed. */
function initialResult(status: string): UpdateResult {
	if (IN_PROGRESS.has(status)) return 'RUNNING';
	return status === 'failed' ? 'FAIL' : 'SUCCESS';
}

/** Throws when a script names a flavour the simulator cannot report use against. */
export function checkScript(script: ScenarioService): void {
	for (const m of [...script.models, ...script.steps.flatMap((step) => step.update?.models ?? [])]) flavourOf(m.specification, m.customSpec);
}

export class ServiceState {
	details: SimServiceDetails;
	/** Sorted by occur_time; same-ms events keep insertion order. */
	readonly events: ApiEvent[] = [];
	/** Oldest first: the first deployment's configuration, then one record per update. */
	readonly updateLog: SimUpdateRecord[] = [];
	/** Parallel to details.config. */
	private instances: ModelInstances[];
	/** Calls answered by configurations an update replaced. */
	private retiredCalls = 0;
	private readonly steps: readonly ScenarioStep[];
	private nextStep = 0;

	constructor(
		private readonly script: ScenarioService,
		projectId: string,
		private readonly t0: number,
		private readonly speed: number,
	) {
		checkScript(script);
		// Stable: steps due at the same time keep the order the scenario wrote them in.
		this.steps = [...script.steps].sort((a, b) => a.after - b.after);
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
			transition_at: t0 - (script.transitionedAgo ?? script.publishedAgo),
			status: script.initial.status,
			access_address: `https://infer-modelarts.sim.invalid/v1/infers/${script.id}`,
			...(script.clusterId ? {cluster_id: script.clusterId} : {}),
			...(script.pool ? {pool_name: script.pool.name} : {}),
			config: script.models.map((m) => detailsConfig(m, script.clusterId, SERVING.has(script.initial.status), script.pool?.name)),
		};
		this.instances = this.details.config.map(() => new ModelInstances(publishAt));
		this.updateLog.push(this.record(script.models, publishAt, initialResult(script.initial.status)));
		this.patch(script.initial, publishAt);
		this.setRunning(runningAfter(this.details.status, this.details.config, this.running()), publishAt);
		const oldestFirst = [...script.history].sort((a, b) => b.ago - a.ago);
		this.insert(oldestFirst.map((h) => ({event_type: h.type, event_info: h.info, occur_time: t0 - h.ago})));
	}

	/** Releases the steps due at `scenarioMs`, then stops the service if its due_time has passed by `now`. */
	advance(scenarioMs: number, now: number): void {
		while (this.nextStep < this.steps.length) {
			const step = this.steps[this.nextStep] as ScenarioStep;
			if (step.after > scenarioMs) break;
			this.release(step);
			this.nextStep += 1;
		}
		this.stopIfDue(now);
	}

	/** Adds events after every event at or before their time, so same-ms events keep arrival order. */
	insert(events: readonly ApiEvent[]): void {
		const last = this.events.at(-1)?.occur_time ?? Number.NEGATIVE_INFINITY;
		const inOrder = events.every((event, i) => event.occur_time >= (i === 0 ? last : (events[i - 1] as ApiEvent).occur_time));
		for (const event of events) this.events.push(event);
		// Array sort is stable, so one sort of a batch (e.g. 100k bench events) keeps that promise.
		if (!inOrder) this.events.sort((a, b) => a.occur_time - b.occur_time);
	}

	/** Applies a details patch at `at`; a status change moves transition_at, the instances and the update log. */
	patch(patch: StatusPatch, at: number): void {
		const statusChanged = patch.status !== undefined && patch.status !== this.details.status;
		const next = {...this.details, ...patch} as SimServiceDetails;
		const transitionAt = statusChanged ? at : this.details.transition_at;
		const config = patch.config ?? this.details.config.map((c) => ({...c, status: SERVING.has(next.status) ? 'ready' : 'notReady'}));
		this.details = {...next, transition_at: transitionAt, config};
		this.instances = config.map((_, i) => this.instances[i] ?? new ModelInstances(at));
		if (!statusChanged) return;
		this.setRunning(runningAfter(next.status, config, this.running()), at);
		this.settleUpdate(next.status);
	}

	/** Running instances per config entry. */
	running(): number[] {
		return this.instances.map((instances) => instances.running);
	}

	/** Each config entry with its instances. */
	models(): {readonly config: SimModelConfig; readonly instances: ModelInstances}[] {
		return this.details.config.map((config, i) => ({config, instances: this.instances[i] as ModelInstances}));
	}

	/** The details as served at `now`: with the calls answered so far. */
	detailsAt(now: number): SimServiceDetails {
		const calls = this.retiredCalls + this.instances.reduce((sum, instances) => sum + instances.calls(now), 0);
		return {...this.details, invocation_times: calls, failed_times: failedCalls(calls)};
	}

	private release(step: ScenarioStep): void {
		const at = this.t0 + Math.round(step.after / this.speed);
		const events = [...(step.event ? [step.event] : []), ...(step.events ?? [])];
		this.insert(events.map((e) => ({event_type: e.type, event_info: e.info, occur_time: at})));
		if (step.update) this.startUpdate(step.update.models, at);
		if (step.autoStop !== undefined) this.details = {...this.details, due_time: at + step.autoStop};
		if (step.status) this.patch(step.status, at);
		if (step.instances) this.setRunning(step.instances, at);
	}

	/** An auto-stopping service that serves stops at its due_time, as the console words it. */
	private stopIfDue(now: number): void {
		const due = this.details.due_time;
		if (due === undefined || now < due || !SERVING.has(this.details.status)) return;
		this.insert([consoleWording.stopping(), consoleWording.stopped()].map((e) => ({event_type: e.type, event_info: e.info, occur_time: due})));
		this.patch({status: 'stopped', due_time: undefined}, due);
	}

	private setRunning(running: readonly number[], at: number): void {
		this.instances.forEach((instances, i) => instances.set(running[i] ?? instances.running, at));
	}

	/** A new configuration replaces the old one; its instances start from none. */
	private startUpdate(models: readonly ScenarioModel[], at: number): void {
		this.retiredCalls += this.instances.reduce((sum, instances) => sum + instances.calls(at), 0);
		const config = models.map((m) => detailsConfig(m, this.script.clusterId, false, this.script.pool?.name));
		this.details = {...this.details, config, update_time: at};
		this.instances = config.map(() => new ModelInstances(at));
		this.updateLog.push(this.record(models, at, 'RUNNING'));
	}

	private settleUpdate(status: string): void {
		const newest = this.updateLog.at(-1);
		const result = settledResult(status);
		if (newest?.result === 'RUNNING' && result) this.updateLog[this.updateLog.length - 1] = {...newest, result};
	}

	private record(models: readonly ScenarioModel[], at: number, result: UpdateResult): SimUpdateRecord {
		const clusterId = this.script.clusterId;
		return {update_time: at, result, config: models.map((m) => logConfig(m, clusterId)), ...(clusterId ? {cluster_id: clusterId} : {}), extend_config: []};
	}
}
