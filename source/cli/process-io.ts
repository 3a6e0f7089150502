// The process edges every run mode shares: stderr diagnostics (always redacted), a closed
// stdout pipe, crashes, and leaving with an exit code once stdout has drained.
import {EXIT} from '../core/ending/exit-codes.js';
import {redact} from '../secrets.js';

const NAME = 'modelarts-watch';
const SHOW_CURSOR = '\u001B[?25h';

/** One human diagnostic line on stderr, with secrets scrubbed. */
export function printError(message: string): void {
	process.stderr.write(`${NAME}: ${redact(message)}\n`);
}

/** A plain stderr line (sync state, heartbeat in JSON mode), with secrets scrubbed. */
export function printNote(message: string): void {
	process.stderr.write(`${redact(message)}\n`);
}

/** Writes to stdout after everything queued before it, then exits. */
export function exitWith(code: number): void {
	process.stdout.write('', () => process.exit(code));
}

/**
 * `modelarts-watch … | head -1` (or `2>&1 | head -1`): the reader went away, so there is
 * nobody left to tell. End at once and quietly, but not with 0: under `--exit-status` that
 * would read as a deployment that succeeded, which nobody saw. 141 is what a shell reports
 * for a program ended by SIGPIPE, as git and coreutils are.
 */
export function guardPipes(): void {
	for (const stream of [process.stdout, process.stderr]) {
		stream.on('error', (error: NodeJS.ErrnoException) => {
			if (error.code === 'EPIPE') process.exit(EXIT.readerGone);
			throw error;
		});
	}
}

/** Shows the cursor again if a crash interrupted a full-screen frame. */
export function restoreTerminal(): void {
	if (process.stdout.isTTY) process.stdout.write(SHOW_CURSOR);
	if (process.stdin.isTTY && process.stdin.isRaw) process.stdin.setRawMode(false);
}

/** One clear line for an error nobody planned for; the stack only with --debug. */
export function reportUnexpected(error: unknown, debug: boolean): void {
	const message = error instanceof Error ? error.message : String(error);
	printError(`unexpected error: ${message}${debug ? '' : ' (rerun with --debug for details)'}`);
	if (debug && error instanceof Error && error.stack) process.stderr.write(`${redact(error.stack)}\n`);
}

/** Last resort: restore the terminal, say what happened in one line, exit 1. */
export function installCrashHandlers(debug: boolean): void {
	const crash = (error: unknown) => {
		restoreTerminal();
		reportUnexpected(error, debug);
		process.exit(1);
	};

	process.on('uncaughtException', crash);
	process.on('unhandledRejection', crash);
}
