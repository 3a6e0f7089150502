// A headless xterm behind a stream the log-update writes to, so the render tests check what
// a person would see (characters and their colours), not which escape sequences were chosen.
import {Unicode11Addon} from '@xterm/addon-unicode11';
import xterm from '@xterm/headless';

/**
 * How wide the terminal draws emoji: '11' two columns (as string-width counts them, like
 * most terminals today), '6' one column (xterm.js's default, like older terminals).
 */
export type EmojiWidths = '6' | '11';

/** What a person sees in one cell. */
export type CellLook = readonly [chars: string, width: number, fg: string, bg: string, bold: boolean, dim: boolean, italic: boolean, underline: boolean, inverse: boolean];

export function terminal(columns: number, rows: number, {emoji = '6' as EmojiWidths} = {}) {
	const term = new xterm.Terminal({cols: columns, rows, allowProposedApi: true, convertEol: true, scrollback: 500});
	if (emoji === '11') {
		term.loadAddon(new Unicode11Addon());
		term.unicode.activeVersion = '11';
	}

	let written = '';
	const stream = {
		columns,
		rows,
		write(chunk: string) {
			written += chunk;
			term.write(chunk);
		},
	};
	const settle = async () =>
		new Promise<void>(resolve => {
			term.write('', resolve);
		});
	const screen = async () => {
		await settle();
		const buffer = term.buffer.active;
		const lines: string[] = [];
		for (let row = 0; row < term.rows; row++) lines.push(buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? '');
		while (lines.length > 0 && lines.at(-1) === '') lines.pop();
		return lines;
	};

	/** Every cell of the screen with its attributes, and where the cursor is. */
	const looks = async () => {
		await settle();
		const buffer = term.buffer.active;
		const cells: CellLook[][] = [];
		for (let row = 0; row < term.rows; row++) {
			const line = buffer.getLine(buffer.viewportY + row);
			const cellsOfRow: CellLook[] = [];
			for (let column = 0; column < term.cols; column++) {
				const cell = line?.getCell(column);
				if (cell === undefined) continue;
				cellsOfRow.push([
					cell.getChars(),
					cell.getWidth(),
					`${cell.getFgColorMode()}:${cell.getFgColor()}`,
					`${cell.getBgColorMode()}:${cell.getBgColor()}`,
					cell.isBold() !== 0,
					cell.isDim() !== 0,
					cell.isItalic() !== 0,
					cell.isUnderline() !== 0,
					cell.isInverse() !== 0,
				]);
			}

			cells.push(cellsOfRow);
		}

		return {cells, cursor: [buffer.cursorX, buffer.cursorY]};
	};

	const resize = (newColumns: number, newRows: number) => {
		term.resize(newColumns, newRows);
		stream.columns = newColumns;
		stream.rows = newRows;
	};

	return {stream, screen, looks, resize, written: () => written};
}

/** A frame as Ink hands it to the log-update: lines, each ended by a newline. */
export const frame = (...lines: string[]) => lines.join('\n') + '\n';
