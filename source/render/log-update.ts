// Our log-update for Ink 6, passed to render() as its logUpdate option (patches/).
//
// Why: Ink 6.8's incremental renderer moves the cursor one row too few when a frame ends
// in a newline (every non-fullscreen frame does), so each update lands one row lower and
// leaves the old lines behind. Its standard renderer is correct but erases and rewrites
// the whole frame, ~25 KB/s for a ticking view. This one rewrites only the lines that
// changed (and within a line, when it can, only the cells that changed: line-diff.ts), never
// clears the screen or the scrollback, and accounts for terminals that re-wrap old lines
// when the width shrinks, so a resize leaves no ghost lines behind.
import {Buffer} from 'node:buffer';
import {createFrameWriter} from './frame-writer.js';
import {changeBytes, changesOf} from './line-diff.js';
import {setLiveRegion} from './suspend.js';
import {textWidth} from './text-width.js';

const CSI = '\u001B[';
const HIDE_CURSOR = `${CSI}?25l`;
const SHOW_CURSOR = `${CSI}?25h`;
const ERASE_LINE = `${CSI}2K`;
const ERASE_DOWN = `${CSI}J`;

type Writable = {write(chunk: string): unknown; readonly columns?: number; readonly rows?: number};

/** The interface Ink's renderer calls on its log-update. */
export interface LogUpdate {
	(frame: string): boolean;
	clear(): void;
	done(): void;
	sync(frame: string): void;
	setCursorPosition(position: {x: number; y: number} | undefined): void;
	isCursorDirty(): boolean;
	willRender(frame: string): boolean;
	/** Suspended (Ctrl+Z): shows the cursor and draws nothing until `repaint`. */
	hold(): void;
	/** Resumed: draws the latest frame whole below the cursor, forgetting the one above (the shell wrote since). */
	repaint(): void;
}

interface Frame {
	readonly lines: readonly string[];
	/** A frame that ends in a newline leaves the cursor below its last line. */
	readonly trailingNewline: boolean;
}

const EMPTY: Frame = {lines: [], trailingNewline: true};

function parse(text: string): Frame {
	if (text === '') return EMPTY;
	const trailingNewline = text.endsWith('\n');
	const lines = (trailingNewline ? text.slice(0, -1) : text).split('\n');
	return {lines, trailingNewline};
}

/** Rows a line takes on a terminal `columns` wide that wraps long lines. */
function rowsOf(line: string, columns: number): number {
	return Number.isFinite(columns) ? Math.max(1, Math.ceil(textWidth(line) / Math.max(1, columns))) : 1;
}

/** Terminal rows the frame takes when `columns` wide (long lines wrap). */
function rowsOfFrame(frame: Frame, columns: number): number {
	return frame.lines.reduce((sum, line) => sum + rowsOf(line, columns), 0);
}

/** From wherever the last frame left the cursor, back to column 0 of its first row. */
function toTop(previous: Frame, columns: number): string {
	if (previous.lines.length === 0) return '\r';
	const rows = rowsOfFrame(previous, columns);
	const up = previous.trailingNewline ? rows : rows - 1;
	return (up > 0 ? `${CSI}${up}A` : '') + '\r';
}

/** Write every line of `next` from the top of the old frame, then erase what is left. */
function repaint(next: Frame): string {
	return ERASE_DOWN + next.lines.join(`\n`) + (next.trailingNewline ? '\n' : '');
}

/**
 * Writes `next` over `previous` (every line one row, `columns` wide), touching only the lines
 * that differ, and within a line only the cells that changed when that is safe and shorter.
 */
function diff(previous: Frame, next: Frame, columns: number): string {
	const existing = previous.lines.length;
	const writer = createFrameWriter(previous.trailingNewline ? existing : existing - 1, columns);
	const erase = next.lines.length < existing;
	next.lines.forEach((line, index) => {
		const before = previous.lines[index];
		if (before === line) return;
		const endsRow = index < next.lines.length - 1 || next.trailingNewline;
		// Erasing below a last line that ends no row must start right after its text.
		const changes = before === undefined || (erase && !endsRow) ? null : changesOf(before, line);
		if (changes !== null && changeBytes(changes) < Buffer.byteLength(line) + ERASE_LINE.length) writer.cells(index, changes);
		else writer.line(index, line, endsRow);
	});
	return writer.finish(next.trailingNewline ? next.lines.length : erase ? null : next.lines.length - 1, erase);
}

export function createLogUpdate(stream: Writable, {showCursor = false} = {}): LogUpdate {
	let previous = EMPTY;
	let previousText = '';
	let cursorHidden = false;
	// The width the last frame was drawn at. A terminal that narrows since re-wraps it, so
	// its rows are counted at the narrower of the two widths.
	let drawnColumns = stream.columns ?? Number.POSITIVE_INFINITY;
	const columnsNow = () => Math.min(drawnColumns, stream.columns ?? Number.POSITIVE_INFINITY);
	const fits = (frame: Frame, columns: number) => frame.lines.every(line => textWidth(line) <= columns);
	const screenRows = () => stream.rows || Number.POSITIVE_INFINITY;
	// A terminal that got shorter pushes the top of a tall frame into the scrollback, where
	// the cursor cannot reach it; moving up then stops at the first row of the screen.
	const onScreen = (frame: Frame, columns: number) =>
		rowsOfFrame(frame, columns) + (frame.trailingNewline ? 1 : 0) <= screenRows();
	// A frame as tall as the screen would scroll and leave copies in the scrollback. The view
	// sizes itself to fit; this only trims the one frame Ink lays out before it has.
	const shorterThanScreen = (frame: Frame): Frame => {
		const limit = screenRows() - 1;
		return frame.lines.length > limit && limit > 0
			? {lines: frame.lines.slice(0, limit), trailingNewline: true}
			: frame;
	};

	// While suspended, the latest frame waits here for the repaint.
	let held: string | null = null;
	const render = ((text: string) => {
		if (held !== null) {
			held = text;
			return false;
		}

		if (text === previousText) return false;
		if (!showCursor && !cursorHidden) {
			stream.write(HIDE_CURSOR);
			cursorHidden = true;
		}

		const next = shorterThanScreen(parse(text));
		const columns = columnsNow();
		// Line-by-line rewriting assumes one row per line and a frame whose top is still on
		// screen. While a resize is being laid out neither may hold: repaint it whole.
		const incremental =
			columns === (stream.columns ?? columns) &&
			fits(previous, columns) &&
			fits(next, columns) &&
			onScreen(previous, columns);
		stream.write(incremental ? diff(previous, next, columns) : toTop(previous, columns) + repaint(next));

		previous = next;
		previousText = text;
		drawnColumns = stream.columns ?? Number.POSITIVE_INFINITY;
		return true;
	}) as LogUpdate;

	render.clear = () => {
		if (previous.lines.length > 0) stream.write(toTop(previous, columnsNow()) + ERASE_DOWN);
		previous = EMPTY;
		previousText = '';
	};

	render.done = () => {
		previous = EMPTY;
		previousText = '';
		if (!showCursor && cursorHidden) {
			stream.write(SHOW_CURSOR);
			cursorHidden = false;
		}
	};

	render.sync = (text: string) => {
		previous = parse(text);
		previousText = text;
		drawnColumns = stream.columns ?? Number.POSITIVE_INFINITY;
	};

	// The watch never places the terminal cursor (no text input), so there is none to track.
	render.setCursorPosition = () => {};
	render.isCursorDirty = () => false;
	render.willRender = (text: string) => text !== previousText;
	render.hold = () => {
		if (held !== null) return;
		held = previousText;
		// The shell's prompt goes on the row below the frame, with the cursor shown.
		stream.write((previous.trailingNewline ? '' : '\n') + (cursorHidden ? SHOW_CURSOR : ''));
		cursorHidden = false;
	};

	render.repaint = () => {
		if (held === null) return;
		const text = held;
		held = null;
		previous = EMPTY;
		previousText = '';
		drawnColumns = stream.columns ?? Number.POSITIVE_INFINITY;
		render(text);
	};

	setLiveRegion(render);
	return render;
}

/** A frame drawn before Ink started (source/cli/first-frame.ts), waiting to be adopted. */
let painted: {readonly stream: Writable; readonly log: LogUpdate; readonly adopted: () => void} | null = null;

/**
 * Leaves `log`, which has drawn a frame on `stream`, for the next `create` on that stream:
 * Ink then continues from that frame instead of drawing its first one below it.
 */
export function handOver(stream: Writable, log: LogUpdate, adopted: () => void): void {
	painted = {stream, log, adopted};
}

/** Ink imports log-update's default export and calls `create` once per render(). */
const logUpdate = {
	create(stream: Writable, options?: {showCursor?: boolean}): LogUpdate {
		if (painted?.stream === stream) {
			const {log, adopted} = painted;
			painted = null;
			adopted();
			return log;
		}

		return createLogUpdate(stream, options);
	},
};
export default logUpdate;
