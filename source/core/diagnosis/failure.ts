// Why a failed deployment failed, from every signal the deployment kept: the abnormal events
// on phases that never recovered, the events that ended it, the service's error_msg, and any
// facts read elsewhere (a model's probe, a pool, pod events, an API error) handed in as data.
import type {DeploymentProgress, ModelTrack, PhaseId, Problem} from '../types.js';
import {PHASE_IDS} from '../types.js';
import {guidanceFor} from './cause-advice.js';
import {docLinks} from './docs-links.js';
import type {DocsCloud} from './docs-cloud.js';
import {codeEvidenceText, lookUpCode} from './error-codes.js';
import {BASIS_RANK, readText} from './evidence.js';
import type {Reading} from './evidence.js';
import type {Diagnosis, EvidenceItem, EvidenceSource, ExtraEvidence} from './types.js';
import {failureCulprit} from '../words/wording.js';

/** What a failure diagnosis may use beyond the deployment. */
export interface FailureContext {
	/** Facts found outside the events; they compete with the events by the same rule. */
	readonly evidence?: readonly ExtraEvidence[];
	/** Which documentation site the links go to; Huawei Cloud's when unknown. */
	readonly cloud?: DocsCloud;
}

/** One signal with what it says. */
interface Signal extends Reading {
	readonly source: EvidenceSource;
	readonly text: string;
	readonly at: number;
	readonly model: string | null;
	readonly phase: PhaseId | null;
	readonly http: number | null;
	/** How much concrete detail the text carries (see detail). */
	readonly detail: number;
	/** Its category comes from a fact read outside the events: a pod's Kubernetes reason, the model's probes, the pool. */
	readonly reason: boolean;
}

const phaseOrder = (phase: PhaseId | null): number => (phase === null ? PHASE_IDS.length : PHASE_IDS.indexOf(phase));

/** How much concrete detail a text carries: its numbers ("8 cores, 2 idle"), not those of a model's version. */
function detail(text: string, models: readonly string[]): number {
	const own = models.reduce((rest, model) => (model === '' ? rest : rest.split(model).join(' ')), text);
	return Math.min(8, (own.match(/\d+(?:\.\d+)?/g) ?? []).length);
}

/**
 * The conflict rule, the one place where disagreeing signals are settled:
 * 1. a more specific cause wins over a general one (listed code > cause words > the phase
 *    the text names > a time-out > nothing): a time-out whose text says no resources were
 *    left is `resources`; "Failed to start service x" after a pull failure is `image_pull`.
 *    Among cause words, a fact read outside the events beats a service event's words: a pod's
 *    Kubernetes reason names what happened ("Readiness probe failed"), the event only its
 *    summary ("not ready yet"); so do the model's probes and the pool's state;
 * 2. two signals of the same cause: the one with more concrete detail (names and numbers)
 *    is quoted, "insufficient CPU (requested 8 cores, 2 idle)" over "Insufficient resources";
 * 3. among equally specific signals, the one on the earliest phase wins: the first problem
 *    that never recovered is the cause, later ones are its consequences (a pod that cannot
 *    start after its image never arrived);
 * 4. then the earliest in time.
 * When no signal names a cause at all, the service's error_msg is quoted: it is the
 * service's own summary of what happened.
 */
function stronger(a: Signal, b: Signal): Signal {
	const rank = BASIS_RANK[b.basis] - BASIS_RANK[a.basis];
	if (rank !== 0) return rank > 0 ? b : a;
	if (a.reason !== b.reason) return b.reason ? b : a;
	const richer = a.category === b.category ? b.detail - a.detail : 0;
	if (richer !== 0) return richer > 0 ? b : a;
	const order = phaseOrder(b.phase) - phaseOrder(a.phase);
	if (order !== 0) return order < 0 ? b : a;
	return b.at < a.at ? b : a;
}

function phaseState(tracks: readonly ModelTrack[], problem: Problem): string | null {
	if (problem.phase === null) return null;
	const track = tracks.find((candidate) => candidate.model === problem.model);
	return track?.phases.find((phase) => phase.phase === problem.phase)?.state ?? null;
}

/** What an extra fact says: its code through the table, else its category hint, else its words. */
function readExtra(item: ExtraEvidence, models: readonly string[]): Reading {
	const row = item.code === undefined ? null : lookUpCode(item.code, item.http ?? null);
	if (row !== null && row.category !== 'unknown') return {category: row.category, basis: 'code', code: row.code};
	// A fact read about the model or pool names its cause as surely as the words of an event do.
	if (item.category !== undefined) return {category: item.category, basis: 'facts', code: row?.code ?? null};
	return readText(item.text, null, models);
}

/** The signals that can explain the failure: not recovered, and of the model error_msg names when it names one. */
function gather(deployment: DeploymentProgress, extra: readonly ExtraEvidence[]): Signal[] {
	const {tracks, errorModel} = deployment;
	const models = tracks.flatMap((track) => (track.model === null ? [] : [track.model]));
	const relevant = deployment.problems.filter(
		(problem) => phaseState(tracks, problem) !== 'done' && (errorModel === null || problem.model === null || problem.model === errorModel),
	);
	const signals: Signal[] = relevant.map((problem) => ({
		...readText(problem.text, problem.namedPhase, models),
		source: 'events',
		text: problem.text,
		at: problem.at,
		model: problem.model,
		phase: problem.phase,
		http: null,
		detail: detail(problem.text, models),
		reason: false,
	}));
	if (deployment.errorMsg) {
		const at = deployment.endedAt ?? Number.POSITIVE_INFINITY;
		const {errorMsg} = deployment;
		signals.push({...readText(errorMsg, null, models), source: 'events', text: errorMsg, at, model: errorModel, phase: null, http: null, detail: detail(errorMsg, models), reason: false});
	}
	for (const item of extra) {
		const at = item.at ?? deployment.endedAt ?? Number.POSITIVE_INFINITY;
		const reading = readExtra(item, models);
		const reason = reading.basis === 'facts';
		signals.push({...reading, source: item.source, text: item.text, at, model: null, phase: null, http: item.http ?? null, detail: detail(item.text, models), reason});
	}

	return signals;
}

/** The facts to show: the deciding text, its code's meaning, then other texts of the same cause. */
function evidenceOf(winner: Signal | null, signals: readonly Signal[]): EvidenceItem[] {
	if (winner === null) return [];
	const items: EvidenceItem[] = [{source: winner.source, text: winner.text}];
	const row = winner.code === null ? null : lookUpCode(winner.code, winner.http);
	if (row !== null) items.push({source: 'code', text: codeEvidenceText(row)});
	const others = signals.filter((signal) => signal !== winner && signal.category === winner.category && signal.basis !== 'none');
	for (const other of others) {
		if (items.length >= 4) break;
		if (!items.some((item) => item.text === other.text)) items.push({source: other.source, text: other.text});
	}
	return items;
}

/** The model the failure belongs to, when the deciding signal does not say. */
function failingModel(deployment: DeploymentProgress, winner: Signal | null): string | null {
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
export function diagnoseFailure(deployment: DeploymentProgress, context: FailureContext = {}): Diagnosis | null {
	if (deployment.outcome !== 'failed') return null;
	const signals = gather(deployment, context.evidence ?? []);
	const strongest = signals.length === 0 ? null : signals.reduce(stronger);
	const winner = strongest?.basis === 'none' ? (signals.find((item) => item.text === deployment.errorMsg) ?? strongest) : strongest;
	const category = winner?.category ?? 'unknown';
	const model = failingModel(deployment, winner);
	const guidance = guidanceFor(category, winner?.text ?? null);
	return {
		category,
		phase: winner?.phase ?? failedPhaseOf(deployment, model),
		model,
		cause: winner?.text ?? null,
		code: winner?.code ?? null,
		basis: winner?.basis ?? 'none',
		advice: guidance.advice,
		evidence: evidenceOf(winner, signals),
		docs: docLinks(guidance.docs, context.cloud ?? 'huawei'),
		slow: null,
		deadline: null,
	};
}
