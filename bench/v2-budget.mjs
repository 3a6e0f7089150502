// The v2 request budget (issue 24), counted at the simulator while the CLI watches one
// service by id in plain output at the default interval: a deploying v2 service costs at
// most 1.2 requests/s in all (details, events, deployments, pods, pod events, and the v1
// 404 that finds its generation); a running one no more than a running v1 service.
import {spawn} from 'node:child_process';
import {CLI} from './startup.mjs';
import {result} from './stats.mjs';

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const RUNNING_WINDOW_MS = 30_000;

/** The CLI on the simulator's main service; `reached(pattern)` resolves once its output shows it. */
function watchPlain(sim) {
	const args = [sim.serviceId, '--endpoint', sim.url, '--project-id', sim.projectId, '--output', 'plain'];
	const child = spawn(process.execPath, [CLI, ...args], {env: {PATH: process.env.PATH, MODELARTS_TOKEN: sim.token}, stdio: ['ignore', 'pipe', 'ignore']});
	let output = '';
	child.stdout.setEncoding('utf8').on('data', (chunk) => (output += chunk));
	const reached = async (pattern, limitMs) => {
		const deadline = Date.now() + limitMs;
		while (!pattern.test(output)) {
			if (Date.now() > deadline) throw new Error(`the output never showed ${pattern}`);
			await pause(50);
		}
		return Date.now();
	};
	return {child, reached};
}

/** Requests answered in [from, to] (the simulator's clock), per endpoint and per second. */
function countBetween(sim, from, to) {
	const taken = sim.requests.filter((request) => request.at >= from && request.at <= to);
	const byEndpoint = new Map();
	for (const request of taken) {
		const key = `${request.generation ?? ''} ${request.endpoint ?? 'other'}`.trim();
		byEndpoint.set(key, (byEndpoint.get(key) ?? 0) + 1);
	}
	const parts = [...byEndpoint].map(([key, count]) => `${key} ${count}`).join(', ');
	return {perSecond: taken.length / ((to - from) / 1000), total: taken.length, parts};
}

/** From the CLI's start to the end of a v2 deploy that fails (a phase that never finishes). */
async function deploying(startAnySim, scenario) {
	const sim = await startAnySim({scenario, speed: 1});
	const {child, reached} = watchPlain(sim);
	try {
		const from = Date.now();
		const to = await reached(/status\s+failed/, 90_000);
		const seen = countBetween(sim, from, to);
		const value = `${seen.perSecond.toFixed(2)} req/s`;
		return result(`v2 requests/s, deploying (${scenario})`, value, '<= 1.2 req/s', seen.perSecond <= 1.2, `${seen.total} in ${((to - from) / 1000).toFixed(0)} s: ${seen.parts}`);
	} finally {
		child.kill();
		await sim.close();
	}
}

/** Requests/s over RUNNING_WINDOW_MS once the service's status is running. */
async function running(startAnySim, scenario) {
	const sim = await startAnySim({scenario, speed: 4});
	const {child, reached} = watchPlain(sim);
	try {
		const from = await reached(/status\s+running/, 60_000);
		await pause(RUNNING_WINDOW_MS);
		return countBetween(sim, from, from + RUNNING_WINDOW_MS);
	} finally {
		child.kill();
		await sim.close();
	}
}

export async function measureV2Budget(startAnySim) {
	const rows = await Promise.all(['v2-gpu-unschedulable', 'v2-readiness-probe'].map((scenario) => deploying(startAnySim, scenario)));
	const [v2, v1] = await Promise.all([running(startAnySim, 'v2-success'), running(startAnySim, 'success')]);
	const note = (seen) => `${seen.total} in ${RUNNING_WINDOW_MS / 1000} s: ${seen.parts}`;
	rows.push(result('v1 requests/s, running (success)', `${v1.perSecond.toFixed(2)} req/s`, '', null, note(v1)));
	rows.push(result('v2 requests/s, running (v2-success)', `${v2.perSecond.toFixed(2)} req/s`, `<= v1 (${v1.perSecond.toFixed(2)})`, v2.perSecond <= v1.perSecond, note(v2)));
	return rows;
}
