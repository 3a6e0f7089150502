// Phase times tile the deployment (issue 22): per model, each phase runs from the end of the
// phase before it (the first from the deployment's start) to its own end, and the last one
// ends when the service became running as the server states it. The time between two
// events belongs to the phase that was under way, so the phases add up to the deployment's
// duration and every number on screen agrees with the header's total. Scheduling, which has
// no start event in the API wording, gets its time by the same rule.
import type {ModelTrack, PhaseProgress} from '../types.js';

/**
 * While the deployment runs, the phase right after the last done one runs from that one's end,
 * even before an event of its own (scheduling never has a start event): time goes on, and it
 * is this phase's. Only when every later phase is still pending; a phase without any done
 * phase before it waits for its own evidence (a new update's phases start pending).
 */
function runningNext(phases: readonly PhaseProgress[]): PhaseProgress[] {
	const lastDone = phases.findLastIndex((phase) => phase.state !== 'pending');
	const done = phases[lastDone];
	if (done === undefined || done.state !== 'done' || done.endedAt === null || lastDone === phases.length - 1) return [...phases];
	return phases.map((phase, index) => (index === lastDone + 1 ? {...phase, state: 'active', startedAt: done.endedAt} : phase));
}

/**
 * The track with tiled times. `deploymentStart` is the lifecycle's first event (null when
 * none was seen: then the first phase starts at its own first event); `runningAt` is when
 * the service became running, for a deployment that succeeded (null otherwise); `inProgress`
 * lets the phase after the last done one run before its own first event.
 */
export function tileTrack(track: ModelTrack, deploymentStart: number | null, runningAt: number | null, inProgress = false): ModelTrack {
	let cursor = deploymentStart;
	const last = track.phases.length - 1;
	const phases = (inProgress ? runningNext(track.phases) : track.phases).map((phase, index): PhaseProgress => {
		// A phase without evidence has no time; the next phase with some starts where this chain stands.
		if (phase.state === 'pending') return phase;
		const startedAt = cursor ?? phase.startedAt;
		let endedAt = phase.endedAt;
		if (index === last && runningAt !== null && phase.state === 'done') endedAt = Math.max(endedAt ?? runningAt, runningAt);
		if (endedAt !== null && startedAt !== null) endedAt = Math.max(endedAt, startedAt);
		if (endedAt !== null) cursor = endedAt;
		return startedAt === phase.startedAt && endedAt === phase.endedAt ? phase : {...phase, startedAt, endedAt};
	});
	return {...track, phases};
}
