// Start-up costs: --help / --version against a bare `node -e 0`, and the time to the first
// frame in a pty against a bare node program that prints one character in the same pty.
//
// Every process here gets the same clean environment as the pty (ptyEnv): a variable such
// as NODE_EXTRA_CA_CERTS makes every node start ~30 ms slower, which would hide the CLI's
// own cost in both the figure and its baseline.
import {mkdtemp, readFile, writeFile} from 'node:fs/promises';
import {readdirSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath, URL} from 'node:url';
import {ptyEnv, startProbe} from './pty-probe.mjs';
import {watchArgs} from './sim.mjs';
import {formatMs, median, result, spread, timeRun} from './stats.mjs';

export const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const FLAG_RUNS = 15;
const FRAME_RUNS = 9;

/**
 * Runs of the baseline and of each flag are interleaved, so a busy machine slows them
 * alike; one warm-up round first (disk cache).
 */
export function measureHelpAndVersion(node, label) {
	const commands = {baseline: ['-e', '0'], '--help': [CLI, '--help'], '--version': [CLI, '--version']};
	const times = {baseline: [], '--help': [], '--version': []};
	for (let round = 0; round <= FLAG_RUNS; round++) {
		for (const [name, args] of Object.entries(commands)) {
			const time = timeRun(node, args, ptyEnv());
			if (round > 0) times[name].push(time);
		}
	}
	const bare = median(times.baseline);
	const rows = [result(`node -e 0 (baseline), ${label}`, formatMs(bare), '', null, `median of ${spread(times.baseline)}`)];
	for (const flag of ['--help', '--version']) {
		const time = median(times[flag]);
		const ratio = time / bare;
		rows.push(result(`${flag} time, ${label}`, `${formatMs(time)} (${ratio.toFixed(2)}x)`, '<= 1.5x node -e 0', ratio <= 1.5, `median of ${spread(times[flag])}, interleaved`));
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
 * CPU time the process had used by then (read as soon as the chunk is parsed). `quit`: end
 * the CLI with q, as a user does, instead of killing it: node writes its compile cache
 * (Node 22 and later) when a process exits, never when it is killed.
 */
async function timeToVisible(file, args, env, pattern, quit = false) {
	const probe = startProbe(file, args, {cols: 120, rows: 40, env});
	try {
		let cpu = null;
		const shown = probe.arrivalWhen(() => {
			const visible = pattern.test(probe.screenText());
			if (visible) cpu = cpuTimeOf(probe.pid);
			return visible;
		});
		await probe.waitForText(pattern, 20_000);
		const wall = (await shown) - probe.startedAt;
		if (quit) {
			probe.press('q');
			let timer;
			await Promise.race([probe.exit, new Promise(resolve => (timer = setTimeout(resolve, 5000)))]);
			clearTimeout(timer);
		}
		return {wall, cpu};
	} finally {
		await probe.kill();
	}
}

/**
 * A bare program started the way the CLI is: a .js file beside a package.json of the
 * project's module type (so node loads it as an ES module, as it loads dist/cli.js),
 * printing one character. Returns its path.
 */
async function bareProgram() {
	const dir = await mkdtemp(join(tmpdir(), 'modelarts-watch-bench-bare-'));
	const {type} = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
	await writeFile(join(dir, 'package.json'), JSON.stringify({type}));
	await writeFile(join(dir, 'bare.js'), "process.stdout.write('x');\n");
	return join(dir, 'bare.js');
}

/**
 * Interleaved runs, same arguments and environment for both; the CLI's first frame is
 * there when its header (the service id) shows, the baseline's when its character does.
 */
export async function measureFirstFrame(sim, node, label) {
	const bare = await bareProgram();
	const bareRuns = [];
	const cliRuns = [];
	const cliCpu = [];
	for (let run = 0; run <= FRAME_RUNS; run++) {
		const {args, env} = watchArgs(sim);
		const bareTime = (await timeToVisible(node, [bare, ...args], env, /x/)).wall;
		// The first round warms the disk cache, and node's compile cache as any run that ends
		// does: a killed run never writes it, and every run would compile the chunks again.
		const {wall, cpu} = await timeToVisible(node, [CLI, ...args], env, new RegExp(sim.serviceId), run === 0);
		if (run === 0) continue;
		bareRuns.push(bareTime);
		cliRuns.push(wall);
		if (cpu !== null) cliCpu.push(cpu);
	}
	const baseline = median(bareRuns);
	const first = median(cliRuns);
	const rows = [
		result(`bare node first byte in pty (baseline), ${label}`, formatMs(baseline), '', null, `median of ${spread(bareRuns)}; node bare.js, an ES module`),
		result(`time to first frame (header shown), ${label}`, `${formatMs(first)} (${(first / baseline).toFixed(2)}x)`, '<= 2x baseline', first / baseline <= 2, `median of ${spread(cliRuns)}`),
	];
	if (cliCpu.length > 0) {
		rows.push(result(`CPU time to first frame, ${label}`, formatMs(median(cliCpu)), '', null, `median of ${spread(cliCpu)}; all threads, hardly load-dependent`));
	}
	return rows;
}
