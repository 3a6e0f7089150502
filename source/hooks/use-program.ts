import {useRef, useSyncExternalStore} from 'react';
import type {Step} from '../core/step.js';

/** A running reducer: its state, a dispatcher, and a way to be told of changes. */
export interface Program<State, Action> {
	readonly state: () => State;
	readonly dispatch: (action: Action) => void;
	readonly subscribe: (onChange: () => void) => () => void;
}

/**
 * Runs `update` outside React: each dispatch sees the state the one before it produced, so
 * keys typed faster than React renders (`/` then `q` in one burst) are read in order without
 * running the reducer twice, and the effects of an update run right after it, once.
 * `runEffect` is read at each dispatch, so it may change between renders.
 */
export function createProgram<State, Action, Effect>(
	update: (state: State, action: Action) => Step<State, Effect>,
	initial: State,
	runEffect: () => (effect: Effect) => void,
): Program<State, Action> {
	let state = initial;
	const listeners = new Set<() => void>();
	return {
		state: () => state,
		dispatch(action) {
			const [next, effects] = update(state, action);
			if (next !== state) {
				state = next;
				for (const listener of listeners) listener();
			}

			const run = runEffect();
			for (const effect of effects) run(effect);
		},
		subscribe(onChange) {
			listeners.add(onChange);
			return () => listeners.delete(onChange);
		},
	};
}

/** The program's state, re-rendering whenever it changes. */
export function useProgramState<State, Action>(program: Program<State, Action>): State {
	return useSyncExternalStore(program.subscribe, program.state);
}

/**
 * A program owned by the calling component: created once from `init`, its effects carried out
 * by the latest `runEffect`.
 */
export function useProgram<State, Action, Effect>(
	update: (state: State, action: Action) => Step<State, Effect>,
	init: () => State,
	runEffect: (effect: Effect) => void,
): readonly [State, (action: Action) => void] {
	const effectRunner = useRef(runEffect);
	effectRunner.current = runEffect;
	const program = useRef<Program<State, Action> | null>(null);
	program.current ??= createProgram(update, init(), () => effectRunner.current);
	return [useProgramState(program.current), program.current.dispatch];
}
