// `modelarts-watch simulate`: the embedded simulator on its own, so scripts, curl and a
// second terminal can be pointed at a ModelArts-shaped API without a cloud account.
import process from 'node:process';
import {startSimulator} from '../sim/server.js';
import {DEFAULT_SCENARIO, SCENARIO_NAMES} from '../sim/scenarios.js';
import {EXIT} from '../model/exit-codes.js';
import type {SimulateFlags} from './parse.js';
import {printError} from './process-io.js';

interface SimulateOptions {
	readonly port: number;
	readonly scenario: string;
	readonly offsetMode: 'page' | 'record';
	readonly speed: number;
}

/** Validated options, or the message naming the bad flag. */
export function simulateOptions(flags: SimulateFlags): SimulateOptions | string {
	const port = Number(flags.port ?? '0');
	if (!Number.isInteger(port) || port < 0 || port > 65_535) return `--port must be a whole number from 0 to 65535, got "${flags.port}"`;
	const scenario = flags.scenario ?? DEFAULT_SCENARIO;
	if (!SCENARIO_NAMES.includes(scenario)) return `--scenario must be one of ${SCENARIO_NAMES.join(', ')}, got "${scenario}"`;
	const offsetMode = flags.offsetMode ?? 'page';
	if (offsetMode !== 'page' && offsetMode !== 'record') return `--offset-mode must be page or record, got "${offsetMode}"`;
	const speed = Number(flags.speed ?? '1');
	if (!Number.isFinite(speed) || speed <= 0) return `--speed must be a positive number, got "${flags.speed}"`;
	return {port, scenario, offsetMode, speed};
}

function untilSignal(): Promise<void> {
	return new Promise(resolve => {
		for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => resolve());
	});
}

/** Runs the simulator until Ctrl+C (a normal end: exit 0). */
export async function runSimulate(flags: SimulateFlags): Promise<number> {
	const options = simulateOptions(flags);
	if (typeof options === 'string') {
		printError(`${options} (see modelarts-watch --help)`);
		return EXIT.usage;
	}

	let sim;
	try {
		sim = await startSimulator(options);
	} catch (error) {
		printError(`cannot start the simulator: ${error instanceof Error ? error.message : String(error)}`);
		return EXIT.usage;
	}

	// Listen before telling anyone how to stop it, so an early Ctrl+C is never lost.
	const stopped = untilSignal();
	process.stdout.write(
		[
			`ModelArts simulator listening on ${sim.url} (scenario ${sim.scenario}, speed ${options.speed}x, offset = ${options.offsetMode})`,
			`  project id  ${sim.projectId}`,
			`  service id  ${sim.serviceId}`,
			`  token       ${sim.token}`,
			'',
			'Watch it from another terminal:',
			`  MODELARTS_TOKEN=${sim.token} modelarts-watch ${sim.serviceId} --endpoint ${sim.url} --project-id ${sim.projectId}`,
			'',
			'Ctrl+C stops it.',
			'',
		].join('\n'),
	);
	await stopped;
	await sim.close();
	return EXIT.ok;
}
