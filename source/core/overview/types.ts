// The overview's state, actions and effects: a row per service, each service's single view
// kept up to date behind it (Enter shows it as the single-service view shows it today).
import type {Oddity} from '../events/data-oddities.js';
import type {KeyPressAction} from '../key-press.js';
import type {NudgeMemory} from './nudge.js';
import type {OverviewLayout} from './layout.js';
import type {EndMessage, EndState, ExitEnding, OutsideEnd} from '../ending/run-end.js';
import type {ResizeAction, TickAction, ViewState} from '../view/types.js';
import type {ServiceFacts} from '../ending/watch-end-many.js';
import type {WatchMessage} from '../watch/data.js';

/** One service of the set: its id, its name from the list (if any), and its single view. */
export interface OverviewService {
	readonly serviceId: string;
	readonly listedName: string | null;
	/** Fed every message of the service's poll loop, shown when the service is opened. */
	readonly view: ViewState;
	/** How its poll loop ended, once it did (the rest of its facts come from its view's data). */
	readonly done: Pick<ServiceFacts, 'pollingDone' | 'failure'>;
}

/** `f` cycles: every row, the ones in progress, the failed ones. */
export type OverviewFilter = 'all' | 'in_progress' | 'failed';

export interface OverviewSettings {
	readonly filter: OverviewFilter;
	/** Text the service names must contain (case-insensitive); blank shows every row. */
	readonly search: string;
	/** After `/`: keys are typed into the search until Enter or Esc. */
	readonly searchTyping: boolean;
	readonly helpOpen: boolean;
	/** The selected service; null selects the first row shown. */
	readonly selectedId: string | null;
}

/** What actions change directly. */
export interface OverviewInputs {
	/** In the order the watch was given them. */
	readonly services: readonly OverviewService[];
	/** The service whose single view replaces the overview (Enter), or null. */
	readonly openId: string | null;
	readonly settings: OverviewSettings;
	readonly nudges: NudgeMemory;
	readonly now: number;
	readonly columns: number;
	readonly rows: number;
	/** When the watch of the set ends (run-end.ts, with the rule for several). */
	readonly end: EndState;
	/** The run ended: this is the frame kept in the scrollback (no hints, no selection). */
	readonly final: boolean;
}

/** Everything the overview shows. */
export interface OverviewState extends OverviewInputs {
	/** The rows, in progress first, then failed, then finished (as given within each); filter and search applied. */
	readonly shown: readonly OverviewService[];
	/** Index of the selected row in `shown`; -1 when nothing is shown. */
	readonly selectedIndex: number;
	readonly layout: OverviewLayout;
	/** The page of rows shown (0-based): the one holding the selection. */
	readonly page: number;
	readonly pageCount: number;
}

/** A message of one service's poll loop. */
export interface ServiceMessageAction {
	readonly type: 'service';
	readonly serviceId: string;
	readonly message: WatchMessage;
}

/** One service's poll loop stopped by itself: after a terminal status, or on a permanent error. */
export interface ServiceDoneAction {
	readonly type: 'service-done';
	readonly serviceId: string;
	readonly message: Extract<EndMessage, {type: 'watch-done'}>;
}

export type OverviewAction = ServiceMessageAction | ServiceDoneAction | OutsideEnd | TickAction | ResizeAction | KeyPressAction;

/** What the overview asks the world to do. */
export type OverviewEffect =
	/** The watch of the set is over: the runtime leaves, keeping this frame. */
	| {readonly type: 'exit'; readonly ending: ExitEnding}
	/** Poll one service now, or every one (null). */
	| {readonly type: 'refresh'; readonly serviceId: string | null}
	/** A service's current deployment is an update that began or ended: its poll loop reads the update logs. */
	| {readonly type: 'read-update-logs'; readonly serviceId: string}
	/** Odd server data of a kind not seen before in a service's events: noted after the overview exits. */
	| {readonly type: 'data-oddity'; readonly serviceId: string; readonly oddity: Oddity};
