// The sentences the diagnosis quotes from what the poll loop read (core/evidence/types.ts), with
// the concrete names and numbers: the health check's budget against the time spent in
// startup, the pool's free resources against one instance's request, and the pool's own
// trouble. Pure: the deployment and the clock arrive as arguments, so "starting for 14m"
// follows the clock like the slow hint does.
import {formatMinutes} from '../deployment/elapsed.js';
import type {EvidenceFacts, EvidenceItem, ModelFacts, PoolFacts} from './types.js';
import {isSchedulable, shortageOf, shortageText} from './pool-capacity.js';
import {budgetExceeded, budgetText, governingProbe} from './probe-budget.js';
import {sanitizeForTerminal} from '../events/sanitize.js';
import type {DeploymentProgress, ModelTrack, PhaseId, PhaseProgress} from '../types.js';

/** Pool events older than this before the deployment began say nothing about it. */
const POOL_EVENT_LOOKBACK_MS = 60 * 60_000;
const POOL_EVENT_REASONS = new Set(['PoolStatusChange', 'PoolResourcesStatusChange']);
const BUILD_FAILED = new Set(['failed', 'building_failed']);

const clean = (text: string): string => sanitizeForTerminal(text);

/** The model's track; a single unnamed track stands for the only model. */
function trackOf(deployment: DeploymentProgress, model: string | null): ModelTrack | null {
	const named = deployment.tracks.find((track) => track.model === model);
	if (named) return named;
	return deployment.tracks.length === 1 && deployment.tracks[0]?.model === null ? deployment.tracks[0] : null;
}

function phaseOf(track: ModelTrack | null, phase: PhaseId): PhaseProgress | null {
	return track?.phases.find((candidate) => candidate.phase === phase) ?? null;
}

/** Time spent in startup: to its end, else to the deployment's end, else to now. */
function startupMs(deployment: DeploymentProgress, phase: PhaseProgress | null, nowMs: number): {ms: number; running: boolean} | null {
	if (phase === null || phase.startedAt === null || phase.state === 'done' || phase.state === 'pending') return null;
	const running = phase.state === 'active' && deployment.outcome === 'in_progress';
	const end = phase.endedAt ?? (running ? nowMs : (deployment.endedAt ?? nowMs));
	return {ms: Math.max(0, end - phase.startedAt), running};
}

function modelItems(facts: ModelFacts, deployment: DeploymentProgress, nowMs: number): EvidenceItem[] {
	const items: EvidenceItem[] = [];
	const model = clean(facts.model);
	if (facts.status !== null && BUILD_FAILED.has(facts.status)) {
		items.push({source: 'model', category: 'image_build', text: `model ${model} is ${clean(facts.status)}: its image was not built (the console lists the model's build events)`});
	}
	const probe = governingProbe(facts.probes);
	const startup = startupMs(deployment, phaseOf(trackOf(deployment, facts.model), 'model_startup'), nowMs);
	if (probe && startup && budgetExceeded(probe, startup.ms)) {
		const spent = startup.running ? `it has been starting for ${formatMinutes(startup.ms)}` : `it was starting for ${formatMinutes(startup.ms)} when the deployment ended`;
		items.push({source: 'model', category: 'health_check', text: `${model}: ${clean(budgetText(probe))}; ${spent}`});
	}
	return items;
}

/** "infer-a100 (pool-9c1d…)": the name a person gave, and enough of the ID to find it. */
export function poolLabel(pool: Pick<PoolFacts, 'poolName' | 'displayName'>): string {
	const id = pool.poolName.length > 12 ? `${pool.poolName.slice(0, 9)}…` : pool.poolName;
	return clean(pool.displayName === null || pool.displayName === pool.poolName ? pool.poolName : `${pool.displayName} (${id})`);
}

function names(list: readonly string[]): string {
	const shown = list.slice(0, 3).map(clean).join(', ');
	return list.length > 3 ? `${shown} and ${list.length - 3} more` : shown;
}

function healthItems(pool: PoolFacts, label: string, since: number): EvidenceItem[] {
	const texts: string[] = [];
	if (pool.phase !== null && pool.phase !== 'Running') texts.push(`${label} is ${clean(pool.phase)}${pool.message ? `: ${clean(pool.message)}` : ''}`);
	if (pool.inferState !== null && pool.inferState !== 'Enabled') texts.push(`${label}: inference is ${clean(pool.inferState)} on this pool`);
	const nodes = pool.nodes ?? [];
	const abnormal = nodes.filter((node) => node.phase !== null && node.phase !== 'Available');
	if (abnormal.length > 0) texts.push(`${label}: ${abnormal.length} of ${nodes.length} nodes are not Available (${names(abnormal.map((node) => `${node.name} ${node.phase}`))})`);
	const tainted = nodes.filter((node) => !abnormal.includes(node) && !isSchedulable(node));
	if (tainted.length > 0) {
		const taint = (node: (typeof nodes)[number]) => node.taints.find((t) => t.effect !== 'PreferNoSchedule');
		texts.push(`${label}: ${tainted.length} of ${nodes.length} nodes are tainted ${taint(tainted[0]!)?.effect ?? 'NoSchedule'} (${names(tainted.map((node) => `${node.name}: ${taint(node)?.key ?? ''}`))})`);
	}
	const recent = pool.events.filter((event) => POOL_EVENT_REASONS.has(event.reason) && event.at !== null && event.at >= since - POOL_EVENT_LOOKBACK_MS);
	for (const event of [...recent].sort((a, b) => (b.at ?? 0) - (a.at ?? 0)).slice(0, 2)) {
		texts.push(`${label} event ${formatMinutes(pool.readAt - (event.at ?? 0))} ago, ${clean(event.reason)}: ${clean(event.message)}`);
	}
	return texts.map((text) => ({source: 'pool', category: 'resources', text}));
}

/** Scheduling of the model is running or has failed (or no event says where it stands). */
function schedulingInTrouble(deployment: DeploymentProgress, model: string | null): boolean {
	const track = trackOf(deployment, model);
	if (track === null) return deployment.outcome !== 'succeeded';
	const state = phaseOf(track, 'resource_scheduling')?.state;
	// No event starts scheduling: once the environment is ready, a pending scheduling is the one under way.
	const waiting = state === 'pending' && phaseOf(track, 'environment_preparation')?.state === 'done' && phaseOf(track, 'image_pulling')?.state === 'pending';
	return state === 'active' || state === 'failed' || waiting;
}

function capacityItems(pool: PoolFacts, label: string, deployment: DeploymentProgress): EvidenceItem[] {
	if (pool.nodes === null) return [];
	const items: EvidenceItem[] = [];
	for (const demand of pool.demands) {
		if (demand.request === null || !schedulingInTrouble(deployment, demand.model)) continue;
		const shortage = shortageOf(pool.nodes, demand.request, demand.instances);
		if (shortage === null) continue;
		const who = pool.demands.length > 1 && demand.model !== null ? ` for ${clean(demand.model)}` : '';
		items.push({source: 'pool', category: 'resources', text: `${label}: ${shortageText(shortage)}${who}`});
	}
	return items;
}

/**
 * The evidence items for the current deployment, strongest first: capacity, then the pool's
 * health, then the models. What the fold calls with the facts of the latest `evidence` message.
 */
export function evidenceFrom(facts: EvidenceFacts, deployment: DeploymentProgress, nowMs: number): EvidenceItem[] {
	const since = deployment.startedAt ?? nowMs;
	const pools = facts.pools.flatMap((pool) => {
		const label = poolLabel(pool);
		return [...capacityItems(pool, label, deployment), ...healthItems(pool, label, since)];
	});
	return [...pools, ...facts.models.flatMap((model) => modelItems(model, deployment, nowMs))];
}
