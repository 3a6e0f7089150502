// Elapsed times tick on the client's clock but start from the server's occur_time. The two
// clocks disagree; these helpers keep the numbers a user sees sane: never negative, and
// never jumping backwards as polls refine the estimate.
import type {DeploymentProgress, PhaseProgress} from '../types.js';

/**
 * How far the server clock is ahead of the client clock, in ms. `serverTime` is the newest
 * occur_time seen and `clientTime` the client time at which the poll that delivered it
 * completed. An event can only have happened before the poll returned, so each sample is a
 * lower bound of the true offset: the estimate is the largest sample so far, never below
 * `previous` (so `now + skew` only moves forward) and never below 0 (an old event proves
 * nothing about a server that is behind; over-counting elapsed time is the safe error).
 */
export function estimateSkew(serverTime: number, clientTime: number, previous = 0): number {
	const sample = serverTime - clientTime;
	if (!Number.isFinite(sample)) return Math.max(previous, 0);
	return Math.max(previous, sample, 0);
}

function span(from: number, to: number): number {
	return Math.max(0, to - from);
}

/**
 * Time spent in a phase: finished phases from start to end; the active phase from its
 * start to `now` (client ms) corrected by `skew` (from estimateSkew). Null when unknown
 * (pending, or skipped without events).
 */
export function phaseElapsed(phase: PhaseProgress, now: number, skew = 0): number | null {
	if (phase.startedAt === null) return null;
	if (phase.endedAt !== null) return span(phase.startedAt, phase.endedAt);
	if (phase.state === 'active') return span(phase.startedAt, now + skew);
	return null;
}

/** The newest time any phase of the deployment started or ended, or any of its tracks had news; null when none. */
function lastPhaseTime(deployment: DeploymentProgress): number | null {
	let last: number | null = null;
	for (const track of deployment.tracks) {
		const times = [track.lastEvent?.at ?? null, ...track.phases.flatMap(phase => [phase.startedAt, phase.endedAt])];
		for (const time of times) if (time !== null && (last === null || time > last)) last = time;
	}

	return last;
}

/**
 * Time since the current deployment began: ticking to `now` while in progress, else up to its
 * end (without an end time, as when the details do not say when the status changed, the last
 * phase event stands in). Null when no start was seen.
 */
export function deploymentElapsed(deployment: DeploymentProgress, now: number, skew = 0): number | null {
	if (deployment.startedAt === null) return null;
	if (deployment.outcome === 'in_progress' && deployment.endedAt === null) return span(deployment.startedAt, now + skew);
	const end = deployment.endedAt ?? lastPhaseTime(deployment);
	return end === null ? null : span(deployment.startedAt, end);
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * A compact duration: "0s", "4s", "2m10s", "1h02m", "3d04h". Truncates (a phase that ran
 * 59.9 s shows "59s", never a minute it has not reached). Negative or non-finite → "0s".
 */
export function formatDuration(ms: number): string {
	const totalSeconds = Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 1000) : 0;
	const seconds = totalSeconds % 60;
	const totalMinutes = Math.floor(totalSeconds / 60);
	const minutes = totalMinutes % 60;
	const totalHours = Math.floor(totalMinutes / 60);
	if (totalHours >= 24) return `${Math.floor(totalHours / 24)}d${pad2(totalHours % 24)}h`;
	if (totalHours > 0) return `${totalHours}h${pad2(minutes)}m`;
	if (totalMinutes > 0) return `${totalMinutes}m${pad2(seconds)}s`;
	return `${seconds}s`;
}

/**
 * A duration to the minute ("12m", "1h05m"): for texts that stay on screen while time runs,
 * such as a slow phase's hint, so they change once a minute instead of every second (each
 * changed line costs its bytes again on every redraw). `up` rounds up, for time left
 * ("2m" for 1m55s). Under a minute, rounding down, is "<1m".
 */
export function formatMinutes(ms: number, round: 'down' | 'up' = 'down'): string {
	const minutes = Number.isFinite(ms) && ms > 0 ? (round === 'up' ? Math.ceil(ms / 60_000) : Math.floor(ms / 60_000)) : 0;
	if (minutes === 0) return '<1m';
	return minutes >= 60 ? formatDuration(minutes * 60_000) : `${minutes}m`;
}
