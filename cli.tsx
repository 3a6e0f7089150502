// Entry point. Only tiny modules are imported statically so `--version` answers at once;
// the help text (with the scenario list), the flag parser, the watch and Ink (for the
// terminal UI) load on demand.
import * as nodeModule from 'node:module';
import process from 'node:process';
import pkg from './package.json' with {type: 'json'};
import {EXIT} from './source/core/ending/exit-codes.js';
import {suspendOnStop} from './source/render/suspend.js';
import type {Command} from './source/cli/parse.js';
import {endOnHangUp} from './source/cli/hang-up.js';
import {exitWith, guardPipes, installCrashHandlers, printError} from './source/cli/process-io.js';

/**
 * `--version` and `--help` alone skip even the flag parser: the simulator's scenarios
 * build large tables when loaded, which costs more than these answers.
 */
function quickAnswer(argv: readonly string[]): Command | null {
	if (argv.length !== 1) return null;
	if (argv[0] === '--version') return {kind: 'version'};
	if (argv[0] === '--help' || argv[0] === '-h') return {kind: 'help'};
	return null;
}

async function parse(argv: readonly string[]): Promise<Command> {
	// The scenario names only tell what follows a bare --demo: without one, the first frame
	// does not wait for the simulator's scenario registry to load.
	const scenarios = argv.includes('--demo') ? import('./source/sim/scenarios/registry.js') : {SCENARIO_NAMES: []};
	const [{parseCommandLine}, {SCENARIO_NAMES}] = await Promise.all([import('./source/cli/parse.js'), scenarios]);
	return parseCommandLine(argv, SCENARIO_NAMES);
}

/**
 * While a long history loads, V8 doubles its young generation up to 2 × 16 MB and keeps it
 * for the rest of the run: ~25 MB of RSS that a jump host pays for a 100k-event watch. At
 * its initial 1 MB the load takes as long (the events outlive the young generation anyway)
 * and the peak RSS is that much lower (`npm run bench`). Set before the watch allocates.
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

async function main(argv: readonly string[]): Promise<number> {
	const quick = quickAnswer(argv);
	if (quick === null) cacheCompiledCode();
	const command = quick ?? (await parse(argv));
	switch (command.kind) {
		case 'help': {
			const {helpText} = await import('./source/cli/help.js');
			process.stdout.write(helpText(pkg.description));
			return EXIT.ok;
		}
		case 'version':
			process.stdout.write(`${pkg.version}\n`);
			return EXIT.ok;
		case 'usage-error':
			printError(`${command.message} (see modelarts-watch --help)`);
			return EXIT.usage;
		case 'simulate': {
			const {runSimulate} = await import('./source/cli/simulate.js');
			return runSimulate(command.flags);
		}
		case 'watch': {
			await keepYoungGenerationSmall();
			(await import('./source/cli/first-frame.js')).paintFirstFrame(command.flags);
			const {runWatch} = await import('./source/cli/run.js');
			return runWatch(command.flags);
		}
	}
}

// First: a hang-up must be seen before any other SIGHUP listener or stream error handler.
endOnHangUp();
suspendOnStop();
guardPipes();
installCrashHandlers(process.argv.includes('--debug'));
exitWith(await main(process.argv.slice(2)));
