// When the overview rings: once when the whole set has ended (and this watch saw at least
// one of its deployments end), and once when the first deployment fails before that. Each
// service's own completion tracking (core/view/completion.ts) says what ended and how.
import type {ViewState} from '../view/types.js';
import {countedOutcome} from './rows.js';
import {nudgeText, setNudgeText} from '../words/wording.js';

/** A bell and a notification with this text; a new serial is a new nudge. */
export interface SetNudge {
	readonly serial: number;
	readonly text: string;
}

export interface NudgeMemory {
	readonly failureRung: boolean;
	readonly endRung: boolean;
	readonly nudge: SetNudge | null;
}

export const NO_NUDGES: NudgeMemory = {failureRung: false, endRung: false, nudge: null};

/** One service of the set, as the nudge rule reads it. */
export interface NudgedService {
	readonly name: string;
	readonly view: ViewState;
}

/** The memory after one service's view went from `before` to `after` (`services` already holds `after`). */
export function nudgesAfter(memory: NudgeMemory, services: readonly NudgedService[], before: ViewState, after: NudgedService): NudgeMemory {
	const serial = (memory.nudge?.serial ?? 0) + 1;
	const outcomes = services.map(service => countedOutcome(service.view));
	const allEnded = outcomes.every(outcome => outcome !== 'in_progress');
	// A set that had already ended when the watch began is no news.
	const sawAnEnd = services.some(service => service.view.completion.nudge !== null);
	if (!memory.endRung && allEnded && sawAnEnd) {
		return {failureRung: true, endRung: true, nudge: {serial, text: setNudgeText(outcomes)}};
	}

	const ended = after.view.completion.nudge;
	if (!memory.failureRung && ended !== null && ended !== before.completion.nudge && ended.outcome === 'failed') {
		return {...memory, failureRung: true, nudge: {serial, text: nudgeText('failed', ended.elapsedMs, after.name)}};
	}

	return memory;
}
