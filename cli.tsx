// Entry point. A bare `--version` or `--help` is answered here with nothing else loaded
// (the help text is written at build time); anything else starts in source/cli/start.ts,
// which installs the process's handlers, reads the flags and runs the watch, the overview,
// the picker or the simulator, each loaded on demand.
import pkg from './package.json' with {type: 'json'};
import {EXIT} from './source/core/ending/exit-codes.js';
import {exitWith, guardPipes} from './source/cli/process-io.js';

type Answer = 'help' | 'version';

/**
 * `--version` and `--help` alone skip even the flag parser: the simulator's scenarios
 * build large tables when loaded, which costs more than these answers.
 */
function quickAnswer(argv: readonly string[]): Answer | null {
	if (argv.length !== 1) return null;
	if (argv[0] === '--version') return 'version';
	if (argv[0] === '--help' || argv[0] === '-h') return 'help';
	return null;
}

async function answer(kind: Answer): Promise<void> {
	if (kind === 'version') {
		process.stdout.write(`${pkg.version}\n`);
		return;
	}

	const {helpText} = await import('./source/cli/help.js');
	process.stdout.write(helpText(pkg.description));
}

// A reader that leaves early (`--help | head -1`) ends any output quietly (exit 141).
guardPipes();
const argv = process.argv.slice(2);
const asked = quickAnswer(argv) ?? (await (await import('./source/cli/start.js')).start(argv));
if (asked !== null) {
	await answer(asked);
	exitWith(EXIT.ok);
}
