// Suspend and resume, as vim and less do. In raw mode the terminal sends Ctrl+Z as a key,
// not as SIGTSTP, so the key sends the signal itself; the signal (from the key or from
// outside) gives the terminal back to the shell: line mode, the cursor shown below the live
// region, which stays in place. On SIGCONT the watch takes the terminal again and draws its
// frame whole below whatever the shell wrote meanwhile. Polling just pauses while stopped:
// nothing is lost or repeated, the next poll asks from where the last one ended.
import {readFileSync} from 'node:fs';

/** What draws the live region (the log-update), told when to stop and start drawing. */
export interface LiveRegion {
	hold(): void;
	repaint(): void;
}

let region: LiveRegion | null = null;
let suspended = false;
let resumeRaw = false;

/** The log-update drawing the live view now (it registers itself when created). */
export function setLiveRegion(next: LiveRegion): void {
	region = next;
}

/**
 * Whether this process's group owns the terminal (Linux /proc; elsewhere unknown, false).
 * A process that catches SIGTTIN or SIGTTOU and touches the terminal from the background
 * would be sent the signal again and again by the kernel, so those two are caught only here.
 */
function inForeground(): boolean {
	try {
		const stat = readFileSync('/proc/self/stat', 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return fields[2] !== undefined && fields[2] === fields[5];
	} catch {
		return false;
	}
}

function listen(): void {
	process.on('SIGTSTP', stop);
	if (!inForeground()) return;
	process.on('SIGTTIN', stop);
	process.on('SIGTTOU', stop);
}

/** Gives the terminal back and stops by the same signal, its default action restored first. */
function stop(signal: NodeJS.Signals): void {
	for (const each of ['SIGTSTP', 'SIGTTIN', 'SIGTTOU'] as const) process.off(each, stop);
	suspended = true;
	region?.hold();
	resumeRaw = process.stdin.isTTY === true && process.stdin.isRaw;
	if (resumeRaw) process.stdin.setRawMode(false);
	process.kill(process.pid, signal);
}

function resume(): void {
	// A SIGCONT after a stop this module did not make (SIGSTOP) finds the terminal as it was.
	if (!suspended) return;
	// Continued in the background (`bg`), this stops the process again (SIGTTOU, default
	// action) until `fg`: the live view needs the terminal.
	if (resumeRaw) process.stdin.setRawMode(true);
	suspended = false;
	listen();
	region?.repaint();
}

/** Ctrl+Z: stops the whole job, as the terminal does in line mode (a wrapper such as npx too). */
export function suspendByKey(): void {
	process.kill(0, 'SIGTSTP');
}

/** Listens for the stop signals and SIGCONT; call once at start-up when a terminal is there. */
export function suspendOnStop(): void {
	if (process.stdin.isTTY !== true && process.stdout.isTTY !== true) return;
	listen();
	process.on('SIGCONT', resume);
}
