import {beforeAll, describe, expect, it, type TestContext} from 'vitest';
import {startSimulator, type Simulator} from '../../source/sim/server.js';
import {assertBuilt, records, runCli, waitFor} from './harness.js';
import {SEED, startSeedServer, type SeedServer} from './seed-server.js';

beforeAll(assertBuilt);

// Concurrent tests must register clean-up on their own context, not the module-level hook.
async function simulator(context: TestContext, scenario: string, speed: number): Promise<Simulator> {
	const sim = await startSimulator({scenario, speed, clockStart: 'first-request'});
	context.onTestFinished(() => sim.close());
	return sim;
}

async function seedServer(context: TestContext): Promise<SeedServer> {
	const server = await startSeedServer();
	context.onTestFinished(() => server.close());
	return server;
}

const simArgs = (sim: Simulator, ...extra: string[]) => [sim.serviceId, '--endpoint', sim.url, '--project-id', sim.projectId, '--interval', '1', ...extra];
const simEnv = (sim: Simulator) => ({env: {MODELARTS_TOKEN: sim.token}});

describe.concurrent('exit codes', () => {
	it('1: the deployment failed (--exit-status)', async context => {
		const sim = await simulator(context, 'failure', 200);
		const result = await runCli(simArgs(sim, '--json', '--exit-status'), simEnv(sim));
		expect(result.code).toBe(1);
		expect(records(result.stdout).at(-1)).toMatchObject({kind: 'summary', outcome: 'failed', status: 'failed'});
	});

	it('0: without --exit-status a watch that ran to its end is not an error', async context => {
		const sim = await simulator(context, 'stuck', 1);
		const result = await runCli(simArgs(sim, '--json', '--once'), simEnv(sim));
		expect(result.code).toBe(0);
		expect(records(result.stdout).at(-1)).toMatchObject({kind: 'summary', outcome: 'in_progress'});
	});

	it('8: still in progress with --once --exit-status', async context => {
		const sim = await simulator(context, 'stuck', 1);
		expect((await runCli(simArgs(sim, '--json', '--once', '--exit-status'), simEnv(sim))).code).toBe(8);
	});

	it('5: --timeout reached, with a note on stderr and an in_progress summary', async context => {
		const sim = await simulator(context, 'stuck', 1);
		const result = await runCli(simArgs(sim, '--json', '--exit-status', '--timeout', '1'), simEnv(sim));
		expect(result.code).toBe(5);
		expect(result.stderr).toContain('--timeout');
		expect(records(result.stdout).at(-1)).toMatchObject({kind: 'summary', outcome: 'in_progress'});
	});

	it('3: the token is rejected; the message names its source, never the token', async context => {
		const server = await seedServer(context);
		const result = await runCli([SEED.serviceId, '--endpoint', server.url, '--project-id', SEED.projectId, '--json'], {env: {MODELARTS_TOKEN: 'wrong-token-98765'}});
		expect(result.code).toBe(3);
		expect(result.stderr).toContain('MODELARTS_TOKEN');
		expect(result.stderr).not.toContain('wrong-token-98765');
		expect(result.stdout).toBe('');
	});

	it('4: the service does not exist', async context => {
		const server = await seedServer(context);
		const result = await runCli(['no-such-service', '--endpoint', server.url, '--project-id', SEED.projectId, '--json'], {env: {MODELARTS_TOKEN: SEED.token}});
		expect(result.code).toBe(4);
		expect(result.stderr).toMatch(/does not exist|not found/i);
	});

	it.for([
		['SIGINT', 130],
		['SIGTERM', 143],
	] as const)('%s ends the watch with the summary and exit %i', async ([signal, code], context) => {
		const sim = await simulator(context, 'stuck', 1);
		const result = await runCli(simArgs(sim, '--json'), {
			...simEnv(sim),
			onStart(child, output) {
				void waitFor(() => output.stdout().includes('"kind":"event"')).then(() => child.kill(signal));
			},
		});
		expect(result.code).toBe(code);
		expect(records(result.stdout).at(-1)).toMatchObject({kind: 'summary', outcome: 'in_progress'});
	});

	it.each([
		['an unknown flag', ['svc', '--bogus'], /^modelarts-watch: unknown flag --bogus \(see modelarts-watch --help\)\n$/],
		['a misspelt flag', ['svc', '--intervall', '5'], /^modelarts-watch: unknown flag --intervall: did you mean --interval\? \(see modelarts-watch --help\)\n$/],
		['--interval below 1', ['svc', '--interval', '0.5', '--endpoint', 'http://127.0.0.1:9'], /--interval/],
		['a bad --output', ['svc', '--output', 'fancy', '--endpoint', 'http://127.0.0.1:9'], /--output/],
		['--include-running without --all', ['a', '--include-running', '--endpoint', 'http://127.0.0.1:9'], /--include-running goes with --all/],
		['no service id', [], /No service to watch: pass a service id/],
		['an unknown demo scenario', ['--demo=nope'], /scenario/i],
		['a mistyped demo scenario', ['--demo', 'sucess'], /^modelarts-watch: --demo takes scenario names, and "sucess" is not one \(did you mean success\?\); the scenarios are .*failure/],
		['a flag where a value belongs', ['--service-name', '--once'], /^modelarts-watch: --service-name needs a value, but the word after it is the flag --once/],
		['an empty value', ['svc', '--endpoint='], /^modelarts-watch: --endpoint needs a value/],
		['a bad --demo-deny', ['--demo', '--demo-deny', 'monitor=500'], /^modelarts-watch: --demo-deny: expected API=STATUS pairs .*"monitor=500" is not one/],
		['--demo-deny without --demo', ['svc', '--demo-deny', 'monitor=403'], /--demo-deny works only with --demo/],
	])('2: %s', async (_name, args, message) => {
		const result = await runCli(args, {env: {MODELARTS_TOKEN: 'some-token-value'}});
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(message);
		expect(result.stdout).toBe('');
	});
});
