// The evidence reads inside the poll loop's cycles (issue 25): nothing while the deployment
// runs cleanly; once a phase is slow, troubled or failed (core/evidence/timing.ts), each
// model's details once, and the dedicated pool with its nodes and events at most every 30 s.
// An API that answers 403 is said once and never asked again; a 404 skips that model or pool.
// Other failures are noted and tried again at the next turn: evidence never stops a watch.
import type {SlowThresholds} from '../../core/diagnosis/thresholds.js';
import {sanitizeForTerminal} from '../../core/events/sanitize.js';
import type {EvidenceFacts, ModelFacts, PoolFacts} from '../../core/evidence/types.js';
import {evidenceNeed, noteEvents, NO_TIMING, type EvidenceNeed, type EvidenceTiming} from '../../core/evidence/timing.js';
import {instanceRequest} from '../../core/evidence/instance-request.js';
import type {ApiEvent, ServiceDetails, ServiceModelConfig} from '../../core/types.js';
import type {WatchMessage} from '../../core/watch/data.js';
import {ApiError} from '../errors.js';
import {allPages, type Checked, type EvidenceClient} from './client.js';
import {shortReason} from '../poll/watch-status.js';

/** Least time between two reads of a pool (with its nodes and events). */
export const POOL_READ_GAP_MS = 30_000;

export interface EvidenceReadsOptions {
	readonly client: EvidenceClient;
	readonly now: () => number;
	readonly emit: (message: WatchMessage) => void;
	readonly thresholds?: SlowThresholds;
}

type Outcome<T> = {readonly kind: 'ok'; readonly value: T} | {readonly kind: 'refused' | 'missing' | 'failed'};

const tagOf = (config: ServiceModelConfig): string | null =>
	config.model_name === undefined ? null : [config.model_name, config.model_version].filter(Boolean).join(' ');

export class EvidenceReads {
	private timing: EvidenceTiming = NO_TIMING;
	private details: ServiceDetails | null = null;
	private readonly models = new Map<string, ModelFacts>();
	private readonly pools = new Map<string, PoolFacts>();
	/** Model ids read or found missing: each model is read once. */
	private readonly modelsDone = new Set<string>();
	private readonly poolsMissing = new Set<string>();
	private readonly refused = new Set<'models' | 'pools' | 'nodes' | 'events'>();
	private lastPoolRead = Number.NEGATIVE_INFINITY;
	private poolReadAfterFailure = false;
	private readonly said = new Set<string>();
	private notes: string[] = [];
	private changed = false;

	constructor(private readonly options: EvidenceReadsOptions) {}

	noteEvents(events: readonly ApiEvent[]): void {
		this.timing = noteEvents(this.timing, events);
	}

	noteDetails(details: ServiceDetails): void {
		this.details = details;
	}

	/** One cycle has read events and details: reads what the need asks and is due. */
	async readIfDue(status: string | null, signal: AbortSignal): Promise<void> {
		const need = evidenceNeed(this.timing, status, this.options.now(), this.options.thresholds);
		if (need === null) return;
		const targets = this.targets(need);
		for (const config of targets) await this.readModel(config, signal);
		// A failed deployment no longer changes: its pool is read once more after the failure, not every 30 s.
		if (need.reason !== 'failed') this.poolReadAfterFailure = false;
		const poolsRead = !this.poolReadAfterFailure && (await this.readPools(targets, signal));
		if (poolsRead && need.reason === 'failed') this.poolReadAfterFailure = true;
		if (!this.changed && this.notes.length === 0) return;
		const facts: EvidenceFacts = {models: [...this.models.values()], pools: [...this.pools.values()]};
		this.options.emit({type: 'evidence', facts, notes: this.notes, at: this.options.now()});
		this.changed = false;
		this.notes = [];
	}

	/** The config entries of the models the need names (all of them for a null). */
	private targets(need: EvidenceNeed): ServiceModelConfig[] {
		const config = this.details?.config ?? [];
		if (need.models.includes(null)) return [...config];
		return config.filter((entry) => need.models.includes(tagOf(entry)));
	}

	private async readModel(config: ServiceModelConfig, signal: AbortSignal): Promise<void> {
		const id = config.model_id;
		if (id === undefined || this.modelsDone.has(id) || this.refused.has('models')) return;
		const answer = await this.attempt('models', `model ${tagOf(config) ?? id}`, this.options.client.getModel(id, signal));
		if (answer.kind === 'failed') return;
		this.modelsDone.add(id);
		if (answer.kind !== 'ok') return;
		this.models.set(id, answer.value);
		this.changed = true;
	}

	/** Reads the pools of the targets when 30 s have passed since the last read; true when it did. */
	private async readPools(targets: readonly ServiceModelConfig[], signal: AbortSignal): Promise<boolean> {
		const names = new Set(targets.flatMap((config) => config.pool_name ?? this.details?.pool_name ?? []));
		const now = this.options.now();
		if (names.size === 0 || this.refused.has('pools') || now - this.lastPoolRead < POOL_READ_GAP_MS) return false;
		this.lastPoolRead = now;
		for (const name of names) {
			if (!this.poolsMissing.has(name)) await this.readPool(name, signal);
		}
		return true;
	}

	private async readPool(name: string, signal: AbortSignal): Promise<void> {
		const {client, now} = this.options;
		const head = await this.attempt('pools', `pool ${name}`, client.getPool(name, signal));
		if (head.kind === 'missing') this.poolsMissing.add(name);
		if (head.kind !== 'ok') return;
		const nodes = this.refused.has('nodes') ? null : await this.attempt('nodes', `nodes of pool ${name}`, allPages((page) => client.listPoolNodes(name, page, signal)));
		const events = this.refused.has('events') ? null : await this.attempt('events', `events of pool ${name}`, allPages((page) => client.listPoolEvents(name, page, signal)));
		const onPool = (this.details?.config ?? []).filter((config) => (config.pool_name ?? this.details?.pool_name) === name);
		this.pools.set(name, {
			...head.value,
			nodes: nodes?.kind === 'ok' ? nodes.value : null,
			events: events?.kind === 'ok' ? events.value : [],
			demands: onPool.map((config) => ({model: tagOf(config), request: instanceRequest(config), instances: config.instance_count ?? 1})),
			readAt: now(),
		});
		for (const config of onPool) if (instanceRequest(config) === null) this.say(`evidence: flavour "${config.specification ?? '?'}" of ${tagOf(config) ?? 'a model'} is not one the watch knows; pool capacity is not compared`);
		this.changed = true;
	}

	/** A read's answer, its problems said once; refusals and failures become notes, not errors. */
	private async attempt<T>(api: 'models' | 'pools' | 'nodes' | 'events', what: string, request: Promise<Checked<T>>): Promise<Outcome<T>> {
		try {
			const answer = await request;
			for (const problem of answer.problems) this.say(`evidence: ${what}: ${problem}`);
			return {kind: 'ok', value: answer.value};
		} catch (error) {
			if (!(error instanceof ApiError)) throw error;
			if (error.kind === 'forbidden') {
				this.refused.add(api);
				this.say(`evidence: the ${api} API is not allowed (${shortReason(error)}); not asked again`);
				return {kind: 'refused'};
			}
			if (error.kind === 'not_found' || error.kind === 'bad_request') {
				this.say(`evidence: ${what} not found (${shortReason(error)})`);
				return {kind: 'missing'};
			}
			this.say(`evidence: ${what} not read (${shortReason(error)}); asked again later`);
			return {kind: 'failed'};
		}
	}

	/** Notes quote server text (names, keys, values): a terminal gets none of its control characters. */
	private say(raw: string): void {
		const note = sanitizeForTerminal(raw);
		if (this.said.has(note)) return;
		this.said.add(note);
		this.notes.push(note);
	}
}
