// A hang-up (the terminal closed: a dropped SSH connection, a closed window) ends the watch
// by the hang-up's own path, not through the normal ending. Node 20 resets the terminal
// modes when it exits and aborts (signal 11) when the terminal is already gone
// (nodejs/node#51519), so `process.exit` is never reached: every SIGHUP listener goes,
// and SIGHUP is raised again with its default action, which ends the process by signal 1
// (a shell reports 129), as any program that does not catch SIGHUP ends.
import {isatty} from 'node:tty';

const SHOW_CURSOR = '\u001B[?25h';

/** Errors of a terminal that has gone away: writes fail with EIO (EPIPE on some systems). */
const GONE = new Set(['EIO', 'EPIPE', 'ENXIO']);

let ending = false;

/**
 * Gives the terminal back as it was if it is still there (a SIGHUP sent by hand), then
 * leaves by SIGHUP. A terminal that is gone makes these calls fail; they are tried once.
 */
function hangUp(): void {
	if (ending) return;
	ending = true;
	try {
		if (process.stdin.isTTY && process.stdin.isRaw) process.stdin.setRawMode(false);
		if (process.stdout.isTTY) process.stdout.write(SHOW_CURSOR);
	} catch {
		// The terminal is gone: nothing to give back.
	}

	process.removeAllListeners('SIGHUP');
	process.kill(process.pid, 'SIGHUP');
}


/**
 * Takes SIGHUP, and EIO/EPIPE on a standard stream that is a terminal, before anything else
 * does (call it first thing at start-up). Without a terminal, SIGHUP is left to the normal
 * ending (its summary line, exit 129): it is then a request to stop, not a lost screen.
 */
export function endOnHangUp(): void {
	const terminals = [0, 1, 2].filter(fd => isatty(fd));
	if (terminals.length === 0) return;
	process.prependListener('SIGHUP', hangUp);
	// Only the streams that are terminals are made (process.stdin is made only when it is a terminal).
	const streams = [() => process.stdin, () => process.stdout, () => process.stderr];
	for (const fd of terminals) {
		streams[fd]!().prependListener('error', (error: NodeJS.ErrnoException) => {
			if (error.code !== undefined && GONE.has(error.code)) hangUp();
		});
	}
}
