// Starts the embedded simulator inside the test process (so tests can add events and read
// its request log) and the built CLI in a pty pointed at it, as a user would run it.
import type {ApiEvent} from '../../source/core/types.js';
import {startSimulator, type Simulator, type SimulatorOptions} from '../../source/sim/server.js';
import {PtySession, type PtyStartOptions} from './harness.js';

const simulators = new Set<Simulator>();

export async function startSim(options: SimulatorOptions): Promise<Simulator> {
	const sim = await startSimulator(options);
	simulators.add(sim);
	return sim;
}

/** For afterEach: closes every simulator a test started. */
export async function closeAllSims(): Promise<void> {
	const open = [...simulators];
	simulators.clear();
	await Promise.all(open.map((sim) => sim.close()));
}

/** The command line and environment that watch `sim`'s main service. */
export function watchCommand(sim: Simulator, extraArgs: readonly string[] = []): Pick<PtyStartOptions, 'args' | 'env'> {
	return {
		args: [sim.serviceId, '--endpoint', sim.url, '--project-id', sim.projectId, ...extraArgs],
		env: {MODELARTS_TOKEN: sim.token},
	};
}

/** The CLI watching `sim` in a cols×rows pty, in the terminal UI. */
export function watchInPty(sim: Simulator, size: {cols: number; rows: number}, extraArgs: readonly string[] = []): PtySession {
	const {args, env} = watchCommand(sim, ['--output', 'tty', ...extraArgs]);
	return PtySession.start({args, env, ...size});
}

/** Polls the simulator's details endpoint until the main service has `status`. */
export async function waitForSimStatus(sim: Simulator, status: string, timeoutMs = 10_000): Promise<void> {
	const url = `${sim.url}/v1/${sim.projectId}/services/${sim.serviceId}`;
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const response = await fetch(url, {headers: {'X-Auth-Token': sim.token}});
		const details = (await response.json()) as {status?: string};
		if (details.status === status) return;
		if (Date.now() > deadline) throw new Error(`simulator still ${String(details.status)} after ${timeoutMs} ms`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

/**
 * `count` old events ("e2e event 01" …), one a minute, ending a day before now, every
 * fifth one abnormal, so filters and pages have something to show.
 */
export function numberedHistory(count: number, endAt = Date.now() - 86_400_000): ApiEvent[] {
	const digits = String(count).length;
	return Array.from({length: count}, (_, index) => ({
		event_type: (index + 1) % 5 === 0 ? 'abnormal' : 'normal',
		event_info: `e2e event ${String(index + 1).padStart(digits, '0')}`,
		occur_time: endAt - (count - index) * 60_000,
	}));
}
