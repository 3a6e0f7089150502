// Issue 25's "done when", through the built CLI against the simulator (scenario time faster
// than life, started at the first request): the causes no event states, found in the model's
// health check and the dedicated pool, and the official quota codes, in NDJSON and plain.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {EXIT} from '../../source/core/ending/exit-codes.js';
import {startSimulator, type Simulator, type SimulatorOptions} from '../../source/sim/server.js';
import {assertBuilt, records, runCli} from './harness.js';

beforeAll(assertBuilt);

const simulators: Simulator[] = [];
afterAll(async () => {
	await Promise.all(simulators.splice(0).map(sim => sim.close()));
});

async function simulator(options: SimulatorOptions): Promise<Simulator> {
	const sim = await startSimulator(options);
	simulators.push(sim);
	return sim;
}

/** The CLI watching `sim` to the end of its deployment. */
function watch(sim: Simulator, output: 'plain' | 'json') {
	const args = [sim.serviceId, '--endpoint', sim.url, '--project-id', sim.projectId, '--interval', '1', '--utc', '--output', output, '--exit-status'];
	return runCli(args, {env: {MODELARTS_TOKEN: sim.token}});
}

/** `speed` 5 where a test reads what is said before the time-out: a busy machine still gets its polls in. */
async function run(scenario: string, output: 'plain' | 'json', speed = 10) {
	return watch(await simulator({scenario, speed, clockStart: 'first-request'}), output);
}

interface Summary {
	readonly diagnosis: {readonly category: string; readonly cause: string | null; readonly evidence: ReadonlyArray<{source: string; text: string}>; readonly advice: readonly string[]};
}

async function summaryOf(scenario: string): Promise<Summary['diagnosis']> {
	const {code, stdout} = await run(scenario, 'json');
	expect(code).toBe(EXIT.failed);
	const summary = records(stdout).at(-1)!;
	expect(summary).toMatchObject({kind: 'summary', outcome: 'failed'});
	return (summary as unknown as Summary).diagnosis;
}

/** The summary's `cause:` line and the evidence lines indented under it. */
function causeBlock(stdout: string): string[] {
	const lines = stdout.split('\n');
	const start = lines.findIndex(line => line.startsWith('  cause: '));
	expect(start).toBeGreaterThanOrEqual(0);
	const end = lines.findIndex((line, index) => index > start && !line.startsWith('    '));
	return lines.slice(start, end);
}

const PROBE = /^llm-7b 1\.2\.0: the health check \(HTTP GET \/health\) gives the model 30 s \(delay 0 s \+ 3 × 10 s\); it was starting for 1[78]m when the deployment ended$/;
const POOL_FULL = 'infer-a100 (pool-9c1d…): 0 of 8 GPUs free on 4 schedulable nodes; one instance needs 2';

describe.concurrent('why-probe-delay: a health check with no delay on a model that loads for minutes', () => {
	it('NDJSON: health_check, with the probe URL and its delay as model evidence', async () => {
		const diagnosis = await summaryOf('why-probe-delay');
		expect(diagnosis.category).toBe('health_check');
		expect(diagnosis.evidence[0]).toEqual({source: 'model', text: expect.stringMatching(PROBE)});
	});

	it('plain: the slow line is followed by the health check before the time-out, and the cause quotes it', async () => {
		const {code, stdout} = await run('why-probe-delay', 'plain', 5);
		expect(code).toBe(EXIT.failed);
		const lines = stdout.split('\n');
		const hint = lines.findIndex(line => /^\S+ {2}try {7}The health check likely fails before the model has loaded: .*gives the model 30 s \(delay 0 s \+ 3 × 10 s\); it has been starting for 17m\./.test(line));
		const failed = lines.findIndex(line => /^\S+ {2}cause {5}/.test(line));
		expect(hint).toBeGreaterThan(lines.findIndex(line => /^\S+ {2}slow {6}Model startup of llm-7b 1\.2\.0 has run 17m/.test(line)));
		expect(hint).toBeLessThan(failed);
		const [cause] = causeBlock(stdout);
		expect(cause).toMatch(/^ {2}cause: The health check never succeeded \(llm-7b 1\.2\.0, model startup\): llm-7b 1\.2\.0: the health check \(HTTP GET \/health\) gives the model 30 s \(delay 0 s/);
		expect(stdout).toMatch(/^ {2}try: The model loads longer than its health check waits: raise the initial delay/m);
	});
});

describe.concurrent('why-pool-full: a dedicated pool with no free GPU', () => {
	it('NDJSON: resources, the pool named with its free GPUs ahead of the generic event', async () => {
		const diagnosis = await summaryOf('why-pool-full');
		expect(diagnosis.category).toBe('resources');
		expect(diagnosis.cause).toBe(POOL_FULL);
		expect(diagnosis.evidence).toEqual([
			{source: 'pool', text: POOL_FULL},
			{source: 'events', text: 'Insufficient resources. Wait until idle resources are sufficient.'},
		]);
	});

	it('plain: the pool under cause', async () => {
		const {code, stdout} = await run('why-pool-full', 'plain');
		expect(code).toBe(EXIT.failed);
		expect(causeBlock(stdout)[0]).toBe(`  cause: Not enough resources to place the instances (reranker 2.1.0, resource scheduling): ${POOL_FULL}`);
		expect(stdout).toMatch(/^ {2}try: The dedicated pool has no room for one instance: /m);
	});
});

describe.concurrent('why-pool-abnormal: two nodes Abnormal, one tainted, and no event says so', () => {
	it('NDJSON and plain: resources, the abnormal nodes as cause, the pool phase and the taint as evidence; plain names the pool while slow', async () => {
		const diagnosis = await summaryOf('why-pool-abnormal');
		expect(diagnosis.category).toBe('resources');
		expect(diagnosis.cause).toBe('vision-t4 (pool-5ff6…): 2 of 4 nodes are not Available (192.168.20.11 Abnormal, 192.168.20.12 Abnormal)');
		expect(diagnosis.evidence.map(item => item.source)).toEqual(['pool', 'pool', 'pool', 'pool']);
		expect(diagnosis.advice[0]).toMatch(/^The dedicated pool itself is in trouble: /);
		expect(diagnosis.evidence.map(item => item.text)).toEqual(
			expect.arrayContaining(['vision-t4 (pool-5ff6…) is Abnormal: 2 nodes are abnormal', 'vision-t4 (pool-5ff6…): 1 of 4 nodes are tainted NoSchedule (192.168.20.13: node.kubernetes.io/unreachable)']),
		);

		// In plain, the slow scheduling is said with the pool once it was read, before the time-out
		const {stdout} = await run('why-pool-abnormal', 'plain', 5);
		const lines = stdout.split('\n');
		const slow = lines.findIndex(line => /^\S+ {2}slow {6}Resource scheduling of yolo-det 8\.0\.1 has run 6m/.test(line));
		const hint = lines.findIndex(line => /^\S+ {2}try {7}The dedicated pool is the likely cause: vision-t4 \(pool-5ff6…\) is Abnormal: 2 nodes are abnormal\. Check its nodes in the pool details/.test(line));
		expect(slow).toBeGreaterThanOrEqual(0);
		expect(hint).toBeGreaterThan(slow);
		expect(hint).toBeLessThan(lines.findIndex(line => /^\S+ {2}cause {5}/.test(line)));
		const block = causeBlock(stdout);
		expect(block[0]).toContain('2 of 4 nodes are not Available (192.168.20.11 Abnormal, 192.168.20.12 Abnormal)');
		expect(block).toContain('    pool: vision-t4 (pool-5ff6…) is Abnormal: 2 nodes are abnormal');
	});
});

describe.concurrent('the official limit codes decide quota', () => {
	it.each([
		['ModelArts.3520', 'The number of real-time services has reached the upper limit.', 'maximum number of services of this type reached'],
		['ModelArts.3522', 'Instance creation failed.', 'maximum number of service instances reached'],
	])('%s in the failure: quota, with the code and its meaning', async (code, words, meaning) => {
		// A deployment that fails at once with the code in its event and error_msg (the words alone need not say it)
		const sim = await simulator({scenario: 'success', speed: 1});
		const at = Date.now();
		sim.addEvents(sim.serviceId, [{event_type: 'abnormal', event_info: `${code}: ${words}`, occur_time: at}]);
		sim.setService(sim.serviceId, {status: 'failed', error_msg: `${code}: ${words}`});

		const json = await watch(sim, 'json');
		expect(json.code).toBe(EXIT.failed);
		const {diagnosis} = records(json.stdout).at(-1) as unknown as Summary;
		expect(diagnosis.category).toBe('quota');
		expect(diagnosis.evidence).toContainEqual({source: 'code', text: expect.stringContaining(code)});
		expect(diagnosis.evidence).toContainEqual({source: 'code', text: expect.stringContaining(meaning)});

		const plain = await watch(sim, 'plain');
		expect(causeBlock(plain.stdout).join('\n')).toMatch(new RegExp(`^ {4}code: .*${code.replace('.', '\\.')}`, 'm'));
	});
});
