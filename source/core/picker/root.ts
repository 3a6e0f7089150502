// Picker or watch: the terminal UI's top level when no service was named. The picker's state
// lives here for the whole run, so coming back from a watch finds its filter and selection.
import type {ServiceSummary} from '../types.js';
import {reducePicker, type PickerAction, type PickerEffect, type PickerState} from './reducer.js';
import {only, type Step} from '../step.js';
import {factOf, initialEnd, settleEnd, type OutsideEnd, type EndState, type ExitEnding, type RunFacts} from '../ending/run-end.js';
import {decideEnd, NOTHING_KNOWN, type EndRules} from '../ending/watch-end.js';

/** What is on screen: the list, or the live view of a service chosen there (a new serial per watch). */
export type Screen = {readonly kind: 'picker'} | {readonly kind: 'watch'; readonly service: ServiceSummary; readonly serial: number};

export interface RootState {
	readonly screen: Screen;
	readonly picker: PickerState;
	/** Watches opened so far. */
	readonly watches: number;
	/** When the run ends from the list (q, Ctrl+C, a signal, --timeout); a watch's own view decides while it shows. */
	readonly end: EndState;
}

export type RootAction =
	| {readonly type: 'picker'; readonly action: PickerAction}
	/** Esc from the watch, or a permanent error that ended it (`notice` says why). */
	| {readonly type: 'back'; readonly columns: number; readonly rows: number; readonly now: number; readonly notice: string | null}
	| OutsideEnd;

/** What the top level asks the world to do: leave, with this ending. */
export type RootEffect = {readonly type: 'exit'; readonly ending: ExitEnding};

export function initialRootState(picker: PickerState, rules: EndRules): RootState {
	return {screen: {kind: 'picker'}, picker, watches: 0, end: initialEnd(rules)};
}

function afterPicker(state: RootState, picker: PickerState, effects: readonly PickerEffect[]): Step<RootState, RootEffect> {
	let next: RootState = picker === state.picker ? state : {...state, picker};
	let key: RunFacts['key'] = null;
	for (const effect of effects) {
		if (effect.type === 'watch') next = {...next, screen: {kind: 'watch', service: effect.service, serial: next.watches + 1}, watches: next.watches + 1};
		else key = effect.type;
	}

	return key === null ? only(next) : settle(next, {key});
}

/** The rule, from the list: nothing of a watch is known here (a watch's view decides while it shows). */
function settle(state: RootState, change: Partial<RunFacts>): Step<RootState, RootEffect> {
	const {end, effect} = settleEnd(state.end, change, (facts, rules) => decideEnd({...NOTHING_KNOWN, ...facts}, rules));
	return [{...state, end}, effect?.type === 'exit' ? [effect] : []];
}

export function reduceRoot(state: RootState, action: RootAction): Step<RootState, RootEffect> {
	if (state.end.ending !== null) return only(state);
	switch (action.type) {
		case 'picker': {
			const [picker, effects] = reducePicker(state.picker, action.action);
			return afterPicker(state, picker, effects);
		}

		case 'signal':
		case 'timeout': {
			// While a watch shows, its own view takes these (it knows the deployment's outcome).
			return state.screen.kind === 'watch' ? only(state) : settle(state, factOf(action));
		}

		case 'back': {
			if (state.screen.kind === 'picker') return only(state);
			const {columns, rows, now} = action;
			// Named, because the list is where the user reads it, among other services.
			const notice = action.notice === null ? null : `${state.screen.service.service_name}: ${action.notice}`;
			const [picker] = reducePicker(state.picker, {type: 'returned', columns, rows, now, notice});
			return only({...state, screen: {kind: 'picker'}, picker});
		}
	}
}
