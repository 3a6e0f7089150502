// Shared pieces of the acceptance tests: a simulator per test (closed when the test ends)
// and the command line that watches its main service with the built CLI.
import type {IncomingMessage, ServerResponse} from 'node:http';
import type {TestContext} from 'vitest';
import {startSimulator, type Simulator, type SimulatorOptions, type SimRoute} from '../../source/sim/server.js';
import {runCli, type CliResult, type RunOptions} from '../cli/harness.js';

/** Runs a scenario so fast that the first poll already sees its end. */
export const FINISHED = 100_000;

export async function simulator(context: TestContext, options: SimulatorOptions): Promise<Simulator> {
	const sim = await startSimulator(options);
	context.onTestFinished(() => sim.close());
	return sim;
}

/** Runs the CLI against `sim`'s main service (1 s polls); `extra` are the flags under test. */
export function watchSim(sim: Simulator, extra: readonly string[], options: RunOptions = {}): Promise<CliResult> {
	const args = [sim.serviceId, '--endpoint', sim.url, '--project-id', sim.projectId, '--interval', '1', ...extra];
	return runCli(args, {...options, env: {MODELARTS_TOKEN: sim.token, ...options.env}});
}

const DETAILS_PATH = /^\/v1\/[^/]+\/services\/[^/]+\/?$/;

/** A gateway policy that forbids the service details API (403) but lets the events through. */
export const forbidDetails: SimRoute = (request: IncomingMessage, response: ServerResponse) => {
	if (!DETAILS_PATH.test(new URL(request.url ?? '/', 'http://sim.local').pathname)) return false;
	response.writeHead(403, {'content-type': 'application/json'});
	response.end(JSON.stringify({error_code: 'ModelArts.0204', error_msg: 'Policy doesn\'t allow modelarts:service:get to be performed.'}));
	return true;
};
