// What a watch derives from what it read: the deployment's progress, its instances and the
// update it makes, each recomputed only when what it follows from changed (at most once per
// poll), and when to read the update logs. Apart from the fold (data.ts), which says what
// each message changes; this says what follows.
import {computeDeployment} from '../deployment/progress.js';
import {serviceInstances, type ServiceInstances} from '../deployment/instances.js';
import {storeEvents, type EventStore} from '../events/store.js';
import type {DeploymentProgress, ServiceDetails, ServiceMonitor} from '../types.js';
import type {Step} from '../step.js';
import type {UpdateDiff} from '../deployment/update-log-diff.js';
import {currentUpdate, nextUpdateLogRead, type UpdateLogReads} from '../deployment/update-log-reads.js';

/** The effect of a deployment that is an update which began or ended: read the update logs. */
export interface ReadUpdateLogs {
	readonly type: 'read-update-logs';
}

const READ_UPDATE_LOGS: ReadUpdateLogs = {type: 'read-update-logs'};

/** The part of a watch's data the derived parts follow from, and the derived parts. */
export interface DerivedData {
	readonly store: EventStore;
	readonly details: ServiceDetails | null;
	readonly monitor: ServiceMonitor | null;
	readonly updateReads: UpdateLogReads;
	/** Progress of the current deployment from every event and the details. */
	readonly deployment: DeploymentProgress;
	/** The monitor answer attributed to the deployment's models; null without one. */
	readonly instances: ServiceInstances | null;
	/** What the current deployment's update changes, once its update logs were read. */
	readonly update: UpdateDiff | null;
}

/** Whether two server answers say the same. */
export function sameJson(a: unknown, b: unknown): boolean {
	return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** The derived parts for new inputs, each reused when what it follows from did not change. */
export function derive<D extends DerivedData>(before: DerivedData, next: D): D {
	const deployment =
		before.store === next.store && before.details === next.details ? before.deployment : computeDeployment(storeEvents(next.store), next.details, before.deployment);
	const sameModels = deployment === before.deployment && next.details === before.details;
	const instances =
		sameModels && next.monitor === before.monitor
			? before.instances
			: next.monitor === null
				? null
				: serviceInstances(next.monitor, deployment.tracks.map(track => track.model), next.details?.config ?? []);
	const update = sameModels && next.updateReads === before.updateReads ? before.update : currentUpdate(next.updateReads, deployment, next.details);
	return {...next, deployment, instances, update};
}

/** New events or details: the derived parts again, and a read of the update logs when the rule says so. */
export function withData<D extends DerivedData, E>(before: D, next: D, effects: readonly E[] = []): Step<D, E | ReadUpdateLogs> {
	const derived = derive(before, next);
	const {reads, read} = nextUpdateLogRead(derived.updateReads, storeEvents(derived.store), derived.deployment, derived.details);
	const settled = reads === derived.updateReads ? derived : derive(derived, {...derived, updateReads: reads});
	return [settled, read ? [...effects, READ_UPDATE_LOGS] : effects];
}
