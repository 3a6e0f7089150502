// The words every output mode shares: phase labels, how long a deployment took (one rule),
// the outcome sentence (with the instance counts when the monitor gave them), what a failed
// phase says (its cause, or that another model's failure interrupted it), the diagnosis
// headline, the retry and the status-with-progress phrases. The live view, the
// plain log and the completion nudge all say these things; saying them here keeps the three
// from drifting apart. Texts may hold server text (causes, statuses): callers sanitise.
import {CATEGORY_TITLES, type Diagnosis, type SlowNote, type DeadlineNote} from '../diagnosis/types.js';
import {deploymentElapsed, formatDuration, formatMinutes} from '../deployment/elapsed.js';
import type {InstanceCounts} from '../deployment/instances.js';
import {hasInstanceShortfall, instanceCountText, instancesNoun, instancesRunningText, shortfallText} from './instances-wording.js';
import {counted} from './plural.js';
import type {DeploymentProgress, ModelTrack, Outcome, PhaseId, PhaseProgress} from '../types.js';
import type {SyncState} from '../watch/sync-state.js';

const LABELS: Readonly<Record<PhaseId, readonly [long: string, short: string]>> = {
	image_building: ['Image building', 'Build'],
	environment_preparation: ['Environment preparation', 'Env'],
	resource_scheduling: ['Resource scheduling', 'Schedule'],
	image_pulling: ['Image pulling', 'Pull'],
	model_startup: ['Model startup', 'Start'],
};

export function phaseLabel(phase: PhaseId, short = false): string {
	return LABELS[phase][short ? 1 : 0];
}

/** How long the current deployment took, by the server's clock (deploymentElapsed); while it runs, only with `serverNow`. */
export function deploymentDuration(deployment: DeploymentProgress, serverNow: number | null): number | null {
	if (serverNow === null && deployment.outcome === 'in_progress' && deployment.endedAt === null) return null;
	return deploymentElapsed(deployment, serverNow ?? 0);
}

/** The cause a failed phase carries, for a failure whose service gave no error_msg. */
function failedPhaseCause(deployment: DeploymentProgress): string | null {
	for (const track of deployment.tracks) {
		const failed = track.phases.find(phase => phase.state === 'failed' && phase.cause);
		if (failed?.cause) return failed.cause;
	}

	return null;
}

/** What happened to the deployment, in the words a person would say it. */
export interface OutcomeWords {
	readonly outcome: Outcome;
	/** It succeeded, but the service now runs with fewer instances than asked for, or says `concerning`: never a clean success. */
	readonly degraded: boolean;
	/** "Deployed in 4m12s: 2/2 instances running" (or ": the service is running"), "Deployment failed after 2m05s", "Service stopped", "Deployment in progress for 1m10s". */
	readonly headline: string;
	/** Why it failed (error_msg, else the failed phase's cause); null otherwise. */
	readonly cause: string | null;
}

/**
 * What a succeeded deployment runs: `2/2 instances running`, `running with 1/2 instances
 * ready` (fewer than asked for: it must not read as a clean success), or, without counts,
 * the status (`the service is running`). A service that turned `concerning` after its deploy
 * is `now degraded` (with the counts when known): the deploy worked, the service does not quite.
 */
function runningText(deployment: DeploymentProgress, instances: InstanceCounts | null): string {
	if (deployment.concerning) {
		const counts = instances === null ? null : instanceCountText(instances);
		return counts === null ? 'the service is now degraded (concerning)' : `the service is now degraded: ${counts} ${instancesNoun(instances!.total!)} ready`;
	}

	const counts = instances === null ? null : (shortfallText(instances) ?? instancesRunningText(instances));
	return counts ?? `the service is ${deployment.status ?? 'running'}`;
}

/** A deployment that succeeded but whose service now runs short of instances, or says `concerning`. */
export function isDegraded(deployment: DeploymentProgress, instances: InstanceCounts | null): boolean {
	return deployment.outcome === 'succeeded' && (deployment.concerning || (instances !== null && hasInstanceShortfall(instances)));
}

/**
 * The outcome sentence of the current deployment. `serverNow` times one still in progress;
 * `instances` (the service's counts from the monitor, null without) say what runs.
 */
export function outcomeWords(deployment: DeploymentProgress, serverNow: number | null, instances: InstanceCounts | null = null): OutcomeWords {
	const took = deploymentDuration(deployment, serverNow);
	const span = (word: string) => (took === null ? '' : ` ${word} ${formatDuration(took)}`);
	switch (deployment.outcome) {
		case 'succeeded': {
			const degraded = isDegraded(deployment, instances);
			// "Deployed in 12s; the service is now degraded: …": the deploy's own time, then how it stands.
			const joint = deployment.concerning ? ';' : ':';
			return {outcome: 'succeeded', degraded, headline: `Deployed${span('in')}${joint} ${runningText(deployment, instances)}`, cause: null};
		}
		case 'failed':
			return {outcome: 'failed', degraded: false, headline: `Deployment failed${span('after')}`, cause: deployment.errorMsg ?? failedPhaseCause(deployment)};
		case 'stopped':
			return {outcome: 'stopped', degraded: false, headline: `Service ${deployment.status ?? 'stopped'}`, cause: null};
		case 'in_progress':
			return {outcome: 'in_progress', degraded: false, headline: `Deployment in progress${span('for')}`, cause: null};
	}
}

/** The headline with its cause: what the live view's outcome line says. */
export function outcomeSentence(words: OutcomeWords): string {
	return words.cause ? `${words.headline}: ${words.cause}` : words.headline;
}

/**
 * The model whose failure ended the deployment: the one error_msg names, else the only model
 * whose failed phase has a cause. Null unless the deployment failed, or when no one model is it.
 */
export function failureCulprit(deployment: DeploymentProgress): string | null {
	if (deployment.outcome !== 'failed') return null;
	if (deployment.errorModel !== null) return deployment.errorModel;
	const failing = deployment.tracks.filter(track => track.phases.some(phase => phase.state === 'failed' && phase.cause !== null));
	return failing.length === 1 ? failing[0]!.model : null;
}

/**
 * What a failed phase of `track` says: its own cause, or, for a model whose running phase
 * ended only because `culprit` failed (it carries no cause of its own), that it was
 * interrupted. Null for a phase that did not fail, or that nothing explains.
 */
export function failedPhaseNote(phase: PhaseProgress, track: Pick<ModelTrack, 'model'>, culprit: string | null): string | null {
	if (phase.state !== 'failed') return null;
	if (phase.cause !== null) return phase.cause;
	return culprit !== null && culprit !== track.model ? `interrupted when ${culprit} failed` : null;
}

/** `asr-large v3.2, image pulling`: where a diagnosis happened; empty when nothing is known. */
function whereText(model: string | null, phase: PhaseId | null): string {
	return [model, phase === null ? null : phaseLabel(phase).toLowerCase()].filter(part => part !== null).join(', ');
}

// The slow texts count whole minutes: they stay on screen while the clock runs, and a line
// that changed every second would be written again at every tick (the phase row keeps the
// exact, ticking time).

/** `the deployment times out within 2m`, or `the deployment is past its 20m00s timeout` (the advice names the timeout). */
function deadlineClause(deadline: DeadlineNote, subject = 'the deployment'): string {
	if (deadline.remainingMs > 0) return `${subject} times out within ${formatMinutes(deadline.remainingMs, 'up')}`;
	return `${subject} is past its ${formatDuration(deadline.timeoutMs)} timeout`;
}

/** `Image pulling of vision-xl 5.0.0 has run 12m (slow after 10m00s)`. */
function slowClause(diagnosis: Diagnosis, slow: SlowNote): string {
	const phase = diagnosis.phase === null ? 'A phase' : phaseLabel(diagnosis.phase);
	const of = diagnosis.model === null ? '' : ` of ${diagnosis.model}`;
	return `${phase}${of} has run ${formatMinutes(slow.elapsedMs)} (slow after ${formatDuration(slow.thresholdMs)})`;
}

/** `last event 12m ago: <text>`: the news a slow phase last had (the text is the server's). */
export function lastEventText(text: string, quietMs: number | null): string {
	return quietMs === null ? `last event: ${text}` : `last event ${formatMinutes(quietMs)} ago: ${text}`;
}

/**
 * A diagnosis in one line. A failure: the category in words and where
 * (`The image could not be pulled onto the node (asr-large v3.2, image pulling)`). Slow: how
 * long the phase has run and, near the deployment timeout, how long is left.
 */
export function diagnosisHeadline(diagnosis: Diagnosis): string {
	if (diagnosis.category !== 'slow') {
		const where = whereText(diagnosis.model, diagnosis.phase);
		return `${CATEGORY_TITLES[diagnosis.category]}${where === '' ? '' : ` (${where})`}`;
	}

	const {slow, deadline} = diagnosis;
	if (slow === null) return deadline === null ? 'The deployment runs long' : deadlineClause(deadline, 'The deployment');
	return deadline === null ? slowClause(diagnosis, slow) : `${slowClause(diagnosis, slow)}; ${deadlineClause(deadline)}`;
}

/**
 * The text that decided a failure, unless it is what the outcome line (or the plain log's
 * status line) already says: error_msg shown twice in a row tells nothing new.
 */
export function diagnosisCause(diagnosis: Diagnosis, deployment: DeploymentProgress): string | null {
	return diagnosis.cause === outcomeWords(deployment, null).cause ? null : diagnosis.cause;
}

/** `my-service deployed in 4m12s` / `my-service failed after 4m12s`: the completion nudge. */
export function nudgeText(outcome: 'succeeded' | 'failed', elapsedMs: number | null, serviceName: string): string {
	const took = elapsedMs === null ? '' : ` ${outcome === 'succeeded' ? 'in' : 'after'} ${formatDuration(elapsedMs)}`;
	return `${serviceName} ${outcome === 'succeeded' ? 'deployed' : 'failed'}${took}`;
}

/** `deploying 52%`: a status, with the progress while it deploys. */
export function statusWithProgress(status: string, progress: number | null): string {
	return status === 'deploying' && progress !== null ? `${status} ${progress}%` : status;
}

function secondsUntil(then: number, now: number): number {
	return Math.max(0, Math.ceil((then - now) / 1000));
}

/** `retrying in 8s (HTTP 503, attempt 3)`. */
export function retryText(sync: Extract<SyncState, {kind: 'retrying'}>, now: number): string {
	return `retrying in ${secondsUntil(sync.retryAt, now)}s (${sync.reason}, attempt ${sync.attempt})`;
}

/** `2 deploying · 1 running`: how many of each, in the order given, the zeros left out, joined by `join`. */
function countsText(counts: ReadonlyArray<readonly [count: number, what: string]>, join: string): string {
	return counts
		.filter(([count]) => count > 0)
		.map(([count, what]) => `${count} ${what}`)
		.join(join);
}

const OUTCOME_ORDER: readonly Outcome[] = ['succeeded', 'failed', 'stopped', 'in_progress'];
const OUTCOME_NAMES: Readonly<Record<Outcome, string>> = {succeeded: 'succeeded', failed: 'failed', stopped: 'stopped', in_progress: 'in progress'};

/** `1 succeeded, 1 failed, 1 in progress`: the outcomes of a set of services. */
export function setCountsText(outcomes: readonly Outcome[]): string {
	return countsText(
		OUTCOME_ORDER.map(outcome => [outcomes.filter(one => one === outcome).length, OUTCOME_NAMES[outcome]] as const),
		', ',
	);
}

/** `3 services ended: 2 succeeded, 1 failed`: the nudge once a whole set has ended. */
export function setNudgeText(outcomes: readonly Outcome[]): string {
	return `${counted(outcomes.length, 'service')} ended: ${setCountsText(outcomes)}`;
}

/**
 * A deployment that ended, in a few words for a row of the overview: `deployed in 46s`,
 * `failed after 2m05s`, or the status (`running`, `stopped`) when its start was not seen.
 */
export function briefOutcome(deployment: DeploymentProgress): string {
	const took = deploymentDuration(deployment, null);
	switch (deployment.outcome) {
		case 'succeeded':
			return took === null ? (deployment.status ?? 'running') : `deployed in ${formatDuration(took)}`;
		case 'failed':
			return took === null ? 'failed' : `failed after ${formatDuration(took)}`;
		case 'stopped':
			return deployment.status ?? 'stopped';
		case 'in_progress':
			return deployment.status ?? 'in progress';
	}
}

/** `4 services · 2 deploying · 1 running · 1 failed · 3m12s`: the overview's header. */
export function serviceCountLine(
	total: number,
	counts: ReadonlyArray<readonly [count: number, what: string]>,
	longestMs: number | null,
	separator: string,
): string {
	const parts = [counted(total, 'service'), countsText(counts, ` ${separator} `), longestMs === null ? '' : formatDuration(longestMs)];
	return parts.filter(part => part !== '').join(` ${separator} `);
}
