// Pipes as scripts use them: several watches writing NDJSON into one pipe (a CI step that
// fans out), and a reader that goes away before the watch ends (| head -1).
import {spawn} from 'node:child_process';
import {beforeAll, describe, expect, it, type TestContext} from 'vitest';
import {startSimulator, type Simulator} from '../../source/sim/server.js';
import {TEST_NODE} from '../fixtures/test-node.js';
import {assertBuilt, CLI, cleanEnv} from './harness.js';

beforeAll(assertBuilt);

async function simulator(context: TestContext, options: Parameters<typeof startSimulator>[0]): Promise<Simulator> {
	const sim = await startSimulator(options);
	context.onTestFinished(() => sim.close());
	return sim;
}

const quote = (word: string) => `'${word.replaceAll("'", "'\\''")}'`;
const cliCommand = (sim: Simulator, ...extra: string[]) =>
	[TEST_NODE, CLI, sim.serviceId, '--endpoint', sim.url, '--project-id', sim.projectId, ...extra].map(quote).join(' ');

/** Runs `script` in bash; resolves with its exit code and what it printed. */
function bash(script: string, env: Record<string, string>): Promise<{code: number | null; stdout: string}> {
	const child = spawn('bash', ['-c', script], {env: cleanEnv(env), stdio: ['ignore', 'pipe', 'ignore']});
	let stdout = '';
	child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
	return new Promise((resolve, reject) => {
		child.once('error', reject);
		child.once('close', code => resolve({code, stdout}));
	});
}

/**
 * `count` old events with texts of many lengths, up to lines near a pipe's atomic 4096 bytes.
 * (A line longer than that is written alone but cannot be atomic: a pipe may take it in parts.)
 */
function history(count: number, label: string) {
	const end = Date.now() - 3_600_000;
	return Array.from({length: count}, (_, index) => ({
		event_type: index % 5 === 0 ? 'abnormal' : 'normal',
		event_info: `${label} event ${index} ${'x'.repeat(index % 1000 === 0 ? 3600 : index % 300)}`,
		occur_time: end - (count - index) * 10,
	}));
}

describe('NDJSON from three watches into one pipe', () => {
	it('every line parses: no line is spliced into another, over 100,000 lines', async context => {
		// Given three services with 34,000 events each, in one simulator
		const sim = await simulator(context, {scenarios: ['success', 'success', 'success'], speed: 100_000});
		for (const [index, service] of sim.services.entries()) sim.addEvents(service.id, history(34_000, `service ${index}`));

		// When three watches print them as NDJSON into the same pipe at once
		const commands = sim.services.map(service =>
			[TEST_NODE, CLI, service.id, '--endpoint', sim.url, '--project-id', sim.projectId, '--output', 'json', '--once'].map(quote).join(' '));
		const {code, stdout} = await bash(`${commands.map(command => `${command} &`).join(' ')} wait`, {MODELARTS_TOKEN: sim.token});

		// Then every line is one whole JSON object, and every event of each arrived
		expect(code).toBe(0);
		const lines = stdout.split('\n').filter(line => line !== '');
		expect(lines.length).toBeGreaterThanOrEqual(102_000);
		const torn = lines.filter(line => {
			try {
				JSON.parse(line);
				return false;
			} catch {
				return true;
			}
		});
		expect(torn).toEqual([]);
		for (const index of [0, 1, 2]) expect(lines.filter(line => line.includes(`"service ${index} event `))).toHaveLength(34_000);
	}, 120_000);
});

describe('a reader that goes away', () => {
	it.for(['plain', 'json'])('--output %s --exit-status | head -1 fails the pipeline with 141 (set -o pipefail)', {timeout: 60_000}, async (output, context) => {
		// Given a deployment with a long history, still under way
		const sim = await simulator(context, {scenario: 'big-history', clockStart: 'first-request'});

		// When its watch is piped into head -1, which leaves after one line
		const {code, stdout} = await bash(`set -o pipefail; ${cliCommand(sim, '--output', output, '--exit-status')} | head -1`, {MODELARTS_TOKEN: sim.token});

		// Then the pipeline fails: the watch never saw the end, so it does not report success
		expect(stdout.split('\n').filter(line => line !== '')).toHaveLength(1);
		expect(code).toBe(141);
	});
});
