// A deployment still in progress whose phase has run far longer than usual, or that is close
// to its deployment timeout. Cheap enough to run once a second: O(models × phases).
import {deploymentElapsed, formatDuration, formatMinutes, phaseElapsed} from '../deployment/elapsed.js';
import {PHASE_IDS} from '../types.js';
import type {DeploymentProgress, ModelTrack, PhaseId, PhaseProgress} from '../types.js';
import {POOL_TROUBLE} from './cause-advice.js';
import {SLOW_GUIDANCE} from './categories.js';
import {docLinks} from './docs-links.js';
import type {DocsCloud} from './docs-cloud.js';
import {DEFAULT_DEPLOY_TIMEOUT_MS, DEFAULT_SLOW_THRESHOLDS, NEAR_TIMEOUT_MS, PHASE_KEYS} from './thresholds.js';
import type {SlowThresholds} from './thresholds.js';
import type {DeadlineNote, Diagnosis, EvidenceItem, ExtraEvidence, FailureCategory} from './types.js';

/** The clock and limits a slow diagnosis is judged against. */
export interface SlowContext {
	/** Client time, ms since the epoch. */
	readonly nowMs: number;
	/** How far the server clock runs ahead of ours (estimateSkew); 0 when unknown. */
	readonly skewMs?: number;
	readonly thresholds?: SlowThresholds;
	/** The service's deployment timeout; ModelArts' default when unknown. */
	readonly timeoutMs?: number;
	/** Which documentation site the links go to (docsCloudOf the endpoint); Huawei Cloud's when unknown. */
	readonly cloud?: DocsCloud;
	/** Facts found outside the events (model probes, pool capacity): they may say why it is slow. */
	readonly evidence?: readonly ExtraEvidence[];
}

interface Spot {
	readonly track: ModelTrack;
	readonly phase: PhaseProgress;
	readonly elapsedMs: number;
	readonly thresholdMs: number;
}

/** The active phase furthest over its threshold (by ratio), or null when none is over. */
function slowest(deployment: DeploymentProgress, context: SlowContext, thresholds: SlowThresholds): Spot | null {
	let best: Spot | null = null;
	for (const track of deployment.tracks) {
		for (const phase of track.phases) {
			if (phase.state !== 'active') continue;
			const elapsedMs = phaseElapsed(phase, context.nowMs, context.skewMs ?? 0);
			const thresholdMs = thresholds[phase.phase];
			if (elapsedMs === null || elapsedMs < thresholdMs) continue;
			if (best === null || elapsedMs / thresholdMs > best.elapsedMs / best.thresholdMs) best = {track, phase, elapsedMs, thresholdMs};
		}
	}

	return best;
}

/** The active phase furthest along, for a deadline note when no phase is slow itself. */
function furthestActive(deployment: DeploymentProgress): {readonly track: ModelTrack; readonly phase: PhaseProgress} | null {
	for (let index = PHASE_IDS.length - 1; index >= 0; index--) {
		const track = deployment.tracks.find((candidate) => candidate.phases[index]?.state === 'active');
		if (track) return {track, phase: track.phases[index]!};
	}

	return null;
}

function deadlineOf(deployment: DeploymentProgress, context: SlowContext, timeoutMs: number): DeadlineNote | null {
	const elapsed = deploymentElapsed(deployment, context.nowMs, context.skewMs ?? 0);
	if (elapsed === null) return null;
	const remainingMs = timeoutMs - elapsed;
	return remainingMs <= NEAR_TIMEOUT_MS ? {timeoutMs, remainingMs} : null;
}

// The advice is worded to the minute: the live view shows it while the clock runs, and a
// line that changed every second would cost its bytes again at every tick.
function deadlineLine(deadline: DeadlineNote): string {
	const timeout = formatDuration(deadline.timeoutMs);
	if (deadline.remainingMs > 0) return `The deployment times out within ${formatMinutes(deadline.remainingMs, 'up')} (its timeout is ${timeout}; --deploy-timeout tells the watch another one).`;
	return `The ${timeout} deployment timeout has passed: ModelArts should end the deployment any moment.`;
}

const troubled = (text: string): boolean => POOL_TROUBLE.test(text.toLowerCase());

/** What was read elsewhere that explains a slow phase no event explains: the fact to look for, and how to say it. */
const SLOW_HINTS: Partial<Record<PhaseId, {readonly source: 'model' | 'pool'; readonly category: FailureCategory; readonly say: (text: string) => string}>> = {
	model_startup: {
		source: 'model',
		category: 'health_check',
		say: (text) => `The health check likely fails before the model has loaded: ${text}. Give the model an initial delay long enough to load, or the deployment times out.`,
	},
	resource_scheduling: {
		source: 'pool',
		category: 'resources',
		say: (text) => `The dedicated pool is the likely cause: ${text}. ${troubled(text) ? 'Check its nodes in the pool details, or deploy to another pool.' : 'Free or add nodes, or pick a smaller flavour.'}`,
	},
};

/**
 * The fact that says why `phase` is slow (core/evidence/items.ts words it with names and numbers:
 * the health check's budget against the time spent starting, the pool's free resources), or null.
 */
export function slowHintOf(phase: PhaseId | null, evidence: readonly ExtraEvidence[] | undefined): ExtraEvidence | null {
	const hint = phase === null ? undefined : SLOW_HINTS[phase];
	if (hint === undefined) return null;
	const facts = (evidence ?? []).filter((item) => item.source === hint.source && item.category === hint.category);
	// Abnormal or tainted nodes explain a pool without room: they are said before the count of free resources.
	return facts.find((item) => troubled(item.text)) ?? facts[0] ?? null;
}

/** The first advice of a slow phase: the fact that explains the wait, else the phase's usual cause. */
function causeAdvice(phase: PhaseId, hint: ExtraEvidence | null): string {
	const say = SLOW_HINTS[phase]?.say;
	return hint === null || say === undefined ? SLOW_GUIDANCE[phase].cause : say(hint.text);
}

/** The phase's last news, then what was read elsewhere, the health check that explains the wait first. */
function slowEvidence(news: string | null, extra: readonly ExtraEvidence[], hint: ExtraEvidence | null): EvidenceItem[] {
	const read = hint === null ? extra : [hint, ...extra.filter((item) => item !== hint)];
	return [...(news === null ? [] : [{source: 'events' as const, text: news}]), ...read.map(({source, text}) => ({source, text}))];
}

/** A `slow` diagnosis while the deployment is in progress, or null. */
export function diagnoseSlow(deployment: DeploymentProgress, context: SlowContext): Diagnosis | null {
	if (deployment.outcome !== 'in_progress') return null;
	const thresholds = context.thresholds ?? DEFAULT_SLOW_THRESHOLDS;
	const spot = slowest(deployment, context, thresholds);
	const deadline = deadlineOf(deployment, context, deployment.deployTimeoutMs ?? context.timeoutMs ?? DEFAULT_DEPLOY_TIMEOUT_MS);
	if (spot === null && deadline === null) return null;

	const where = spot ?? furthestActive(deployment);
	const news = where?.track.lastEvent ?? null;
	const serverNow = context.nowMs + (context.skewMs ?? 0);
	const advice: string[] = [];
	const hint = slowHintOf(where?.phase.phase ?? null, context.evidence);
	if (where) advice.push(causeAdvice(where.phase.phase, hint));
	if (spot) {
		const key = PHASE_KEYS[spot.phase.phase];
		advice.push(`It has run ${formatMinutes(spot.elapsedMs)}; slow means over ${formatDuration(spot.thresholdMs)} here (--slow-after ${key}=DURATION changes it).`);
	}
	if (deadline) advice.push(deadlineLine(deadline));

	return {
		category: 'slow',
		phase: where?.phase.phase ?? null,
		model: where?.track.model ?? null,
		cause: news?.info ?? null,
		code: null,
		basis: 'duration',
		advice,
		evidence: slowEvidence(news?.info ?? null, context.evidence ?? [], hint),
		docs: where ? docLinks(SLOW_GUIDANCE[where.phase.phase].docs, context.cloud ?? 'huawei') : [],
		slow: spot ? {elapsedMs: spot.elapsedMs, thresholdMs: spot.thresholdMs, quietMs: news ? Math.max(0, serverNow - news.at) : null} : null,
		deadline,
	};
}
