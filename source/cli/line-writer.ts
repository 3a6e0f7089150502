// Plain and NDJSON lines to stdout, two promises kept together:
// - Whole lines: each write(2) is a whole number of lines of at most PIPE_ATOMIC_BYTES (a
//   longer line goes alone), and only one write is in flight at a time. POSIX makes a pipe
//   write of up to PIPE_BUF bytes atomic, so several watches writing into one pipe (a CI
//   step that fans out) never splice a line. One write at a time matters too: Node joins
//   writes queued behind a slow one into a single writev of any size.
// - Back-pressure: lines the reader has not taken yet wait here, and `drained()` tells the
//   poll loop to hold the next request until they are mostly gone. A slow reader slows the
//   watch down instead of growing its memory; nothing is dropped.
import {Buffer} from 'node:buffer';

/** Linux's PIPE_BUF: the largest write a pipe takes whole, never interleaved with another writer's. */
export const PIPE_ATOMIC_BYTES = 4096;

/** Characters waiting above which the poll loop holds its next request. */
const PAUSE_ABOVE_CHARS = 512 * 1024;

/** The stream side the writer needs (process.stdout in the CLI). */
export interface LineSink {
	write(chunk: string, callback: (error?: Error | null) => void): unknown;
}

export interface LineWriter {
	/** Queues one line (without its newline). */
	write(line: string): void;
	/** Resolves when the reader has caught up enough for the watch to fetch more. */
	drained(): Promise<void>;
	/** Resolves once every queued line has been written. */
	idle(): Promise<void>;
}

export function createLineWriter(sink: LineSink, pauseAboveChars = PAUSE_ABOVE_CHARS): LineWriter {
	let queue: string[] = [];
	let head = 0;
	let waitingChars = 0;
	let writing = false;
	let scheduled = false;
	let waiters: Array<{readonly below: number; readonly resolve: () => void}> = [];

	const wake = () => {
		const ready = waiters.filter(waiter => waitingChars <= waiter.below);
		if (ready.length === 0) return;
		waiters = waiters.filter(waiter => waitingChars > waiter.below);
		for (const waiter of ready) waiter.resolve();
	};

	const waitUntil = (below: number): Promise<void> =>
		waitingChars <= below ? Promise.resolve() : new Promise(resolve => waiters.push({below, resolve}));

	/** The next write: as many whole lines as fit in PIPE_ATOMIC_BYTES, at least one. */
	const nextChunk = (): string => {
		const lines: string[] = [];
		let bytes = 0;
		while (head < queue.length) {
			const line = queue[head] as string;
			const size = Buffer.byteLength(line);
			if (lines.length > 0 && bytes + size > PIPE_ATOMIC_BYTES) break;
			lines.push(line);
			bytes += size;
			head++;
		}

		// Drop the written part now and then, not on every write (shift is linear).
		if (head > 4096 && head * 2 > queue.length) {
			queue = queue.slice(head);
			head = 0;
		}

		return lines.join('');
	};

	const pump = () => {
		scheduled = false;
		if (writing || head >= queue.length) return;
		const text = nextChunk();
		writing = true;
		sink.write(text, error => {
			writing = false;
			waitingChars -= text.length;
			// A failed write (the reader went away) is the stream's 'error' to handle.
			if (error) return;
			wake();
			pump();
		});
	};

	return {
		write(line) {
			const text = `${line}\n`;
			queue.push(text);
			// Characters, not bytes: cheap, and only steers the pause (the chunking counts bytes).
			waitingChars += text.length;
			if (!writing && !scheduled) {
				// Lines written in one turn share writes.
				scheduled = true;
				queueMicrotask(pump);
			}
		},
		drained: () => waitUntil(pauseAboveChars),
		idle: () => waitUntil(0),
	};
}
