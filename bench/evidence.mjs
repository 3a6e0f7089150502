// The evidence budget (issue 25), counted at the simulator while the CLI watches in plain
// output: a clean deployment that then runs makes no model or pool request; a phase that
// stays slow reads its model once and its pool (with nodes and events) at most every 30 s.
import {spawn} from 'node:child_process';
import {CLI} from './startup.mjs';
import {result} from './stats.mjs';

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs the CLI on the simulator's main service for `ms`, then counts the evidence requests. */
async function countDuring(sim, ms) {
	const args = [sim.serviceId, '--endpoint', sim.url, '--project-id', sim.projectId, '--output', 'plain'];
	const child = spawn(process.execPath, [CLI, ...args], {env: {PATH: process.env.PATH, MODELARTS_TOKEN: sim.token}, stdio: 'ignore'});
	try {
		await pause(ms);
	} finally {
		child.kill();
	}
	const count = (endpoint) => sim.requests.filter((request) => request.endpoint === endpoint).length;
	return {model: count('model'), pool: count('pool'), nodes: count('pool-nodes'), events: count('pool-events'), cycles: count('details')};
}

export async function measureEvidenceBudget(startAnySim) {
	const rows = [];
	// 'success' at 4x: about 10 s of clean deployment, then 10 s of a running service.
	const clean = await startAnySim({scenario: 'success', speed: 4});
	try {
		const seen = await countDuring(clean, 20_000);
		const extra = seen.model + seen.pool + seen.nodes + seen.events;
		rows.push(result('evidence requests, clean deploy then running', String(extra), '0', extra === 0, `${seen.cycles} poll cycles in 20 s`));
	} finally {
		await clean.close();
	}
	// 'why-pool-abnormal' at half speed: scheduling is slow from the start and stays so for 70 s.
	const WINDOW_S = 65;
	const slow = await startAnySim({scenario: 'why-pool-abnormal', speed: 0.5});
	try {
		const seen = await countDuring(slow, WINDOW_S * 1000);
		const poolBudget = Math.ceil(WINDOW_S / 30);
		const ok = seen.model <= 1 && seen.pool <= poolBudget && seen.nodes <= poolBudget && seen.events <= poolBudget;
		const value = `model ${seen.model}, pool ${seen.pool}, nodes ${seen.nodes}, events ${seen.events}`;
		rows.push(result('evidence requests, slow phase on a dedicated pool', value, `model <= 1, each pool read <= ${poolBudget}`, ok, `${seen.cycles} poll cycles in ${WINDOW_S} s`));
	} finally {
		await slow.close();
	}
	return rows;
}
