// What a service status means for the watch (modelarts-api.md §2).
import type {Outcome} from '../types.js';

const OUTCOME_OF_STATUS: Readonly<Record<string, Outcome>> = {
	running: 'succeeded',
	finished: 'succeeded',
	// Running, but some instances are abnormal: succeeded, shown with a warning.
	concerning: 'succeeded',
	failed: 'failed',
	stopped: 'stopped',
	stopping: 'stopped',
	deleting: 'stopped',
	deleted: 'stopped',
	deploying: 'in_progress',
	pending: 'in_progress',
	waiting: 'in_progress',
	// v2 only (modelarts-api-evidence.md §13.3, §13.5), compared lower-cased like the rest.
	init: 'in_progress',
	upgrading: 'in_progress',
	restarting: 'in_progress',
	error: 'failed',
	interrupting: 'stopped',
};

/** The outcome a status implies, or null for a status this tool does not know. */
export function outcomeOfStatus(status: string | null | undefined): Outcome | null {
	if (typeof status !== 'string') return null;
	return OUTCOME_OF_STATUS[status.trim().toLowerCase()] ?? null;
}

/** True when the watch can stop waiting: the service succeeded, failed or stopped. */
export function isTerminalStatus(status: string | null | undefined): boolean {
	const outcome = outcomeOfStatus(status);
	return outcome !== null && outcome !== 'in_progress';
}

/** `concerning`: running with some abnormal instances. */
export function isConcerningStatus(status: string | null | undefined): boolean {
	return typeof status === 'string' && status.trim().toLowerCase() === 'concerning';
}
