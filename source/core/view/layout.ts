// How many terminal rows each part of the live view may use. Ink clears the whole screen
// (and the scrollback with it) once a frame is as tall as the terminal, so the plan always
// leaves at least one row spare, and drops the least important parts first on small screens.
//
// Each part has its own budget in the plan; DEGRADATIONS gives them up one step at a time, in
// this order: the resource line, the timeline, the spacers, the Why block down to its one
// headline line, the full phase list (compact), the outcome's extra lines, the header's second
// line, the update line, the table header, the phases, the Why line, the outcome, the header,
// the footer. The Why block shrinks before anything else of a failure goes (its headline still
// names the category, the model and the phase), and its last line outlives the phase list: on a
// tiny terminal "why" matters more than the phase glyphs. A new part adds its lines to the
// Draft and fixedLines, and its step to DEGRADATIONS where its importance puts it.

/** How the phase list is drawn: a line per phase, a line per model, or not at all. */
export type PhaseMode = 'full' | 'compact' | 'hidden';

/** In full mode, how several models are laid out: one track, side-by-side columns, or a sub-list each. */
export type PhaseShape = 'single' | 'columns' | 'rows';

/** What the live view is made of, sized for one terminal. */
export interface LayoutPlan {
	/** 2: title and status line; 1: both on one line; 0: hidden (tiny terminals). */
	readonly headerLines: number;
	readonly phaseMode: PhaseMode;
	readonly phaseShape: PhaseShape;
	/** Lines the phase list takes in its mode. */
	readonly phaseLines: number;
	/** Outcome lines shown (the most important notice first; a failure may wrap). */
	readonly outcomeLines: number;
	/** Lines granted to each outcome notice, in order (0: not shown); they add up to outcomeLines. */
	readonly noticeLines: readonly number[];
	/** Lines of the phase timeline (after a deployment ended); 0 when hidden. */
	readonly timelineLines: number;
	/** The resource-use line of a running service (below the outcome); 0 when hidden. */
	readonly resourceLines: number;
	/** The update line under the header; 0 when hidden. */
	readonly updateLines: number;
	/** Lines of the Why block (the diagnosis): all it wants, its headline alone, or 0. */
	readonly whyLines: number;
	/** Blank lines between sections, only when rows are plentiful. */
	readonly spacers: boolean;
	readonly tableHeader: boolean;
	/** Event rows per page; at least 1 whenever the terminal has any room for them. */
	readonly eventRows: number;
	/** Lines the help overlay may use when open (it replaces phases, outcome and events). */
	readonly helpLines: number;
	readonly footer: boolean;
}

/** What the plan depends on besides the terminal. */
export interface LayoutInput {
	readonly rows: number;
	/** Models of the current deployment (1 when the events name none). */
	readonly trackCount: number;
	/** Whether several tracks fit side by side at this width (decided by the view's widths). */
	readonly tracksAsColumns: boolean;
	/** Lines each outcome notice wants, most important first (a failure's cause may wrap). */
	readonly noticeLines: readonly number[];
	/** Failed models with a cause: side-by-side columns add a line for each below the grid. */
	readonly failedTracks?: number;
	/** Lines the timeline wants once the deployment ended (0: none to show). */
	readonly timelineLines?: number;
	/** Lines the resource use wants (1 once a running service reports it, else 0). */
	readonly resourceLines?: number;
	/** Lines the update line wants (1 once the update logs say what changes, else 0). */
	readonly updateLines?: number;
	/** Lines the Why block wants in full (0 without a diagnosis). */
	readonly whyLines?: number;
}

/**
 * Below this many event rows the plan gives up the next less important part. Two rows keep
 * the full phase list (the point of the tool) on an 80×12 screen while new events still show.
 */
const COMFORTABLE_EVENT_ROWS = 2;
const SPACER_COUNT = 2;

interface Draft {
	headerLines: number;
	phaseMode: PhaseMode;
	outcomeLines: number;
	timeline: boolean;
	resource: boolean;
	update: boolean;
	why: 'full' | 'headline' | 'none';
	spacers: boolean;
	tableHeader: boolean;
	footer: boolean;
}

function phaseLinesFor(mode: PhaseMode, input: LayoutInput): number {
	if (mode === 'hidden') {
		return 0;
	}

	if (mode === 'compact') {
		return Math.max(1, input.trackCount);
	}

	if (input.trackCount <= 1) {
		return 5;
	}

	// Side by side: a line of model names over the five phases and a line per failure cause;
	// otherwise a sub-list each (causes inline).
	return input.tracksAsColumns ? 6 + (input.failedTracks ?? 0) : input.trackCount * 6;
}

function shapeOf(input: LayoutInput): PhaseShape {
	if (input.trackCount <= 1) return 'single';
	return input.tracksAsColumns ? 'columns' : 'rows';
}

/** Gives the notices their lines in order of importance until `budget` is spent. */
function grantNoticeLines(wanted: readonly number[], budget: number): number[] {
	let left = budget;
	return wanted.map(lines => {
		const granted = Math.min(lines, left);
		left -= granted;
		return granted;
	});
}

function whyLinesFor(why: Draft['why'], input: LayoutInput): number {
	const wanted = input.whyLines ?? 0;
	if (why === 'none') return 0;
	return why === 'headline' ? Math.min(1, wanted) : wanted;
}

function fixedLines(draft: Draft, input: LayoutInput): number {
	return (
		draft.headerLines +
		phaseLinesFor(draft.phaseMode, input) +
		draft.outcomeLines +
		(draft.timeline ? (input.timelineLines ?? 0) : 0) +
		(draft.resource ? (input.resourceLines ?? 0) : 0) +
		(draft.update ? (input.updateLines ?? 0) : 0) +
		whyLinesFor(draft.why, input) +
		(draft.spacers ? SPACER_COUNT : 0) +
		(draft.tableHeader ? 1 : 0) +
		(draft.footer ? 1 : 0)
	);
}

// Each step gives up a little more; applied in order until the events get enough rows.
const DEGRADATIONS: ReadonlyArray<(draft: Draft) => Draft> = [
	// Resource use is a bonus to what the outcome says: it goes first.
	draft => ({...draft, resource: false}),
	// The timeline is a summary of what the phase list already shows.
	draft => ({...draft, timeline: false}),
	draft => ({...draft, spacers: false}),
	// The diagnosis' headline says the category, the model and the phase: its details go
	// before anything else of the failure does.
	draft => ({...draft, why: draft.why === 'none' ? 'none' : 'headline'}),
	draft => ({...draft, phaseMode: 'compact'}),
	draft => ({...draft, outcomeLines: Math.min(draft.outcomeLines, 1)}),
	draft => ({...draft, headerLines: 1}),
	// What an update changes is worth a line until only the essentials are left.
	draft => ({...draft, update: false}),
	draft => ({...draft, tableHeader: false}),
	draft => ({...draft, phaseMode: 'hidden'}),
	draft => ({...draft, why: 'none'}),
	draft => ({...draft, outcomeLines: 0}),
	draft => ({...draft, headerLines: 0}),
	draft => ({...draft, footer: false}),
];

/**
 * Fits the view into `rows - 1` lines. Parts are given up in order of importance until
 * the event table has a couple of rows; the last step leaves nothing fixed, so the plan
 * never exceeds the budget however small the terminal.
 */
export function planLayout(input: LayoutInput): LayoutPlan {
	const budget = Math.max(0, input.rows - 1);
	let draft: Draft = {
		headerLines: 2,
		phaseMode: 'full',
		outcomeLines: input.noticeLines.reduce((sum, lines) => sum + lines, 0),
		timeline: (input.timelineLines ?? 0) > 0,
		resource: (input.resourceLines ?? 0) > 0,
		update: (input.updateLines ?? 0) > 0,
		why: (input.whyLines ?? 0) > 0 ? 'full' : 'none',
		spacers: true,
		tableHeader: true,
		footer: true,
	};
	for (const degrade of DEGRADATIONS) {
		if (budget - fixedLines(draft, input) >= COMFORTABLE_EVENT_ROWS) {
			break;
		}

		draft = degrade(draft);
	}

	const fixed = fixedLines(draft, input);
	const headerAndFooter = draft.headerLines + (draft.footer ? 1 : 0);
	const {timeline, resource, update, why, ...rest} = draft;
	return {
		...rest,
		phaseShape: shapeOf(input),
		noticeLines: grantNoticeLines(input.noticeLines, draft.outcomeLines),
		timelineLines: timeline ? (input.timelineLines ?? 0) : 0,
		resourceLines: resource ? (input.resourceLines ?? 0) : 0,
		updateLines: update ? (input.updateLines ?? 0) : 0,
		whyLines: whyLinesFor(why, input),
		phaseLines: phaseLinesFor(draft.phaseMode, input),
		eventRows: Math.max(0, budget - fixed),
		helpLines: Math.max(0, budget - headerAndFooter),
	};
}

/** Width of the phase-name column when tracks sit side by side, and of each model column. */
export const PHASE_LABEL_COLUMN = {long: 23, short: 8} as const;
export const MIN_TRACK_COLUMN = 10;

/** The phase label column used at this terminal width. */
export function phaseLabelWidth(columns: number): number {
	return columns >= 60 ? PHASE_LABEL_COLUMN.long : PHASE_LABEL_COLUMN.short;
}

/** Width of each model's column when tracks are drawn side by side (indent and gap excluded). */
export function trackColumnWidth(columns: number, trackCount: number): number {
	return Math.floor((columns - 2 - phaseLabelWidth(columns) - 2) / Math.max(1, trackCount));
}

/** Whether several models fit side by side, one column each, at this width. */
export function tracksFitAsColumns(columns: number, trackCount: number): boolean {
	return trackCount > 1 && trackColumnWidth(columns, trackCount) >= MIN_TRACK_COLUMN;
}
