// What the overview of several services costs a terminal: steady bytes per second with ten
// services deploying (each stays in one phase), at 120×40, as for one service in render.mjs.
import {performance} from 'node:perf_hooks';
import {startProbe} from './pty-probe.mjs';
import {CLI} from './startup.mjs';
import {result} from './stats.mjs';

const SERVICES = 10;
const WARM_UP_MS = 3000;
const WINDOW_MS = 10_000;
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Bytes/s of the overview of ten deploying services over a 10 s window after a warm-up. */
export async function measureOverviewBytes(startSimulator, {cols = 120, rows = 40, extra = [], label = `${cols}x${rows}`} = {}) {
	// 'stuck' reaches image pulling at once at 100x and stays there for over a minute.
	const sim = await startSimulator({scenarios: Array.from({length: SERVICES}, () => 'stuck'), speed: 100});
	const args = [...sim.services.map((service) => service.id), '--endpoint', sim.url, '--project-id', sim.projectId, '--output', 'tty', ...extra];
	const probe = startProbe(process.execPath, [CLI, ...args], {cols, rows, env: {MODELARTS_TOKEN: sim.token}});
	try {
		// Steady state: every service polled once (the first loads, capped at 5 requests/s, take a few seconds).
		await probe.waitForText(`${SERVICES} services · ${SERVICES} deploying`, 30_000);
		await pause(WARM_UP_MS);
		const from = performance.now();
		const requestsBefore = sim.requests.length;
		await pause(WINDOW_MS);
		const rate = probe.bytesBetween(from, performance.now()) / (WINDOW_MS / 1000);
		const requestRate = (sim.requests.length - requestsBefore) / (WINDOW_MS / 1000);
		return [
			result(`steady bytes/s, overview of ${SERVICES} deploying, ${label}`, `${Math.round(rate)} B/s`, '<= 500 B/s', rate <= 500, `${WINDOW_MS / 1000} s window, ${WARM_UP_MS / 1000} s after every service's first poll`),
			result(`requests per second, ${SERVICES} services`, requestRate.toFixed(2), '<= 5 (--max-rate)', requestRate <= 5, 'default --interval 3'),
		];
	} finally {
		await probe.kill();
		await sim.close();
	}
}
