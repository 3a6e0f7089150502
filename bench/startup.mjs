// Start-up costs: --help / --version against a bare `node -e 0`, and the time to the first
// frame in a pty against a bare node that prints one character in the same pty.
import {fileURLToPath, URL} from 'node:url';
import {startProbe} from './pty-probe.mjs';
import {watchArgs} from './sim.mjs';
import {formatMs, median, result, timeRun} from './stats.mjs';

export const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const RUNS = 7;

/**
 * Runs of the baseline and of each flag are interleaved, so a busy machine slows them
 * alike; one warm-up round first (disk cache).
 */
export function measureHelpAndVersion() {
	const commands = {baseline: ['-e', '0'], '--help': [CLI, '--help'], '--version': [CLI, '--version']};
	const times = {baseline: [], '--help': [], '--version': []};
	for (let round = 0; round <= RUNS; round++) {
		for (const [name, args] of Object.entries(commands)) {
			const time = timeRun(process.execPath, args);
			if (round > 0) times[name].push(time);
		}
	}
	const bare = median(times.baseline);
	const rows = [result('node -e 0 (baseline)', formatMs(bare), '', null, `median of ${RUNS}`)];
	for (const flag of ['--help', '--version']) {
		const time = median(times[flag]);
		const ratio = time / bare;
		rows.push(result(`${flag} time`, `${formatMs(time)} (${ratio.toFixed(2)}x)`, '<= 2x node -e 0', ratio <= 2, `median of ${RUNS}, interleaved`));
	}
	return rows;
}

/** Time from spawn to the chunk that made `pattern` visible on the parsed screen. */
async function timeToVisible(file, args, env, pattern) {
	const probe = startProbe(file, args, {cols: 120, rows: 40, env});
	try {
		const shown = probe.arrivalWhen(() => pattern.test(probe.screenText()));
		await probe.waitForText(pattern, 20_000);
		return (await shown) - probe.startedAt;
	} finally {
		await probe.kill();
	}
}

/** Median over five runs each; the CLI's first frame is there when its header (the service id) shows. */
export async function measureFirstFrame(sim) {
	const bareRuns = [];
	const cliRuns = [];
	for (let run = 0; run < 5; run++) {
		bareRuns.push(await timeToVisible(process.execPath, ['-e', "process.stdout.write('x')"], {}, /x/));
		const {args, env} = watchArgs(sim);
		cliRuns.push(await timeToVisible(process.execPath, [CLI, ...args], env, new RegExp(sim.serviceId)));
	}
	const bare = median(bareRuns);
	const first = median(cliRuns);
	return [
		result('bare node first byte in pty (baseline)', formatMs(bare), '', null, 'median of 5'),
		result('time to first frame (header shown)', `${formatMs(first)} (${(first / bare).toFixed(2)}x)`, '<= 3x baseline', first / bare <= 3, 'median of 5'),
	];
}
