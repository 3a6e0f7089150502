// Start-up costs: --help / --version against a bare `node -e 0`, and the time to the first
// frame in a pty against a bare node that prints one character in the same pty.
import {readdirSync, readFileSync} from 'node:fs';
import {fileURLToPath, URL} from 'node:url';
import {startProbe} from './pty-probe.mjs';
import {watchArgs} from './sim.mjs';
import {formatMs, median, result, spread, timeRun} from './stats.mjs';

export const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const FLAG_RUNS = 15;
const FRAME_RUNS = 9;

/**
 * Runs of the baseline and of each flag are interleaved, so a busy machine slows them
 * alike; one warm-up round first (disk cache).
 */
export function measureHelpAndVersion() {
	const commands = {baseline: ['-e', '0'], '--help': [CLI, '--help'], '--version': [CLI, '--version']};
	const times = {baseline: [], '--help': [], '--version': []};
	for (let round = 0; round <= FLAG_RUNS; round++) {
		for (const [name, args] of Object.entries(commands)) {
			const time = timeRun(process.execPath, args);
			if (round > 0) times[name].push(time);
		}
	}
	const bare = median(times.baseline);
	const rows = [result('node -e 0 (baseline)', formatMs(bare), '', null, `median of ${spread(times.baseline)}`)];
	for (const flag of ['--help', '--version']) {
		const time = median(times[flag]);
		const ratio = time / bare;
		rows.push(result(`${flag} time`, `${formatMs(time)} (${ratio.toFixed(2)}x)`, '<= 2x node -e 0', ratio <= 2, `median of ${spread(times[flag])}, interleaved`));
	}
	return rows;
}

/**
 * CPU time a process and its threads have used so far, in ms (Linux: /proc schedstat, ns
 * precision), or null elsewhere. Unlike wall time it hardly depends on what else runs.
 */
function cpuTimeOf(pid) {
	try {
		let nanoseconds = 0;
		for (const task of readdirSync(`/proc/${pid}/task`)) {
			nanoseconds += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
		}
		return nanoseconds / 1e6;
	} catch {
		return null;
	}
}

/**
 * Time from spawn to the chunk that made `pattern` visible on the parsed screen, and the
 * CPU time the process had used by then (read as soon as the chunk is parsed).
 */
async function timeToVisible(file, args, env, pattern) {
	const probe = startProbe(file, args, {cols: 120, rows: 40, env});
	try {
		let cpu = null;
		const shown = probe.arrivalWhen(() => {
			const visible = pattern.test(probe.screenText());
			if (visible) cpu = cpuTimeOf(probe.pid);
			return visible;
		});
		await probe.waitForText(pattern, 20_000);
		return {wall: (await shown) - probe.startedAt, cpu};
	} finally {
		await probe.kill();
	}
}

/** Interleaved runs; the CLI's first frame is there when its header (the service id) shows. */
export async function measureFirstFrame(sim) {
	const bareRuns = [];
	const cliRuns = [];
	const cliCpu = [];
	for (let run = 0; run < FRAME_RUNS; run++) {
		bareRuns.push((await timeToVisible(process.execPath, ['-e', "process.stdout.write('x')"], {}, /x/)).wall);
		const {args, env} = watchArgs(sim);
		const {wall, cpu} = await timeToVisible(process.execPath, [CLI, ...args], env, new RegExp(sim.serviceId));
		cliRuns.push(wall);
		if (cpu !== null) cliCpu.push(cpu);
	}
	const bare = median(bareRuns);
	const first = median(cliRuns);
	const rows = [
		result('bare node first byte in pty (baseline)', formatMs(bare), '', null, `median of ${spread(bareRuns)}`),
		result('time to first frame (header shown)', `${formatMs(first)} (${(first / bare).toFixed(2)}x)`, '<= 3x baseline', first / bare <= 3, `median of ${spread(cliRuns)}`),
	];
	if (cliCpu.length > 0) {
		rows.push(result('CPU time to first frame', formatMs(median(cliCpu)), '', null, `median of ${spread(cliCpu)}; all threads, hardly load-dependent`));
	}
	return rows;
}
