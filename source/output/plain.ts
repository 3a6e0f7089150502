// The plain log for pipes, files and CI: one line per thing that happened, never a cursor
// movement, colour only when allowed. Pure functions of (before, after, now) → lines.
import type {SlowContext} from '../core/diagnosis/slow.js';
import {formatDuration} from '../core/deployment/elapsed.js';
import type {DeploymentProgress, PhaseProgress, WatchEvent} from '../core/types.js';
import {failedPhaseNote, failureCulprit, outcomeWords, phaseLabel, statusWithProgress} from '../core/words/wording.js';
import {failureLines, summaryDiagnosisLines} from './plain-diagnosis.js';
import {line, modelPrefix, paint, type PlainStyle, type Tone} from './plain-line.js';
import {rolloutLines} from './plain-rollout.js';
import {phaseChanges, statusChanged, statusFields, type PhaseChange, type WatchSnapshot} from './snapshot.js';
import {counted} from '../core/words/plural.js';

export type {PlainStyle} from './plain-line.js';

function eventLine(event: WatchEvent, nowMs: number, style: PlainStyle): string {
	const text = style.sanitize(event.info);
	const time = style.formatTime(event.occurTime, nowMs);
	if (event.type === 'abnormal') return paint(style, 'red', line(time, 'ABNORMAL', text));
	if (event.type === 'warning') return paint(style, 'yellow', line(time, 'WARNING', text));
	return line(time, 'normal', text);
}

function spanText(startedAt: number | null, endedAt: number | null): string {
	return startedAt !== null && endedAt !== null ? formatDuration(endedAt - startedAt) : '';
}

/** A model whose running phase ended only because `culprit` failed: it was interrupted, not the reason. */
function interruptedNote(phase: PhaseProgress, model: string | null, culprit: string | null): string | null {
	return phase.state === 'failed' && phase.cause === null ? failedPhaseNote(phase, {model}, culprit) : null;
}

function phaseLine(change: PhaseChange, at: number, nowMs: number, style: PlainStyle, culprit: string | null): string {
	const {phase} = change;
	const label = `${modelPrefix(change.model, style)}${phaseLabel(phase.phase)}`;
	const time = style.formatTime(at, nowMs);
	const span = spanText(phase.startedAt, phase.endedAt);
	switch (phase.state) {
		case 'active':
			// A failed phase that moves again is a retry, not a second start.
			return line(time, 'phase', change.from === 'failed' ? `${label} retrying` : `${label} started`);
		case 'done':
			return paint(style, 'green', line(time, 'phase', `${label} done${span ? ` in ${span}` : ''}`));
		default: {
			const interrupted = interruptedNote(phase, change.model, culprit);
			if (interrupted !== null) return line(time, 'phase', `${label} stopped${span ? ` after ${span}` : ''}: ${style.sanitize(interrupted)}`);
			const cause = phase.cause === null ? '' : `: ${style.sanitize(phase.cause)}`;
			return paint(style, 'red', line(time, 'phase', `${label} FAILED${span ? ` after ${span}` : ''}${cause}`));
		}
	}
}

function statusLine(snapshot: WatchSnapshot, nowMs: number, style: PlainStyle): string {
	const {status, progress, errorMsg, dueTime} = statusFields(snapshot.details);
	const error = errorMsg ? `: ${style.sanitize(errorMsg)}` : '';
	const autoStop = dueTime === null ? '' : ` (auto-stop at ${style.formatTime(dueTime, nowMs)})`;
	const text = line(style.formatTime(nowMs, nowMs), 'status', `${statusWithProgress(style.sanitize(status ?? 'unknown'), progress)}${autoStop}${error}`);
	return status === 'failed' ? paint(style, 'red', text) : text;
}

/**
 * When a phase change happened, for ordering it among the events. A retry keeps the phase's
 * first start time, so it happened with the newest event that arrived. A start is dated from
 * the end of the phase before (the phases tile the deployment), but never before this batch's
 * first event: the log is not written back in time.
 */
function changeTime(change: PhaseChange, newEvents: readonly WatchEvent[], nowMs: number): number {
	if (change.from === 'failed' && change.phase.state === 'active') return newEvents.at(-1)?.occurTime ?? nowMs;
	if (change.phase.state === 'active') return Math.max(change.phase.startedAt ?? nowMs, newEvents[0]?.occurTime ?? Number.NEGATIVE_INFINITY);
	return change.phase.endedAt ?? change.phase.startedAt ?? nowMs;
}

/**
 * Lines for what changed between two snapshots: the new visible events and the phase
 * transitions in time order (a transition after the event that caused it; a failure's
 * `cause` and `try` lines right after its failed phases), then a status line when the
 * service status, its error or its auto-stop time changed, then instance counts that changed
 * and what an update changes.
 */
export function plainUpdateLines(
	previous: WatchSnapshot,
	next: WatchSnapshot,
	newEvents: readonly WatchEvent[],
	nowMs: number,
	style: PlainStyle,
	context: SlowContext | null = null,
): string[] {
	const culprit = failureCulprit(next.deployment);
	const changes = phaseChanges(previous.deployment, next.deployment).map(change => {
		const at = changeTime(change, newEvents, nowMs);
		return {at, rank: 1, failed: change.phase.state === 'failed', text: phaseLine(change, at, nowMs, style, culprit)};
	});
	const failedAt = Math.max(...changes.filter(change => change.failed).map(change => change.at));
	const causeAt = Number.isFinite(failedAt) ? failedAt : (next.deployment.endedAt ?? nowMs);
	const causes = failureLines(previous.deployment, next.deployment, style.formatTime(causeAt, nowMs), style, context).map(text => ({at: causeAt, rank: 2, text}));
	const timed = [...newEvents.map(event => ({at: event.occurTime, rank: 0, text: eventLine(event, nowMs, style)})), ...changes, ...causes];
	const lines = timed.sort((a, b) => a.at - b.at || a.rank - b.rank).map(entry => entry.text);
	if (statusChanged(statusFields(previous.details), statusFields(next.details), false)) {
		lines.push(statusLine(next, nowMs, style));
	}

	lines.push(...rolloutLines(previous, next, nowMs, style));
	return lines;
}

/** The live view's outcome line, without its cause (the summary gives it a line of its own). */
function headline(snapshot: WatchSnapshot, nowMs: number, style: PlainStyle): string {
	const {deployment, details} = snapshot;
	// The headline names the status of an ended deployment; one still in progress may be deploying, waiting or pending.
	const status = deployment.outcome === 'in_progress' && details ? `, status ${style.sanitize(details.status)}` : '';
	const name = details ? ` (${style.sanitize(details.service_name)}${status})` : '';
	const words = outcomeWords(deployment, nowMs, snapshot.instances);
	const text = `${style.sanitize(words.headline)}${name}`;
	// A degraded service (fewer instances than asked for, or concerning) is not a clean success: the warning colour.
	const tone: Tone = words.degraded ? 'yellow' : deployment.outcome === 'succeeded' ? 'green' : deployment.outcome === 'failed' ? 'red' : 'bold';
	return paint(style, tone, text);
}

/** A retry that worked leaves a mark, so a recovered problem is not mistaken for a clean run. */
function warningText(warnings: number): string {
	if (warnings === 0) return '';
	return `(${warnings} abnormal event${warnings === 1 ? '' : 's'} recovered)`;
}

function trackLines(deployment: DeploymentProgress, style: PlainStyle): string[] {
	const lines: string[] = [];
	const culprit = failureCulprit(deployment);
	for (const track of deployment.tracks) {
		if (deployment.tracks.length > 1 || track.model !== null) lines.push(`  ${style.sanitize(track.model ?? 'model')}`);
		for (const phase of track.phases) {
			const span = spanText(phase.startedAt, phase.endedAt);
			const note = interruptedNote(phase, track.model, culprit) ?? warningText(phase.warnings);
			const row = `    ${phase.state.padEnd(7)}  ${phaseLabel(phase.phase).padEnd(23)}  ${span.padEnd(6)}  ${style.sanitize(note)}`.trimEnd();
			lines.push(phase.state === 'failed' ? paint(style, 'red', row) : row);
		}
	}

	return lines;
}

/**
 * The closing block: outcome, per-phase states and durations, the error of a failure and its
 * diagnosis (what kind of problem, what decided it, what to try, what to read). `clock` lets a
 * deployment still in progress be called slow; without it only a failure is diagnosed.
 */
export function plainSummaryLines(snapshot: WatchSnapshot, nowMs: number, style: PlainStyle, clock: SlowContext | null = null): string[] {
	const {deployment, events} = snapshot;
	const abnormal = events.filter(event => event.type === 'abnormal').length;
	const lines = ['', headline(snapshot, nowMs, style), ...trackLines(deployment, style)];
	const {cause} = outcomeWords(deployment, nowMs);
	if (cause) lines.push(paint(style, 'red', `  error: ${style.sanitize(cause)}`));
	lines.push(...summaryDiagnosisLines(deployment, clock, style));
	if (deployment.concerning) lines.push(paint(style, 'bold', '  warning: the service is concerning (some instances are abnormal)'));
	lines.push(`  ${counted(events.length, 'event')}${abnormal > 0 ? ` (${abnormal} abnormal)` : ''}`);
	return lines;
}
