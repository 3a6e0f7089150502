// The plain log's diagnosis: `cause` and `try` lines once when a deployment fails (right after
// its failing phase line), a `slow` line when a phase turns slow (once per phase and
// lifecycle), and the summary's repeat of the diagnosis with the pages to read. Words come
// from the core (core/words/, core/diagnosis/); server text in them is sanitised here.
import {diagnose} from '../core/diagnosis/diagnose.js';
import {diagnoseFailure} from '../core/diagnosis/failure.js';
import {diagnoseSlow, slowHintOf, type SlowContext} from '../core/diagnosis/slow.js';
import type {Diagnosis} from '../core/diagnosis/types.js';
import type {DeploymentProgress} from '../core/types.js';
import {evidenceLines} from '../core/diagnosis/present.js';
import {diagnosisCause, diagnosisHeadline} from '../core/words/wording.js';
import {line, paint, type PlainStyle} from './plain-line.js';

/** `The image could not be pulled onto the node (asr-large v3.2, image pulling): <deciding text>`. */
function causeText(diagnosis: Diagnosis, deployment: DeploymentProgress, style: PlainStyle): string {
	const cause = diagnosisCause(diagnosis, deployment);
	return style.sanitize(cause === null ? diagnosisHeadline(diagnosis) : `${diagnosisHeadline(diagnosis)}: ${cause}`);
}

/** Whether `next` is a failure the log has not explained yet: the deployment failed since `previous`. */
function newlyFailed(previous: DeploymentProgress, next: DeploymentProgress): boolean {
	return next.outcome === 'failed' && !(previous.outcome === 'failed' && previous.startedAt === next.startedAt);
}

/** The `cause` and `try` lines of a deployment that failed between two snapshots; none otherwise. */
export function failureLines(previous: DeploymentProgress, next: DeploymentProgress, time: string, style: PlainStyle, context: SlowContext | null = null): string[] {
	if (!newlyFailed(previous, next)) return [];
	const diagnosis = diagnoseFailure(next, context ?? {});
	if (diagnosis === null) return [];
	return [
		paint(style, 'red', line(time, 'cause', causeText(diagnosis, next, style))),
		...evidenceLines(diagnosis).map(text => line(time, 'evidence', style.sanitize(text))),
		...diagnosis.advice.map(advice => line(time, 'try', style.sanitize(advice))),
	];
}

/** Says each slow phase (and the nearing deployment timeout) once per lifecycle. */
export type SlowNotices = (deployment: DeploymentProgress, clock: SlowContext, style: PlainStyle) => string[];

/**
 * A `slow` line when a phase has run past its threshold, with its usual cause as `try`, and
 * again (the headline alone) when the deployment nears its timeout. The only state of the
 * plain log: what it already said, so a phase that stays slow is not said at every poll.
 */
export function createSlowNotices(): SlowNotices {
	const said = new Set<string>();
	return (deployment, clock, style) => {
		const diagnosis = diagnoseSlow(deployment, clock);
		if (diagnosis === null) return [];
		const lifecycle = String(deployment.startedAt);
		const phaseKey = diagnosis.slow === null ? null : `${lifecycle}\u0000${diagnosis.model ?? ''}\u0000${diagnosis.phase ?? ''}`;
		const deadlineKey = diagnosis.deadline === null ? null : `${lifecycle}\u0000deadline`;
		// The model and pool are read once the phase is slow, so what they say arrives after the slow line: said once more then.
		const hintKey = phaseKey !== null && slowHintOf(diagnosis.phase, clock.evidence) !== null ? `${phaseKey}\u0000hint` : null;
		const fresh = [phaseKey, deadlineKey, hintKey].filter((key): key is string => key !== null && !said.has(key));
		if (fresh.length === 0) return [];
		for (const key of fresh) said.add(key);
		const time = style.formatTime(clock.nowMs, clock.nowMs);
		const headline = fresh.some((key) => key !== hintKey);
		const lines = headline ? [paint(style, 'bold', line(time, 'slow', style.sanitize(diagnosisHeadline(diagnosis))))] : [];
		const phaseAdvice = (phaseKey !== null && fresh.includes(phaseKey)) || (hintKey !== null && fresh.includes(hintKey));
		if (phaseAdvice && diagnosis.advice[0] !== undefined) lines.push(line(time, 'try', style.sanitize(diagnosis.advice[0])));
		return lines;
	};
}

/** The summary's diagnosis: a failure's (or, in progress with a clock, a slow one's) cause, advice and docs. */
export function summaryDiagnosisLines(deployment: DeploymentProgress, clock: SlowContext | null, style: PlainStyle): string[] {
	const diagnosis = clock === null ? diagnoseFailure(deployment) : diagnose({deployment, ...clock});
	if (diagnosis === null) return [];
	const first = diagnosis.category === 'slow' ? `  slow: ${style.sanitize(diagnosisHeadline(diagnosis))}` : `  cause: ${causeText(diagnosis, deployment, style)}`;
	return [
		paint(style, diagnosis.category === 'slow' ? 'bold' : 'red', first),
		...evidenceLines(diagnosis).map(text => `    ${style.sanitize(text)}`),
		...diagnosis.advice.map(advice => `  try: ${style.sanitize(advice)}`),
		...diagnosis.docs.map(({title, url}) => `  docs: ${style.sanitize(title)} <${style.sanitize(url)}>`),
	];
}
