// `modelarts-watch simulate`: the embedded simulator on its own, so scripts, curl and a
// second terminal can be pointed at a ModelArts-shaped API without a cloud account.
import type {DenyPlan} from '../sim/endpoints/deny.js';
import {parseDenyPlan} from '../sim/endpoints/deny.js';
import type {Simulator} from '../sim/server.js';
import {startSimulator} from '../sim/server.js';
import {DEFAULT_SCENARIO, SCENARIO_NAMES} from '../sim/scenarios/registry.js';
import {EXIT} from '../core/ending/exit-codes.js';
import type {SimulateFlags} from './parse.js';
import {printError} from './process-io.js';

interface SimulateOptions {
	readonly port: number;
	/** One watched service per scenario, in one project. */
	readonly scenarios: readonly string[];
	readonly offsetMode: 'page' | 'record';
	readonly speed: number;
	readonly deny: DenyPlan;
}

/** The scenario names of every --scenario, commas splitting one value into several. */
function scenarioNames(values: readonly string[] | undefined): string[] {
	const names = (values ?? []).flatMap((value) => value.split(',')).map((name) => name.trim());
	return names.length === 0 ? [DEFAULT_SCENARIO] : names;
}

/** Validated options, or the message naming the bad flag. */
export function simulateOptions(flags: SimulateFlags): SimulateOptions | string {
	const port = Number(flags.port ?? '0');
	if (!Number.isInteger(port) || port < 0 || port > 65_535) return `--port must be a whole number from 0 to 65535, got "${flags.port}"`;
	const scenarios = scenarioNames(flags.scenario);
	const unknown = scenarios.find((name) => !SCENARIO_NAMES.includes(name));
	if (unknown !== undefined) return `--scenario must be one of ${SCENARIO_NAMES.join(', ')}, got "${unknown}"`;
	const offsetMode = flags.offsetMode ?? 'page';
	if (offsetMode !== 'page' && offsetMode !== 'record') return `--offset-mode must be page or record, got "${offsetMode}"`;
	const speed = Number(flags.speed ?? '1');
	if (!Number.isFinite(speed) || speed <= 0) return `--speed must be a positive number, got "${flags.speed}"`;
	const deny = flags.deny === undefined ? {plan: {}} : parseDenyPlan(flags.deny);
	if ('error' in deny) return `--deny: ${deny.error}`;
	return {port, scenarios, offsetMode, speed, deny: deny.plan};
}

function untilSignal(): Promise<void> {
	return new Promise(resolve => {
		for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => resolve());
	});
}

/** What to print once listening: where, with which credentials, and how to watch. */
export function connectionText(sim: Simulator, options: SimulateOptions): string {
	const connect = `--endpoint ${sim.url} --project-id ${sim.projectId}`;
	const several = sim.services.length > 1;
	const denied = Object.entries(options.deny).map(([endpoint, status]) => `${endpoint} ${status}`);
	const nameWidth = Math.max(...sim.services.map((service) => service.name.length));
	return [
		`ModelArts simulator listening on ${sim.url} (${several ? 'scenarios' : 'scenario'} ${options.scenarios.join(', ')}, speed ${options.speed}x, offset = ${options.offsetMode})`,
		`  project id  ${sim.projectId}`,
		...(several
			? sim.services.map((service, index) => `  ${index === 0 ? 'services  ' : '          '}  ${service.id}  ${service.name.padEnd(nameWidth)}  (${service.scenario})`)
			: [`  service id  ${sim.serviceId}`]),
		`  token       ${sim.token}`,
		...(denied.length > 0 ? [`  denied      ${denied.join(', ')}`] : []),
		'',
		`Watch ${several ? 'them' : 'it'} from another terminal:`,
		`  MODELARTS_TOKEN=${sim.token} modelarts-watch ${sim.services.map((service) => service.id).join(' ')} ${connect}`,
		...(several ? ['or every service still deploying, waiting or pending:', `  MODELARTS_TOKEN=${sim.token} modelarts-watch --all ${connect}`] : []),
		'',
		'Ctrl+C stops it.',
		'',
	].join('\n');
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
	process.stdout.write(connectionText(sim, options));
	await stopped;
	await sim.close();
	return EXIT.ok;
}
