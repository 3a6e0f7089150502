// When the update logs are worth reading, and which update they describe: once when the
// current deployment began with an update, and once more when that deployment ends (its
// record then says SUCCESS or FAIL). The live view and the plain/JSON logs both follow this
// rule and ask the poll loop to read (Watcher.readUpdateLogs); the loop only carries it out.
import {deploymentIsUpdate} from './update-lifecycle.js';
import {newestUpdateDiff, type UpdateDiff} from './update-log-diff.js';
import type {DeploymentProgress, ServiceDetails, UpdateLogRecord, WatchEvent} from '../types.js';

/** What the rule remembers between messages. */
export interface UpdateLogReads {
	/** The details' update_time when the watch first saw details (null: none in them); undefined before. */
	readonly updateTimeAtStart: number | null | undefined;
	/** The update deployment (by its start) the logs were asked for, and whether it had ended then. */
	readonly asked: {readonly startedAt: number | null; readonly ended: boolean} | null;
	/** The records of the latest read, or null before one. */
	readonly records: readonly UpdateLogRecord[] | null;
}

export const NO_UPDATE_LOG_READS: UpdateLogReads = {updateTimeAtStart: undefined, asked: null, records: null};

/**
 * The rule after new events or details: the next state, and whether to read the logs now.
 * `events` ascending and `deployment` computed from them, as computeDeployment gives it.
 * Returns `reads` itself when nothing changed.
 */
export function nextUpdateLogRead(
	reads: UpdateLogReads,
	events: readonly WatchEvent[],
	deployment: DeploymentProgress,
	details: ServiceDetails | null,
): {readonly reads: UpdateLogReads; readonly read: boolean} {
	const updateTimeAtStart = reads.updateTimeAtStart ?? (details === null ? undefined : (details.update_time ?? null));
	const seen = updateTimeAtStart === reads.updateTimeAtStart ? reads : {...reads, updateTimeAtStart};
	if (!deploymentIsUpdate(events, details, updateTimeAtStart ?? null)) return {reads: seen, read: false};
	const ended = deployment.outcome !== 'in_progress';
	const {asked} = seen;
	if (asked !== null && asked.startedAt === deployment.startedAt && (asked.ended || !ended)) return {reads: seen, read: false};
	return {reads: {...seen, asked: {startedAt: deployment.startedAt, ended}}, read: true};
}

/** The records of a read folded in. */
export function withUpdateRecords(reads: UpdateLogReads, records: readonly UpdateLogRecord[]): UpdateLogReads {
	return {...reads, records};
}

/**
 * What the current deployment's update changes, or null when it is not the update the logs
 * were read for (or they were not read). `config` names models a record knows by id only.
 */
export function currentUpdate(reads: UpdateLogReads, deployment: DeploymentProgress, details: ServiceDetails | null): UpdateDiff | null {
	if (reads.records === null || reads.asked === null || reads.asked.startedAt !== deployment.startedAt) return null;
	return newestUpdateDiff(reads.records, details?.config ?? []);
}
