// The shape every reducer of the live UI shares (the Elm / Bubble Tea `update → (model, cmd)`):
// the next state, and the effects the runtime should carry out for it. Effects are plain
// data; one hook (hooks/use-program.ts) runs them, so a reducer never reaches for the world.

/** The next state and what to do about it. A step that changes nothing returns the same state object. */
export type Step<State, Effect> = readonly [state: State, effects: readonly Effect[]];

const NO_EFFECTS: readonly never[] = [];

/** The state, with nothing to do. */
export function only<State>(state: State): Step<State, never> {
	return [state, NO_EFFECTS];
}
