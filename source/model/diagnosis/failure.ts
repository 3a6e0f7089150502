// Why a failed deployment failed, from every signal the deployment kept: the abnormal events
// on phases that never recovered, the events that ended it, and the service's error_msg.
import type {DeploymentProgress, ModelTrack, PhaseId, Problem} from '../types.js';
import {PHASE_IDS} from '../types.js';
import {FAILURE_GUIDANCE} from './categories.js';
import {BASIS_RANK, readText} from './evidence.js';
import type {Reading} from './evidence.js';
import type {Diagnosis} from './types.js';
import {failureCulprit} from '../wording.js';

/** One signal with what it says. */
interface Evidence extends Reading {
	readonly text: string;
	readonly at: number;
	readonly model: string | null;
	readonly phase: PhaseId | null;
}

const phaseOrder = (phase: PhaseId | null): number => (phase === null ? PHASE_IDS.length : PHASE_IDS.indexOf(phase));

/**
 * The conflict rule, the one place where disagreeing signals are settled:
 * 1. a more specific cause wins over a general one (listed code > cause words > the phase
 *    the text names > a time-out > nothing): a time-out whose text says no resources were
 *    left is `resources`; "Failed to start service x" after a pull failure is `image_pull`;
 * 2. among equally specific signals, the one on the earliest phase wins: the first problem
 *    that never recovered is the cause, later ones are its consequences (a pod that cannot
 *    start after its image never arrived);
 * 3. then the earliest in time.
 * When no signal names a cause at all, the service's error_msg is quoted: it is the
 * service's own summary of what happened.
 */
function stronger(a: Evidence, b: Evidence): Evidence {
	const rank = BASIS_RANK[b.basis] - BASIS_RANK[a.basis];
	if (rank !== 0) return rank > 0 ? b : a;
	const order = phaseOrder(b.phase) - phaseOrder(a.phase);
	if (order !== 0) return order < 0 ? b : a;
	return b.at < a.at ? b : a;
}

function phaseState(tracks: readonly ModelTrack[], problem: Problem): string | null {
	if (problem.phase === null) return null;
	const track = tracks.find((candidate) => candidate.model === problem.model);
	return track?.phases.find((phase) => phase.phase === problem.phase)?.state ?? null;
}

/** The signals that can explain the failure: not recovered, and of the model error_msg names when it names one. */
function gather(deployment: DeploymentProgress): Evidence[] {
	const {tracks, errorModel} = deployment;
	const models = tracks.flatMap((track) => (track.model === null ? [] : [track.model]));
	const relevant = deployment.problems.filter(
		(problem) => phaseState(tracks, problem) !== 'done' && (errorModel === null || problem.model === null || problem.model === errorModel),
	);
	const evidence: Evidence[] = relevant.map((problem) => ({...readText(problem.text, problem.namedPhase, models), text: problem.text, at: problem.at, model: problem.model, phase: problem.phase}));
	if (deployment.errorMsg) {
		const at = deployment.endedAt ?? Number.POSITIVE_INFINITY;
		evidence.push({...readText(deployment.errorMsg, null, models), text: deployment.errorMsg, at, model: errorModel, phase: null});
	}

	return evidence;
}

/** The model the failure belongs to, when the deciding signal does not say. */
function failingModel(deployment: DeploymentProgress, winner: Evidence | null): string | null {
	// The phase list blames the same model (failureCulprit); a lone model is the only candidate.
	return winner?.model || failureCulprit(deployment) || (deployment.tracks.length === 1 ? deployment.tracks[0]!.model : null);
}

function failedPhaseOf(deployment: DeploymentProgress, model: string | null): PhaseId | null {
	const tracks = deployment.tracks.filter((track) => model === null || track.model === model);
	for (const track of tracks) {
		const failed = track.phases.find((phase) => phase.state === 'failed');
		if (failed) return failed.phase;
	}
	return null;
}

/** Why the deployment failed; null unless its outcome is `failed`. */
export function diagnoseFailure(deployment: DeploymentProgress): Diagnosis | null {
	if (deployment.outcome !== 'failed') return null;
	const evidence = gather(deployment);
	const strongest = evidence.length === 0 ? null : evidence.reduce(stronger);
	const winner = strongest?.basis === 'none' ? (evidence.find((item) => item.text === deployment.errorMsg) ?? strongest) : strongest;
	const category = winner?.category ?? 'unknown';
	const model = failingModel(deployment, winner);
	const guidance = FAILURE_GUIDANCE[category];
	return {
		category,
		phase: winner?.phase ?? failedPhaseOf(deployment, model),
		model,
		cause: winner?.text ?? null,
		code: winner?.code ?? null,
		basis: winner?.basis ?? 'none',
		advice: guidance.advice,
		docs: guidance.docs,
		slow: null,
		deadline: null,
	};
}
