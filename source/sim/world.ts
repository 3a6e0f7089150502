// The simulated project and its replay. Replay is lazy: nothing runs on a timer; each
// request first releases every scenario step whose time has come. That keeps the server
// deterministic under an injected clock and free of timers to clean up.
import type {SimPool} from './endpoints/pools.js';
import type {ScenarioModel, ScenarioService} from './scenarios/types.js';
import {modelId, ServiceState} from './service-state.js';
import {V2ServiceState} from './v2-service-state.js';

/** A project's services, replayed from their scripts against a clock that starts at `t0`. */
export class World {
	private readonly services = new Map<string, ServiceState>();
	/** Every model version the scripts deploy (updates included), by model id. */
	private readonly models = new Map<string, {readonly model: ScenarioModel; readonly createdAt: number}>();
	private readonly pools = new Map<string, SimPool>();
	/** v2 services live apart: the v1 API does not know them, and the reverse. */
	private readonly v2Services = new Map<string, V2ServiceState>();
	/** Services created later (appearsAfter), by id: until created, unknown to both APIs. */
	private readonly unborn = new Map<string, ScenarioService>();
	/** Scenario-ms at which each service's own script starts (0 unless it was created later). */
	private readonly starts = new Map<string, number>();
	/** The real time (ms) the world was last brought up to. */
	private clock: number;

	constructor(
		scripts: readonly ScenarioService[],
		private readonly projectId: string,
		private readonly t0: number,
		private readonly speed: number,
	) {
		this.clock = t0;
		for (const script of scripts) {
			if ((script.appearsAfter ?? 0) > 0) this.unborn.set(script.id, script);
			else this.create(script, 0);
			for (const m of [...script.models, ...script.steps.flatMap((step) => step.update?.models ?? [])]) {
				this.models.set(modelId(m), {model: m, createdAt: t0 - script.publishedAgo - 3_600_000});
			}
			if (script.pool) this.pools.set(script.pool.name, {pool: script.pool, t0});
		}
	}

	private create(script: ScenarioService, startMs: number): void {
		const t0 = this.t0 + Math.round(startMs / this.speed);
		this.starts.set(script.id, startMs);
		if (script.v2) this.v2Services.set(script.id, new V2ServiceState({...script, v2: script.v2}, this.projectId, t0, this.speed));
		else this.services.set(script.id, new ServiceState(script, this.projectId, t0, this.speed));
	}

	/** A model of the project, for `GET …/models/{model_id}`. */
	model(id: string): {readonly model: ScenarioModel; readonly createdAt: number} | undefined {
		return this.models.get(id);
	}

	/** A dedicated pool of the project, by its ID. */
	pool(name: string): SimPool | undefined {
		return this.pools.get(name);
	}

	/** Brings every service up to `now` (real ms; scenario time runs `speed` times faster). */
	advance(now: number): void {
		this.clock = Math.max(this.clock, now);
		const scenarioMs = Math.max(0, now - this.t0) * this.speed;
		for (const [id, script] of this.unborn) {
			if (scenarioMs < script.appearsAfter!) continue;
			this.unborn.delete(id);
			this.create(script, script.appearsAfter!);
		}
		const own = (id: string) => scenarioMs - (this.starts.get(id) ?? 0);
		for (const [id, service] of this.services) service.advance(own(id), now);
		for (const [id, service] of this.v2Services) service.advance(own(id));
	}

	get now(): number {
		return this.clock;
	}

	service(id: string): ServiceState | undefined {
		return this.services.get(id);
	}

	all(): ServiceState[] {
		return [...this.services.values()];
	}

	v2Service(id: string): V2ServiceState | undefined {
		return this.v2Services.get(id);
	}

	allV2(): V2ServiceState[] {
		return [...this.v2Services.values()];
	}
}
