// The live view's pure reducer (Elm style: messages in, the next state and its effects out).
// Time arrives in actions; nothing here reads a clock. An action that changes nothing
// returns the very same state object, so React skips the render and nothing is written.
import {isWatchMessage, type WatchMessage} from '../watch/data.js';
import type {SyncState} from '../watch/sync-state.js';
import {foldWatch, watchFacts} from '../watch/data.js';
import {foldKeys, type KeyPress} from '../key-press.js';
import {only, type Step} from '../step.js';
import {trackCompletion} from './completion.js';
import {deriveView} from './derive.js';
import {keyIntent} from './key-intents.js';
import {flashAfterTick} from './flash.js';
import {applyIntent, withoutOverlays} from './apply-intents.js';
import {factOf, isEndMessage, settleEnd} from '../ending/run-end.js';
import {decideEnd} from '../ending/watch-end.js';
import {type KeyAction, type ViewAction, type ViewEffect, type ViewState} from './types.js';

/** A watcher message: the watch data folded (core/watch/data.ts), then what the view derives from it. */
function reduceMessage(state: ViewState, message: WatchMessage): Step<ViewState, ViewEffect> {
	const [data, effects] = foldWatch(state, message);
	// A poll that went through is when the view notices the deployment ended (bell, notification).
	const completion = message.type === 'sync' && message.state.kind === 'ok' ? trackCompletion(state.completion, data.deployment) : state.completion;
	if (data === state && completion === state.completion) return only(state);
	const next = deriveView(state, {...data, completion});
	// The view passes on what asks something of the world; which events came or repeated is the logs' alone.
	const passed = effects.flatMap((effect): ViewEffect[] => (effect.type === 'events-added' || effect.type === 'events-repeated' ? [] : [effect]));
	return [next, passed];
}

function reduceIntent(state: ViewState, action: KeyAction): Step<ViewState, ViewEffect> {
	const {inputs, effects} = applyIntent(state, action);
	return [inputs === null ? state : deriveView(state, {...state, ...inputs}), effects];
}

/** One key: its intent in the view's current mode, applied. */
function reduceKey(state: ViewState, press: KeyPress): Step<ViewState, ViewEffect> {
	const intent = keyIntent(state.settings, press);
	return intent === null ? only(state) : reduceIntent(state, intent);
}

/** One action, before the end rule is applied. */
function stepView(state: ViewState, action: ViewAction): Step<ViewState, ViewEffect> {
	if (isWatchMessage(action)) return reduceMessage(state, action);
	// Facts for the end rule alone (settleView); the screen shows nothing of them.
	if (isEndMessage(action)) return only(state);
	switch (action.type) {
		case 'tick': {
			if (action.now === state.now) return only(state);
			const next = {...state, now: action.now, flash: flashAfterTick(state.flash)};
			// While the deployment runs, the clock may make a phase slow: the diagnosis (and,
			// when the Why block appears or changes size, the layout) follows once per tick.
			return only(state.deployment.outcome === 'in_progress' ? deriveView(state, next) : next);
		}

		case 'resize': {
			if (action.columns === state.columns && action.rows === state.rows) {
				return only(state);
			}

			return only(deriveView(state, {...state, columns: action.columns, rows: action.rows}));
		}

		case 'key': {
			return foldKeys(state, action.press, reduceKey);
		}

		default: {
			return reduceIntent(state, action);
		}
	}
}

/** No next poll once the run is over: the kept frame counts down to nothing. */
function finalSync(sync: SyncState): SyncState {
	if (sync.kind === 'ok') return sync.nextPollAt === null ? sync : {...sync, nextPollAt: null};
	if (sync.kind === 'retrying') return {kind: 'stopped', message: `the last poll failed (${sync.reason})`, errorKind: 'ended'};
	return sync;
}

/** The frame kept in the scrollback once the run ends: the deployment, with no overlay, hint, countdown or selection. */
export function finalView(state: ViewState): ViewState {
	const settings = {...withoutOverlays(state.settings), selected: null, lineSelected: null};
	return deriveView(state, {...state, settings, sync: finalSync(state.sync), final: true});
}

/** The end rule after an action: its facts (an end message, q, Ctrl+C) and the watch's own; the exit as an effect. */
function settleView(action: ViewAction, [next, effects]: Step<ViewState, ViewEffect>): Step<ViewState, ViewEffect> {
	const end = next.end;
	if (end === null) return [next, effects];
	const key = effects.findLast(effect => effect.type === 'quit' || effect.type === 'interrupt')?.type as 'quit' | 'interrupt' | undefined;
	const change = {...(isEndMessage(action) ? factOf(action) : {}), ...(key === undefined ? {} : {key})};
	const settled = settleEnd(end, change, (facts, rules) => decideEnd({...facts, ...watchFacts(next)}, rules));
	const rest = key === undefined ? effects : effects.filter(effect => effect.type !== 'quit' && effect.type !== 'interrupt');
	if (settled.effect === null) return [settled.end === end ? next : {...next, end: settled.end}, rest];
	if (settled.effect.type === 'back') return [{...next, end: settled.end}, [...rest, settled.effect]];
	return [finalView({...next, end: settled.end}), [...rest, settled.effect]];
}

/**
 * The reducer of the live view: the next state (the same object when nothing changes) and its
 * effects. Once the run ended the state is the kept frame, and nothing changes it.
 */
export function reduceView(state: ViewState, action: ViewAction): Step<ViewState, ViewEffect> {
	if (state.final) return only(state);
	return settleView(action, stepView(state, action));
}
