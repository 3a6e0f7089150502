import type {ServiceInstances} from '../core/deployment/instances.js';
import type {DeploymentProgress, PhaseProgress, PhaseState, ServiceDetails, WatchEvent} from '../core/types.js';
import type {UpdateDiff} from '../core/deployment/update-log-diff.js';
import {storeEvents} from '../core/events/store.js';
import type {WatchData} from '../core/watch/data.js';

/** What the non-TTY outputs know at one moment; renderers compare two of these. */
export interface WatchSnapshot {
	/** Every event received so far, oldest first. */
	readonly events: readonly WatchEvent[];
	readonly details: ServiceDetails | null;
	readonly deployment: DeploymentProgress;
	/** The last monitor answer attributed to the deployment's models; null without one. */
	readonly instances: ServiceInstances | null;
	/** When that answer came (client ms), null without one. */
	readonly instancesAt: number | null;
	/** What the current deployment's update changes, once its update logs were read. */
	readonly update: UpdateDiff | null;
}

/** The snapshot of the watch data (core/watch/data.ts); `events` is the store's own array. */
export function snapshotOf(data: WatchData): WatchSnapshot {
	const {details, deployment, instances, update} = data;
	return {events: storeEvents(data.store), details, deployment, instances, instancesAt: data.monitorAt, update};
}

/** A phase of one model that moved to a new state between two snapshots. */
export interface PhaseChange {
	readonly model: string | null;
	readonly from: PhaseState;
	readonly phase: PhaseProgress;
}

function trackKey(model: string | null, phase: string): string {
	return `${model ?? ''}\u0000${phase}`;
}

/**
 * Phases that started, finished or failed. A return to `pending` is a new lifecycle
 * resetting the board, not news, so it is left out.
 */
export function phaseChanges(previous: DeploymentProgress, next: DeploymentProgress): PhaseChange[] {
	const before = new Map<string, PhaseState>();
	for (const track of previous.tracks) {
		for (const phase of track.phases) before.set(trackKey(track.model, phase.phase), phase.state);
	}

	const changes: PhaseChange[] = [];
	for (const track of next.tracks) {
		for (const phase of track.phases) {
			const from = before.get(trackKey(track.model, phase.phase)) ?? 'pending';
			if (phase.state !== from && phase.state !== 'pending') changes.push({model: track.model, from, phase});
		}
	}

	return changes;
}

/** The service fields a status line reports. */
export interface StatusFields {
	readonly status: string | null;
	readonly progress: number | null;
	readonly errorMsg: string | null;
	/** When an auto-stopping service stops by itself (ms), or null. */
	readonly dueTime: number | null;
}

export function statusFields(details: ServiceDetails | null): StatusFields {
	return {status: details?.status ?? null, progress: details?.progress ?? null, errorMsg: details?.error_msg ?? null, dueTime: details?.due_time ?? null};
}

/** True when the status, its error message or the auto-stop time differ; progress counts only when asked. */
export function statusChanged(previous: StatusFields, next: StatusFields, withProgress: boolean): boolean {
	if (next.status === null) return false;
	return (
		previous.status !== next.status ||
		previous.errorMsg !== next.errorMsg ||
		previous.dueTime !== next.dueTime ||
		(withProgress && previous.progress !== next.progress)
	);
}
