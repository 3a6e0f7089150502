// When the poll loop reads evidence (issue 25): only while a phase of the current deployment
// is slow or has had trouble, or once the service has failed. A cleanly deploying or running
// service needs none of it. The loop does not keep the events, so this keeps just enough:
// per model, the phase that is open, since when, and whether an abnormal event touched it.
// Pure and bounded (one entry per model); time arrives as arguments.
import {classifyEvent} from '../events/classify.js';
import {DEFAULT_SLOW_THRESHOLDS, type SlowThresholds} from '../diagnosis/thresholds.js';
import {outcomeOfStatus} from '../deployment/outcome.js';
import {PHASE_IDS, type ApiEvent, type PhaseId} from '../types.js';

/** The open phase of one model. */
export interface OpenPhase {
	readonly phase: PhaseId;
	/** occur_time of the event that opened it. */
	readonly since: number;
	/** An abnormal (failure) event concerned it. */
	readonly troubled: boolean;
}

/** Open phases by model tag (null: events that name no model). */
export type EvidenceTiming = ReadonlyMap<string | null, OpenPhase>;

export const NO_TIMING: EvidenceTiming = new Map();

/** Why evidence is wanted, and for which models (null: the service's every model). */
export interface EvidenceNeed {
	readonly reason: 'slow' | 'trouble' | 'failed';
	readonly models: readonly (string | null)[];
	readonly phases: readonly PhaseId[];
}

const eventType = (event: ApiEvent) => (event.event_type === 'abnormal' ? 'abnormal' : 'normal');

/** The events from the newest lifecycle start on (classifying back to it, not the whole history). */
function currentLifecycle(events: readonly ApiEvent[]): {readonly restart: boolean; readonly tail: readonly ApiEvent[]} {
	for (let index = events.length - 1; index >= 0; index--) {
		const event = events[index]!;
		if (classifyEvent(event.event_info, eventType(event)).signal === 'lifecycle') return {restart: true, tail: events.slice(index + 1)};
	}
	return {restart: false, tail: events};
}

/** A phase that succeeded hands over to the next one: scheduling has no event of its own that starts it. */
function next(phase: PhaseId): PhaseId | null {
	return PHASE_IDS[PHASE_IDS.indexOf(phase) + 1] ?? null;
}

function open(phases: Map<string | null, OpenPhase>, model: string | null, phase: PhaseId, since: number, troubled = false): void {
	// A model's own progress supersedes what an untagged event ("preparing environment") opened for all.
	const shared = phases.get(null);
	if (model !== null && shared && PHASE_IDS.indexOf(shared.phase) <= PHASE_IDS.indexOf(phase)) phases.delete(null);
	phases.set(model, {phase, since, troubled});
}

function apply(phases: Map<string | null, OpenPhase>, event: ApiEvent): void {
	const {phase, signal, model} = classifyEvent(event.event_info, eventType(event));
	const current = phases.get(model);
	if (signal === 'deployed') phases.clear();
	else if (signal === 'start' && phase !== null && current?.phase !== phase) open(phases, model, phase, event.occur_time);
	else if (signal === 'success' && phase !== null && (current === undefined || current.phase === phase)) {
		const following = next(phase);
		if (following === null) phases.delete(model);
		else open(phases, model, following, event.occur_time);
	} else if (signal === 'failure') fail(phases, model, phase, event.occur_time);
}

/** An untagged failure ("Insufficient resources.") concerns each model open in that phase. */
function fail(phases: Map<string | null, OpenPhase>, model: string | null, phase: PhaseId | null, at: number): void {
	const concerned = [...phases].filter(([key, entry]) => (model === null || key === model) && (phase === null || entry.phase === phase));
	for (const [key, entry] of concerned) phases.set(key, {...entry, troubled: true});
	if (concerned.length === 0 && phase !== null) open(phases, model, phase, at, true);
}

/** The timing after a batch of new events (oldest first, as the sync delivers them). */
export function noteEvents(timing: EvidenceTiming, events: readonly ApiEvent[]): EvidenceTiming {
	if (events.length === 0) return timing;
	const {restart, tail} = currentLifecycle(events);
	const phases = new Map(restart ? [] : timing);
	for (const event of tail) apply(phases, event);
	return phases;
}

/**
 * What to read evidence for: every open phase once the service failed (all models when no
 * event says which); else the phases over their slow threshold or with trouble, while the
 * deployment runs. Null for a running, stopped or cleanly deploying service.
 */
export function evidenceNeed(timing: EvidenceTiming, status: string | null, nowMs: number, thresholds: SlowThresholds = DEFAULT_SLOW_THRESHOLDS): EvidenceNeed | null {
	const outcome = outcomeOfStatus(status);
	const entries = [...timing];
	if (outcome === 'failed') {
		return {reason: 'failed', models: entries.length === 0 ? [null] : entries.map(([model]) => model), phases: entries.map(([, open]) => open.phase)};
	}
	if (outcome !== null && outcome !== 'in_progress') return null;
	const wanted = entries.filter(([, open]) => open.troubled || nowMs - open.since >= thresholds[open.phase]);
	if (wanted.length === 0) return null;
	return {
		reason: wanted.some(([, open]) => open.troubled) ? 'trouble' : 'slow',
		models: wanted.map(([model]) => model),
		phases: wanted.map(([, open]) => open.phase),
	};
}
