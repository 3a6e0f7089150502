// What the live view costs a terminal: steady-state bytes per second, screen clears (also
// across resizes), the time from a key press to the new frame, and memory with many events.
import {readFileSync} from 'node:fs';
import {performance} from 'node:perf_hooks';
import {clearsAfterFirstFrame, startProbe} from './pty-probe.mjs';
import {historyEvents, watchArgs} from './sim.mjs';
import {CLI} from './startup.mjs';
import {formatBytes, formatMs, median, result} from './stats.mjs';

const WARM_UP_MS = 3000;
const WINDOW_MS = 10_000;
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts the CLI in a pty watching `sim`, waits for the header, runs `body`, kills it. */
async function withCli(sim, {cols, rows, extra = []}, body) {
	const {args, env} = watchArgs(sim, extra);
	const probe = startProbe(process.execPath, [CLI, ...args], {cols, rows, env});
	try {
		await probe.waitForText(sim.serviceId, 30_000);
		return await body(probe);
	} finally {
		await probe.kill();
	}
}

/** Bytes/s over a 10 s window after a warm-up, while the scenario's phase keeps running. */
export async function measureSteadyBytes(startSim, {cols, rows, history, extra = [], label}) {
	const sim = await startSim();
	try {
		if (history > 0) sim.addEvents(sim.serviceId, historyEvents(history));
		const rate = await withCli(sim, {cols, rows, extra}, async (probe) => {
			await pause(WARM_UP_MS);
			const from = performance.now();
			await pause(WINDOW_MS);
			return probe.bytesBetween(from, performance.now()) / (WINDOW_MS / 1000);
		});
		return result(`steady bytes/s ${label}`, `${Math.round(rate)} B/s`, '<= 500 B/s', rate <= 500, `${WINDOW_MS / 1000} s window after ${WARM_UP_MS / 1000} s`);
	} finally {
		await sim.close();
	}
}

/** Waits until no byte has arrived for `quietMs` (at most `maxMs`), after a resize. */
async function settle(probe, quietMs = 400, maxMs = 3000) {
	const until = performance.now() + maxMs;
	let last = probe.totalBytes();
	let quietSince = performance.now();
	while (performance.now() < until && performance.now() - quietSince < quietMs) {
		await pause(50);
		if (probe.totalBytes() !== last) {
			last = probe.totalBytes();
			quietSince = performance.now();
		}
	}
}

const RESIZES = [[100, 30], [80, 24], [60, 20], [40, 12], [80, 24], [120, 40], [40, 12], [120, 40]];

/** Clears after the first frame, at 120×40 and through a series of resizes down to 40×12. */
export async function measureClears(startSim) {
	const sim = await startSim();
	try {
		sim.addEvents(sim.serviceId, historyEvents(200));
		const {clears, resizeBytes} = await withCli(sim, {cols: 120, rows: 40}, async (probe) => {
			await settle(probe);
			const before = probe.totalBytes();
			for (const [cols, rows] of RESIZES) {
				probe.resize(cols, rows);
				await settle(probe);
			}
			return {clears: clearsAfterFirstFrame(probe.raw()), resizeBytes: probe.totalBytes() - before};
		});
		return [
			result('full clears (ESC[2J/ESC[3J) after first frame', String(clears), '0', clears === 0, `${RESIZES.length} resizes, 120x40 to 40x12 and back`),
			result('bytes written across the resizes', formatBytes(resizeBytes), '', null, `${RESIZES.length} resizes`),
		];
	} finally {
		await sim.close();
	}
}

/** Time from pressing `o` (toggle order) to the next different screen, median of 9. */
async function keyToFrame(probe) {
	const times = [];
	for (let press = 0; press < 9; press++) {
		await probe.flush();
		const before = probe.screenText();
		const shown = probe.arrivalWhen(() => probe.screenText() !== before);
		const pressedAt = performance.now();
		probe.press('o');
		await probe.waitFor(() => probe.screenText() !== before, 'a new frame after o', 10_000);
		times.push((await shown) - pressedAt);
		await pause(150);
	}
	return median(times);
}

function memoryOf(pid) {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = (name) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
	return {rss: kb('VmRSS') * 1024, peak: kb('VmHWM') * 1024};
}

/** Waits until the footer's "(N events)" count shows the whole history loaded. */
export async function waitForHistory(probe, events) {
	const loaded = () => Number(/\((\d+) events\)/.exec(probe.screenText())?.[1] ?? 0) >= events;
	await probe.waitFor(loaded, `all ${events} events loaded`, 120_000);
}

/** RSS and key-to-frame time with a small and a huge history. */
export async function measureScale(startSim) {
	const rows = [];
	const frameTimes = {};
	for (const events of [100, 100_000]) {
		const sim = await startSim();
		try {
			sim.addEvents(sim.serviceId, historyEvents(events));
			await withCli(sim, {cols: 120, rows: 40}, async (probe) => {
				const started = performance.now();
				await waitForHistory(probe, events);
				const loadTime = performance.now() - started;
				await settle(probe, 1000, 5000);
				frameTimes[events] = await keyToFrame(probe);
				const memory = memoryOf(probe.pid);
				const target = events === 100_000 ? '<= 150 MB' : '';
				const ok = events === 100_000 ? memory.peak <= 150 * 1024 * 1024 : null;
				rows.push(result(`RSS with ${events} events`, `${formatBytes(memory.rss)} (peak ${formatBytes(memory.peak)})`, target, ok, `history shown after ${formatMs(loadTime)}`));
				rows.push(result(`key-to-frame time, ${events} events`, formatMs(frameTimes[events]), '', null, 'median of 9 presses of o'));
			});
		} finally {
			await sim.close();
		}
	}
	const ratio = frameTimes[100_000] / frameTimes[100];
	rows.push(result('frame time 100k vs 100 events', `${ratio.toFixed(2)}x`, 'about 1x (<= 1.5x)', ratio <= 1.5));
	return rows;
}
