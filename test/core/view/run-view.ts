import {reduceView} from '../../../source/core/view/reducer.js';
import type {ViewAction, ViewEffect, ViewState} from '../../../source/core/view/types.js';

/** The state after `actions`, and every effect they asked for, in order. */
export function runView(state: ViewState, ...actions: ViewAction[]): {state: ViewState; effects: ViewEffect[]} {
	const effects: ViewEffect[] = [];
	const end = actions.reduce((current, action) => {
		const [next, asked] = reduceView(current, action);
		effects.push(...asked);
		return next;
	}, state);
	return {state: end, effects};
}

/** The state after `actions`, when the effects do not matter. */
export function stateAfter(state: ViewState, ...actions: ViewAction[]): ViewState {
	return runView(state, ...actions).state;
}
