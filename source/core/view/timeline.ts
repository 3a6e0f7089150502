// The timeline shown once a deployment has ended: per model, how the time split between
// the five phases, so the phase that ate the time stands out. Durations come from the
// events' occur_time (server clock), so no client time is involved.
import type {DeploymentProgress, ModelTrack, PhaseId} from '../types.js';

/** One phase's part of a model's time. */
export interface TimelinePart {
	readonly phase: PhaseId;
	readonly ms: number;
}

/** One model's timeline: its phases' durations and the phase that took longest. */
export interface TimelineRow {
	readonly model: string | null;
	readonly parts: readonly TimelinePart[];
	/** Sum of the phases' durations: the phases tile the deployment, so this is its duration. */
	readonly totalMs: number;
	readonly longest: TimelinePart;
}

function partsOf(track: ModelTrack): TimelinePart[] {
	return track.phases.map(phase => ({
		phase: phase.phase,
		ms: phase.startedAt !== null && phase.endedAt !== null ? Math.max(0, phase.endedAt - phase.startedAt) : 0,
	}));
}

function rowOf(track: ModelTrack): TimelineRow | null {
	const parts = partsOf(track);
	const totalMs = parts.reduce((sum, part) => sum + part.ms, 0);
	if (totalMs <= 0) return null;
	const longest = parts.reduce((best, part) => (part.ms > best.ms ? part : best));
	return {model: track.model, parts, totalMs, longest};
}

/**
 * The timeline of a deployment that succeeded or failed, one row per model with known
 * phase times; empty while it runs, when it was stopped, or when no phase has a duration.
 */
export function timelineOf(deployment: DeploymentProgress): readonly TimelineRow[] {
	if (deployment.outcome !== 'succeeded' && deployment.outcome !== 'failed') return [];
	return deployment.tracks.map(rowOf).filter((row): row is TimelineRow => row !== null);
}

/** Lines the timeline takes: a bar per model and a legend; 0 when there is none. */
export function timelineLineCount(rows: readonly TimelineRow[]): number {
	return rows.length === 0 ? 0 : rows.length + 1;
}

/**
 * Splits `width` cells between durations in proportion (largest remainder), so the cells
 * always add up to `width` exactly. Every non-zero duration gets at least one cell while
 * the width allows, so a short phase never vanishes from the bar.
 */
export function allocateCells(durations: readonly number[], width: number): number[] {
	const total = durations.reduce((sum, ms) => sum + Math.max(0, ms), 0);
	const cells = durations.map(() => 0);
	if (total <= 0 || width <= 0) return cells;
	const nonZero = durations.filter(ms => ms > 0).length;
	const guaranteed = width >= nonZero ? 1 : 0;
	const spare = width - guaranteed * nonZero;
	const exact = durations.map(ms => (ms > 0 ? (Math.max(0, ms) / total) * spare : 0));
	for (const [index, value] of exact.entries()) cells[index] = Math.floor(value) + (durations[index]! > 0 ? guaranteed : 0);
	let left = width - cells.reduce((sum, count) => sum + count, 0);
	const byRemainder = exact.map((value, index) => ({index, remainder: value - Math.floor(value)})).sort((a, b) => b.remainder - a.remainder || a.index - b.index);
	for (const {index} of byRemainder) {
		if (left <= 0) break;
		if (durations[index]! <= 0) continue;
		cells[index]! += 1;
		left -= 1;
	}

	return cells;
}
