// The live view's state, its actions and its effects, plus the selectors every other
// view-state module reads. This is the bottom of the view-state modules: it imports none of
// them, so derivation, keys and the reducer can all build on it without an import circle.
import type {Order, TimeZoneSetting, TypeFilter} from '../../config/types.js';
import type {SlowContext} from '../diagnosis/slow.js';
import type {Diagnosis} from '../diagnosis/types.js';
import type {Oddity} from '../events/data-oddities.js';
import type {WatchData} from '../watch/data.js';
import type {WatchMessage} from '../watch/data.js';
import type {EndMessage, EndState, ExitEnding} from '../ending/run-end.js';
import type {EventStore} from '../events/store.js';
import type {EventPage, PageQuery} from '../events/store-query.js';
import type {CompletionState} from './completion.js';
import type {KeyPressAction} from '../key-press.js';
import type {LayoutPlan} from './layout.js';
import type {OutcomeNotice} from './notices.js';
import type {EventRef} from './selection.js';
import type {TimelineRow} from './timeline.js';
import type {DiagnoseShown, WhyBlock} from './why.js';

/** The lines outside the table that ↑/↓ can select: the update line and the Why block. */
export type SelectableLine = 'update' | 'why';

/** How event times are shown: the configured zone (or the machine's), "2m ago", or UTC. */
export type TimeMode = 'local' | 'relative' | 'utc';

/**
 * What replaces the phases and the table: help (`?`), the selected event's details (Enter), what
 * the update changes (`u`, or Enter on its line) or the whole diagnosis (`w`, or Enter on the Why
 * block). One at a time: opening one closes the other.
 */
export type Overlay = 'none' | 'help' | 'detail' | 'update' | 'why' | 'pods';

/** What the user chose to see. `page` is 0-based and always in range. */
export interface ViewSettings {
	readonly typeFilter: TypeFilter;
	readonly order: Order;
	readonly page: number;
	readonly overlay: Overlay;
	/** Text the events must contain (case-insensitive); blank shows every event. */
	readonly search: string;
	/** After `/`: keys are typed into the search until Enter or Esc. */
	readonly searchTyping: boolean;
	/** The event selected with ↑/↓, or null; always on the page shown. */
	readonly selected: EventRef | null;
	/** A line above the table selected with ↑ (the Why block nearest, then the update line); Enter opens it. */
	readonly lineSelected: SelectableLine | null;
	readonly timeMode: TimeMode;
}

/**
 * What the table shows while paused: the store as it was (polling goes on). Only the table
 * freezes, so rows hold still to be read while the phases, the outcome and the header, all
 * from the live data, never contradict each other.
 */
export interface FrozenView {
	readonly store: EventStore;
}

/** A word for a key that had nothing to do (`w` with no diagnosis), shown for a few ticks. */
export interface Flash {
	readonly text: string;
	/** Ticks (seconds) it stays; it goes when they are spent. */
	readonly ticksLeft: number;
}

/**
 * What actions change directly, and what the watch learned (core/watch/data.ts, with the parts
 * that follow from it); everything else in ViewState is derived from these.
 */
export interface ViewInputs extends WatchData {
	readonly settings: ViewSettings;
	/** Set while paused (space). */
	readonly frozen: FrozenView | null;
	/** What a key that could do nothing says about it, for a moment; null for nothing. */
	readonly flash: Flash | null;
	/** Whether this watch saw the deployment end (for the bell and the notification). */
	readonly completion: CompletionState;
	/** Client time of the latest tick (ms since the epoch). */
	readonly now: number;
	readonly columns: number;
	readonly rows: number;
	/** The watch was opened from the service picker: Esc with nothing open goes back to it. */
	readonly canGoBack: boolean;
	/** When a phase counts as slow, and the deployment timeout (--slow-after, --deploy-timeout). */
	readonly slowLimits: SlowLimits;
	/** What diagnoses the shown deployment (core/view/why.ts says why it is handed in). */
	readonly diagnose: DiagnoseShown;
	/** When this view's run ends (run-end.ts); null inside the overview, which decides for the set. */
	readonly end: EndState | null;
	/** The run ended: this is the frame kept in the scrollback (no hints, countdown or selection). */
	readonly final: boolean;
}

/** The limits a slow diagnosis is judged against; the clock comes from the state. */
export type SlowLimits = Pick<SlowContext, 'thresholds' | 'timeoutMs' | 'cloud'>;

/** Everything the live view shows, plus what it needs to lay itself out. */
export interface ViewState extends ViewInputs {
	// Derived (see core/view/derive.ts for why they are kept here).
	readonly notices: readonly OutcomeNotice[];
	/** Phase shares per model once the deployment ended. */
	readonly timeline: readonly TimelineRow[];
	/** Why the deployment failed, or why it is slow right now; null when neither. */
	readonly diagnosis: Diagnosis | null;
	/** What the Why block says of it; null without a diagnosis. */
	readonly why: WhyBlock | null;
	readonly layout: LayoutPlan;
	readonly pageSize: number;
	readonly pageCount: number;
	/** The events on screen: shown store, filter, search, order and page applied. */
	readonly page: EventPage;
}

/** The client clock, once per second (source/hooks/use-clock.ts). */
export interface TickAction {
	readonly type: 'tick';
	readonly now: number;
}

/** The terminal changed size (source/hooks/use-terminal-size.ts). */
export interface ResizeAction {
	readonly type: 'resize';
	readonly columns: number;
	readonly rows: number;
}

/** A user intent: what a key asks for once the view's mode has been taken into account. */
export type KeyAction =
	| {readonly type: 'cycle-filter'}
	| {readonly type: 'toggle-order'}
	| {readonly type: 'next-page'}
	| {readonly type: 'prev-page'}
	| {readonly type: 'first-page'}
	| {readonly type: 'last-page'}
	| {readonly type: 'toggle-help'}
	| {readonly type: 'select-next'}
	| {readonly type: 'select-prev'}
	| {readonly type: 'open-detail'}
	/** `u`: what the update changes. */
	| {readonly type: 'open-update'}
	/** `w`: the whole diagnosis. */
	| {readonly type: 'open-why'}
	| {readonly type: 'open-pods'}
	/** Closes the innermost open thing (see escapeTarget), or goes back to the picker. */
	| {readonly type: 'escape'}
	| {readonly type: 'search-start'}
	| {readonly type: 'search-input'; readonly text: string}
	| {readonly type: 'search-backspace'}
	/** Enter while typing: keep the search, leave typing. */
	| {readonly type: 'search-accept'}
	| {readonly type: 'toggle-pause'}
	| {readonly type: 'cycle-time'}
	| {readonly type: 'refresh'}
	| {readonly type: 'quit'}
	/** Ctrl+C: quit with the interrupted exit code. */
	| {readonly type: 'interrupt'};

export type ViewAction = WatchMessage | EndMessage | TickAction | ResizeAction | KeyAction | KeyPressAction;

/** What the live view asks the world to do. */
export type ViewEffect =
	/** q and Ctrl+C: the overview ends the set on them; a view with its own end state decides itself. */
	| {readonly type: 'quit'}
	| {readonly type: 'interrupt'}
	/** The run is over (run-end.ts): the runtime leaves, keeping this frame. */
	| {readonly type: 'exit'; readonly ending: ExitEnding}
	/** Back to the service picker (only when the watch was opened from it); `notice` says why when it failed. */
	| {readonly type: 'back'; readonly notice: string | null}
	/** Poll now. */
	| {readonly type: 'refresh'}
	/** The current deployment is an update that began or ended: read the update logs. */
	| {readonly type: 'read-update-logs'}
	/** Odd server data of a kind not seen before: noted again after the live view exits. */
	| {readonly type: 'data-oddity'; readonly oddity: Oddity};

/** The store the table shows: the one frozen by pause, else the live one. */
export function shownStore(state: Pick<ViewInputs, 'store' | 'frozen'>): EventStore {
	return state.frozen?.store ?? state.store;
}

/** The table's query for these settings, without the page. */
export function queryOf(settings: ViewSettings, pageSize: number): Omit<PageQuery, 'page'> {
	return {type: settings.typeFilter, order: settings.order, search: settings.search, pageSize};
}

/** Whether a selectable line is on screen, so ↑ can reach it and its selection can stay. */
export function lineShown(layout: LayoutPlan, line: SelectableLine): boolean {
	return line === 'update' ? layout.updateLines > 0 : layout.whyLines > 0;
}

/** --utc starts in UTC; the machine's zone and --tz start in `local` (which shows that zone). */
export function initialTimeMode(timeZone: TimeZoneSetting | undefined): TimeMode {
	return timeZone?.kind === 'utc' ? 'utc' : 'local';
}
