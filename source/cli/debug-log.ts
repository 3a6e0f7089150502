// Where --debug request lines go. In the plain and JSON logs they are stderr lines like any
// other diagnostic. In the terminal UI a stderr line would land in the middle of Ink's frame
// and tear it, so they go to a file in the OS temp directory instead, and its path is said on
// stderr before the UI starts and again after it has ended (when the scrollback keeps it).
import {appendFileSync, closeSync, openSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import type {OutputMode} from '../config/types.js';
import {redact} from '../secrets.js';
import {printNote} from './process-io.js';

/** A sink for debug lines; `close` says where they went, if anywhere but stderr. */
export interface DebugLog {
	write(line: string): void;
	close(): void;
}

/** A fresh, private file per run: `modelarts-watch-debug-<time>-<pid>.log`. */
function createLogFile(): {readonly file: string; readonly fd: number} {
	const file = path.join(tmpdir(), `modelarts-watch-debug-${Date.now()}-${process.pid}.log`);
	return {file, fd: openSync(file, 'wx', 0o600)};
}

/** stderr for the line-based outputs; a temp file for the terminal UI. */
export function openDebugLog(output: OutputMode): DebugLog {
	if (output !== 'tty') return {write: printNote, close: () => undefined};
	const {file, fd} = createLogFile();
	printNote(`debug: request log in ${file}`);
	let open = true;
	return {
		write(line) {
			if (open) appendFileSync(fd, `${new Date().toISOString()} ${redact(line)}\n`);
		},
		close() {
			if (!open) return;
			open = false;
			closeSync(fd);
			printNote(`debug: request log written to ${file}`);
		},
	};
}
