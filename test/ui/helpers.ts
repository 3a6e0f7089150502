// Rendering helpers for the live view's tests: a terminal of any size (ink-testing-library
// fixes 100 columns and no rows), frames with ANSI stripped, and a bounded wait for a frame.
import {EventEmitter} from 'node:events';
import {stripVTControlCharacters} from 'node:util';
import type {ReactElement} from 'react';
import {render as inkRender} from 'ink';
import stringWidth from 'string-width';

class FakeStdout extends EventEmitter {
	readonly frames: string[] = [];
	isTTY = true;
	constructor(
		public columns: number,
		public rows: number,
	) {
		super();
	}

	write = (frame: string): boolean => {
		this.frames.push(frame);
		return true;
	};

	/** Changes the size and tells Ink, as a terminal's SIGWINCH does. */
	resize(columns: number, rows: number): void {
		this.columns = columns;
		this.rows = rows;
		this.emit('resize');
	}
}

class FakeStdin extends EventEmitter {
	isTTY = true;
	private data: string | null = null;
	write = (data: string): void => {
		this.data = data;
		this.emit('readable');
		this.emit('data', data);
	};

	read = (): string | null => {
		const {data} = this;
		this.data = null;
		return data;
	};

	setEncoding(): void {}
	setRawMode(): void {}
	resume(): void {}
	pause(): void {}
	ref(): void {}
	unref(): void {}
}

/** A rendered tree in a terminal of a chosen size. */
export interface Rendered {
	readonly stdout: FakeStdout;
	readonly stdin: FakeStdin;
	/** The last frame, ANSI stripped. */
	lastFrame(): string;
	/** The last frame as written, with colours. */
	lastRawFrame(): string;
	unmount(): void;
	rerender(tree: ReactElement): void;
	/** Resolves when the app exits (useApp().exit()). */
	waitUntilExit(): Promise<unknown>;
}

export function renderSized(tree: ReactElement, size: {readonly columns: number; readonly rows: number}): Rendered {
	const stdout = new FakeStdout(size.columns, size.rows);
	const stdin = new FakeStdin();
	const instance = inkRender(tree, {
		stdout: stdout as unknown as NodeJS.WriteStream,
		stderr: new FakeStdout(size.columns, size.rows) as unknown as NodeJS.WriteStream,
		stdin: stdin as unknown as NodeJS.ReadStream,
		debug: true,
		exitOnCtrlC: false,
		patchConsole: false,
	});
	const lastRawFrame = () => stdout.frames.at(-1) ?? '';
	return {
		stdout,
		stdin,
		lastRawFrame,
		lastFrame: () => stripVTControlCharacters(lastRawFrame()),
		unmount: () => {
			instance.unmount();
			instance.cleanup();
		},
		rerender: tree => instance.rerender(tree),
		waitUntilExit: () => instance.waitUntilExit(),
	};
}

/** Writes `key` and waits for a frame that satisfies `until`. */
export async function press(rendered: Rendered, key: string, until: (frame: string) => boolean): Promise<string> {
	rendered.stdin.write(key);
	return waitForFrame(rendered.lastFrame, until);
}

/**
 * Writes `key` until the frame satisfies `until` (bounded): a screen that has just mounted
 * subscribes to input in an effect, a moment after its first frame is drawn.
 */
export async function pressUntil(rendered: Rendered, key: string, until: (frame: string) => boolean): Promise<string> {
	for (let attempt = 0; ; attempt++) {
		rendered.stdin.write(key);
		try {
			return await waitForFrame(rendered.lastFrame, until, 500);
		} catch (error) {
			if (attempt >= 10) throw error;
		}
	}
}

/** Polls until the last frame satisfies `predicate`; fails with the frame after `timeoutMs`. */
export async function waitForFrame(lastFrame: () => string, predicate: (frame: string) => boolean, timeoutMs = 2000): Promise<string> {
	// performance.now: tests that fake Date must still time out.
	const deadline = performance.now() + timeoutMs;
	for (;;) {
		const frame = lastFrame();
		if (predicate(frame)) {
			return frame;
		}

		if (performance.now() > deadline) {
			throw new Error(`no matching frame within ${timeoutMs} ms; last frame:\n${frame}`);
		}

		await new Promise(resolve => setImmediate(resolve));
	}
}

/** The lines of a frame (Ink ends frames without a trailing newline in debug mode). */
export function frameLines(frame: string): string[] {
	return frame.split('\n');
}

/** The widest line of a frame, in terminal columns. */
export function frameWidth(frame: string): number {
	return Math.max(0, ...frameLines(frame).map(line => stringWidth(line)));
}
