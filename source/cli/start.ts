// Everything the CLI does beyond a bare --version or --help (cli.tsx answers those alone):
// the handlers of signals and of the terminal, the flags, and the run they ask for. The
// handlers load node's terminal and stream modules, which those two answers do without.
import * as nodeModule from 'node:module';
import {EXIT} from '../core/ending/exit-codes.js';
import {suspendOnStop} from '../render/suspend.js';
import type {Command} from './parse.js';
import {endOnHangUp} from './hang-up.js';
import {exitWith, installCrashHandlers, printError} from './process-io.js';

async function parse(argv: readonly string[]): Promise<Command> {
	// The scenario names only tell what follows a bare --demo: without one, the first frame
	// does not wait for the simulator's scenario registry to load.
	const scenarios = argv.includes('--demo') ? import('../sim/scenarios/registry.js') : {SCENARIO_NAMES: []};
	const [{parseCommandLine}, {SCENARIO_NAMES}] = await Promise.all([import('./parse.js'), scenarios]);
	return parseCommandLine(argv, SCENARIO_NAMES);
}

/**
 * While a long history loads, V8 doubles its young generation up to 2 × 16 MB and keeps it
 * for the rest of the run: ~25 MB of RSS that a jump host pays for a 100k-event watch. At
 * its initial 1 MB the load takes as long (the events outlive the young generation anyway)
 * and the peak RSS is that much lower (`npm run bench`). Set before the watch allocates, and
 * after the painted first frame, which loading node's v8 module would delay.
 */
async function keepYoungGenerationSmall(): Promise<void> {
	const v8 = await import('node:v8');
	v8.setFlagsFromString('--semi-space-growth-factor=1');
}

/**
 * Node 22.1 and later can keep the compiled code of every chunk loaded from here on in a
 * cache on disk (in the temp directory, as npm does; NODE_DISABLE_COMPILE_CACHE=1 turns it
 * off): ~10 ms less to the first frame on Node 24. Node 20 has no such cache. A cache that
 * cannot be written (a read-only temp directory) only means no gain.
 */
function cacheCompiledCode(): void {
	try {
		(nodeModule as {enableCompileCache?: () => unknown}).enableCompileCache?.();
	} catch {
		// No cache: the start is as fast as without one.
	}
}

/** The run a command asks for, to its exit code. */
async function run(command: Exclude<Command, {kind: 'help' | 'version'}>): Promise<number> {
	switch (command.kind) {
		case 'usage-error':
			printError(`${command.message} (see modelarts-watch --help)`);
			return EXIT.usage;
		case 'simulate': {
			const {runSimulate} = await import('./simulate.js');
			return runSimulate(command.flags);
		}
		case 'watch': {
			(await import('./first-frame.js')).paintFirstFrame(command.flags);
			await keepYoungGenerationSmall();
			const {runWatch} = await import('./run.js');
			return runWatch(command.flags);
		}
	}
}

/**
 * Runs the command line to its end (the process exits with its status), or returns what
 * it asks to be told when that is only the help or the version, with other flags beside.
 */
export async function start(argv: readonly string[]): Promise<'help' | 'version' | null> {
	// First: a hang-up must be seen before any other SIGHUP listener or stream error handler.
	endOnHangUp();
	suspendOnStop();
	installCrashHandlers(argv.includes('--debug'));
	cacheCompiledCode();
	const command = await parse(argv);
	if (command.kind === 'help' || command.kind === 'version') return command.kind;
	exitWith(await run(command));
	return null;
}
