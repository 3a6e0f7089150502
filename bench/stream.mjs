// Memory of the script-facing outputs: `--output json` and `--output plain` print a
// 100,000-event history to a pipe, which the bench reads as fast as it comes.
import {spawn} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {performance} from 'node:perf_hooks';
import {historyEvents, watchArgs} from './sim.mjs';
import {CLI} from './startup.mjs';
import {formatBytes, formatMs, result} from './stats.mjs';

const EVENTS = 100_000;

function peakRss(pid) {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN) * 1024;
}

/** Starts the CLI with stdout on a pipe; resolves once it has printed `lines` lines (at most two minutes). */
function printLines(args, env, lines) {
	const child = spawn(process.execPath, [CLI, ...args], {env: {PATH: process.env.PATH, TZ: 'UTC', ...env}, stdio: ['ignore', 'pipe', 'ignore']});
	const started = performance.now();
	let seen = 0;
	const done = new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`only ${seen} of ${lines} lines after 120 s`)), 120_000);
		child.stdout.on('data', (chunk) => {
			for (const byte of chunk) if (byte === 10) seen++;
			if (seen >= lines) {
				clearTimeout(timer);
				resolve(performance.now() - started);
			}
		});
		child.once('exit', (code) => reject(new Error(`exited ${code} after ${seen} lines`)));
	});
	return {child, done};
}

export async function measureStreamMemory(startSim) {
	const rows = [];
	for (const output of ['json', 'plain']) {
		const sim = await startSim();
		try {
			sim.addEvents(sim.serviceId, historyEvents(EVENTS));
			const {args, env} = watchArgs(sim);
			const {child, done} = printLines(args.map((arg) => (arg === 'tty' ? output : arg)), env, EVENTS);
			try {
				const time = await done;
				const peak = peakRss(child.pid);
				rows.push(result(`RSS with ${EVENTS} events, --output ${output}`, `peak ${formatBytes(peak)}`, '<= 150 MB', peak <= 150 * 1024 * 1024, `all printed after ${formatMs(time)}`));
			} finally {
				child.kill('SIGKILL');
			}
		} finally {
			await sim.close();
		}
	}
	return rows;
}
