import {readFileSync} from 'node:fs';
import {beforeAll, describe, expect, it, type TestContext} from 'vitest';
import {startSimulator, type Simulator} from '../../source/sim/server.js';
import {assertBuilt, cleanEnv, records, runCli, spawnCli, waitFor} from './harness.js';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {version: string};
const ESC = '\u001B';

beforeAll(assertBuilt);

/** A simulator per test; `finished` runs its scenario so fast that the first poll sees the end. */
async function simulator(context: TestContext, scenario: string, pace: 'live' | 'finished' = 'live'): Promise<Simulator> {
	const sim = await startSimulator(pace === 'live' ? {scenario, clockStart: 'first-request'} : {scenario, speed: 100_000});
	context.onTestFinished(() => sim.close());
	return sim;
}

const simArgs = (sim: Simulator, ...extra: string[]) => [sim.serviceId, '--endpoint', sim.url, '--project-id', sim.projectId, ...extra];

describe.concurrent('help and version', () => {
	it('--help shows usage, examples and the exit codes, and exits 0', async () => {
		const result = await runCli(['--help']);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('Usage');
		expect(result.stdout).toContain('Examples');
		expect(result.stdout).toMatch(/Exit codes[\s\S]*130/);
	});

	it('--version prints the package version', async () => {
		const result = await runCli(['--version']);
		expect(result).toMatchObject({code: 0, stdout: `${pkg.version}\n`, stderr: ''});
	});
});

describe.concurrent('pipes and terminals', () => {
	it('ends at once and quietly, with 141 (not success), when the reader of stdout goes away (| head -1)', async context => {
		const sim = await simulator(context, 'big-history');
		const child = spawnCli(simArgs(sim, '--output', 'plain'), cleanEnv({MODELARTS_TOKEN: sim.token}));
		let stderr = '';
		child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
		let first = '';
		child.stdout!.setEncoding('utf8').once('data', (chunk: string) => {
			first = chunk;
			child.stdout!.destroy();
		});
		const code = await new Promise<number | null>(resolve => child.once('close', resolve));
		expect(first).not.toBe('');
		expect(code).toBe(141);
		expect(stderr).toBe('');
	});

	it('with stdin not a terminal and --output auto, writes the plain log (no keys, no raw-mode error)', async context => {
		const sim = await simulator(context, 'success', 'finished');
		const result = await runCli(simArgs(sim, '--once'), {env: {MODELARTS_TOKEN: sim.token}});
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('Deployed in');
		expect(result.stderr).not.toMatch(/raw mode/i);
	});
});

describe.concurrent('colour in the plain log', () => {
	const abnormalLine = (stdout: string) => stdout.split('\n').find(line => line.includes('ABNORMAL')) ?? '';

	it.for([
		['no colour outside a terminal by default', {}, false],
		['FORCE_COLOR=1 turns it on', {FORCE_COLOR: '1'}, true],
		['NO_COLOR keeps it off', {NO_COLOR: '1'}, false],
	] as const)('%s', async ([, env, coloured], context) => {
		const sim = await simulator(context, 'failure', 'finished');
		const result = await runCli(simArgs(sim, '--output', 'plain', '--once'), {env: {MODELARTS_TOKEN: sim.token, ...env}});
		expect(abnormalLine(result.stdout)).not.toBe('');
		expect(abnormalLine(result.stdout).includes(ESC)).toBe(coloured);
	});
});

describe.concurrent('diagnostics', () => {
	it('--debug logs one line per request on stderr, with no credential in it', async context => {
		const sim = await startSimulator({scenario: 'success', speed: 100_000, token: 'secret-token-4242'});
		context.onTestFinished(() => sim.close());
		const result = await runCli(simArgs(sim, '--json', '--once', '--debug'), {env: {MODELARTS_TOKEN: sim.token}});
		expect(result.code).toBe(0);
		expect(result.stderr).toMatch(/GET http:\/\/127\.0\.0\.1:\d+\/v1\/.*\/events.* 200/);
		expect(result.stderr).not.toContain('secret-token-4242');
		expect(records(result.stdout).at(-1)).toMatchObject({kind: 'summary'});
	});

	it('--demo --once --json watches the embedded simulator', async () => {
		const result = await runCli(['--demo', '--once', '--json']);
		expect(result.code).toBe(0);
		const lines = records(result.stdout);
		expect(lines[0]).toMatchObject({kind: 'event', event_info: expect.any(String)});
		expect(lines.at(-1)).toMatchObject({kind: 'summary', service_name: expect.any(String)});
	});

	it('--demo --demo-deny monitor=403,logs=404 watches the demo without those APIs, and says so once', async () => {
		const result = await runCli(['--demo', 'success', '--demo-deny', 'monitor=403,logs=404', '--once', '--json']);
		expect(result.code).toBe(0);
		expect(result.stderr.match(/service monitor unavailable \(HTTP 403 ModelArts\.0204\)/g)).toHaveLength(1);
		expect(records(result.stdout).at(-1)).toMatchObject({kind: 'summary', instances: null});
	});

	it('simulate prints how to connect and stops on Ctrl+C with 0', async () => {
		let url = '';
		const result = await runCli(['simulate', '--scenario', 'failure', '--speed', '2'], {
			onStart(child, output) {
				void waitFor(() => output.stdout().includes('Ctrl+C')).then(() => {
					url = /listening on (http:\/\/\S+)/.exec(output.stdout())?.[1] ?? '';
					child.kill('SIGINT');
				});
			},
		});
		expect(result.code).toBe(0);
		expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(result.stdout).toContain('MODELARTS_TOKEN=');
		expect(result.stdout).toContain('--project-id');
	});

	it('simulate rejects a bad option with 2', async () => {
		const result = await runCli(['simulate', '--speed', '-1']);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('--speed');
	});
});
