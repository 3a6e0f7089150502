// Our replacement for Ink 6's log-update, swapped in by scripts/build.mjs.
//
// Why: Ink 6.8's incremental renderer moves the cursor one row too few when a frame ends
// in a newline (every non-fullscreen frame does), so each update lands one row lower and
// leaves the old lines behind. Its standard renderer is correct but erases and rewrites
// the whole frame, ~25 KB/s for a ticking view. This one rewrites only the lines that
// changed, never clears the screen or the scrollback, and accounts for terminals that
// re-wrap old lines when the width shrinks, so a resize leaves no ghost lines behind.
import stringWidth from 'string-width';

const CSI = '\u001B[';
const HIDE_CURSOR = `${CSI}?25l`;
const SHOW_CURSOR = `${CSI}?25h`;
const ERASE_LINE_END = `${CSI}K`;
const ERASE_DOWN = `${CSI}J`;

type Writable = {write(chunk: string): unknown; readonly columns?: number};

/** The interface Ink's renderer calls on its log-update. */
export interface LogUpdate {
	(frame: string): boolean;
	clear(): void;
	done(): void;
	sync(frame: string): void;
	setCursorPosition(position: {x: number; y: number} | undefined): void;
	isCursorDirty(): boolean;
	willRender(frame: string): boolean;
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
	return Math.max(1, Math.ceil(stringWidth(line) / Math.max(1, columns)));
}

/** From wherever the last frame left the cursor, back to column 0 of its first row. */
function toTop(previous: Frame, columns: number | undefined): string {
	if (previous.lines.length === 0) return '\r';
	const rows = columns
		? previous.lines.reduce((sum, line) => sum + rowsOf(line, columns), 0)
		: previous.lines.length;
	const up = previous.trailingNewline ? rows : rows - 1;
	return (up > 0 ? `${CSI}${up}A` : '') + '\r';
}

/** Write `next` over `previous`, touching only the lines that differ. */
function diff(previous: Frame, next: Frame): string {
	let out = '';
	let pendingDown = 0;
	const existing = previous.lines.length;
	next.lines.forEach((line, index) => {
		const isLast = index === next.lines.length - 1;
		const endsRow = !isLast || next.trailingNewline;
		if (index < existing && previous.lines[index] === line) {
			// Rows that still exist on screen can be stepped over without scrolling.
			if (endsRow) pendingDown++;
			return;
		}

		if (pendingDown > 0) out += `${CSI}${pendingDown}E`;
		pendingDown = 0;
		out += line + ERASE_LINE_END + (endsRow ? '\n' : '');
	});
	if (pendingDown > 0) out += `${CSI}${pendingDown}E`;
	if (next.lines.length < existing) out += ERASE_DOWN;
	return out;
}

export function createLogUpdate(stream: Writable, {showCursor = false} = {}): LogUpdate {
	let previous = EMPTY;
	let previousText = '';
	let cursorHidden = false;
	// The rows the last frame occupies are counted at the width it was drawn at, unless the
	// terminal has since narrowed and re-wrapped it (clear() is called on a width decrease).
	let drawnColumns = stream.columns;

	const render = ((text: string) => {
		if (text === previousText) return false;
		if (!showCursor && !cursorHidden) {
			stream.write(HIDE_CURSOR);
			cursorHidden = true;
		}

		const next = parse(text);
		stream.write(toTop(previous, undefined) + diff(previous, next));
		previous = next;
		previousText = text;
		drawnColumns = stream.columns;
		return true;
	}) as LogUpdate;

	render.clear = () => {
		const narrowed = drawnColumns !== undefined && stream.columns !== undefined && stream.columns < drawnColumns;
		if (previous.lines.length > 0) {
			stream.write(toTop(previous, narrowed ? stream.columns : undefined) + ERASE_DOWN);
		}

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
		drawnColumns = stream.columns;
	};

	// The watch never places the terminal cursor (no text input), so there is none to track.
	render.setCursorPosition = () => {};
	render.isCursorDirty = () => false;
	render.willRender = (text: string) => text !== previousText;
	return render;
}

/** Ink imports log-update's default export and calls `create`. */
const logUpdate = {create: createLogUpdate};
export default logUpdate;
