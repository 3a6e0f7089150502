// Peak RSS over a whole minute with a 100,000-event history, not one sample after the load:
// the live view (in a pty) and NDJSON to a pipe read as fast as it comes and to one read
// slowly. VmHWM is the process's high-water mark, so reading it at the minute's end gives
// the peak of the whole minute, however the memory sawed meanwhile.
import {spawn} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {performance} from 'node:perf_hooks';
import {startProbe} from './pty-probe.mjs';
import {waitForHistory} from './render.mjs';
import {historyEvents, watchArgs} from './sim.mjs';
import {CLI} from './startup.mjs';
import {formatBytes, formatMs, result} from './stats.mjs';

const EVENTS = 100_000;
const MINUTE_MS = 60_000;
const TARGET = 150 * 1024 * 1024;
/** The slow reader takes this many bytes a second: the history takes well over the minute. */
const SLOW_BYTES_PER_S = 200 * 1024;
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function memoryOf(pid) {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = (name) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
	return {rss: kb('VmRSS') * 1024, peak: kb('VmHWM') * 1024};
}

async function withHistory(startSim, body) {
	const sim = await startSim();
	try {
		sim.addEvents(sim.serviceId, historyEvents(EVENTS));
		return await body(sim);
	} finally {
		await sim.close();
	}
}

/** The live view at 120×40: the history loads, then a minute of polling with nothing new. */
export function measureLiveMinute(startSim) {
	return withHistory(startSim, async (sim) => {
		const {args, env} = watchArgs(sim);
		const started = performance.now();
		const probe = startProbe(process.execPath, [CLI, ...args], {cols: 120, rows: 40, env});
		try {
			await waitForHistory(probe, EVENTS);
			const loaded = performance.now() - started;
			await pause(Math.max(0, MINUTE_MS - (performance.now() - started)));
			const {rss, peak} = memoryOf(probe.pid);
			return result(`peak RSS over a minute, ${EVENTS} events, live view`, formatBytes(peak), '<= 150 MB', peak <= TARGET, `history shown after ${formatMs(loaded)}; ${formatBytes(rss)} at the minute's end`);
		} finally {
			await probe.kill();
		}
	});
}

/**
 * Reads the child's stdout at `bytesPerSecond` (Infinity: as fast as it comes), counting
 * lines; `fast()` lifts the limit.
 */
function readLines(child, bytesPerSecond) {
	const state = {lines: 0, bytes: 0, rate: bytesPerSecond, allAt: null};
	const started = performance.now();
	child.stdout.on('data', (chunk) => {
		for (const byte of chunk) if (byte === 10) state.lines++;
		state.bytes += chunk.length;
		if (state.lines >= EVENTS && state.allAt === null) state.allAt = performance.now() - started;
		const ahead = state.bytes / state.rate - (performance.now() - started) / 1000;
		if (ahead > 0.01) {
			child.stdout.pause();
			setTimeout(() => child.stdout.resume(), ahead * 1000);
		}
	});
	return {state, fast: () => (state.rate = Number.POSITIVE_INFINITY)};
}

/** `--output json` to a pipe, for a minute; a slow reader then reads on until every line is in. */
export function measureJsonMinute(startSim, {slow}) {
	return withHistory(startSim, async (sim) => {
		const {args, env} = watchArgs(sim);
		const jsonArgs = args.map((arg) => (arg === 'tty' ? 'json' : arg));
		const child = spawn(process.execPath, [CLI, ...jsonArgs], {env: {PATH: process.env.PATH, TZ: 'UTC', ...env}, stdio: ['ignore', 'pipe', 'ignore']});
		try {
			const reader = readLines(child, slow ? SLOW_BYTES_PER_S : Number.POSITIVE_INFINITY);
			await pause(MINUTE_MS);
			const {rss, peak} = memoryOf(child.pid);
			const inMinute = reader.state.lines;
			reader.fast();
			const until = performance.now() + 60_000;
			while (reader.state.allAt === null && performance.now() < until) await pause(100);
			const arrived = reader.state.allAt === null ? `only ${reader.state.lines} lines after another minute` : `all ${EVENTS} lines after ${formatMs(reader.state.allAt)}`;
			const how = slow ? `pipe read at ${formatBytes(SLOW_BYTES_PER_S)}/s (${inMinute} lines in the minute, then fast: ${arrived})` : `pipe read at once (${arrived})`;
			return result(`peak RSS over a minute, ${EVENTS} events, --output json, ${slow ? 'slow' : 'fast'} reader`, formatBytes(peak), '<= 150 MB', peak <= TARGET, `${how}; ${formatBytes(rss)} at the minute's end`);
		} finally {
			child.kill('SIGKILL');
		}
	});
}
