import {beforeAll, describe, expect, it, type TestContext} from 'vitest';
import {NotFoundError, TransientError} from '../../source/api/errors.js';
import type {ServiceLister} from '../../source/cli/service-lookup.js';
import {ServiceWaitTimeout, waitForService} from '../../source/cli/wait-for-service.js';
import type {ServiceSummary} from '../../source/core/types.js';
import {startSimulator, type Simulator} from '../../source/sim/server.js';
import {assertBuilt, records, runCli, waitFor} from './harness.js';

const summary = (name: string, id: string, generation: 'v1' | 'v2'): ServiceSummary => ({service_id: id, service_name: name, status: 'deploying', generation}) as ServiceSummary;

/** A list that answers each call with the next answer (the last one repeats), on a fake clock. */
function scripted(answers: ReadonlyArray<ServiceSummary[] | Error>) {
	let clock = 0;
	const calls: number[] = [];
	const list: ServiceLister = async () => {
		calls.push(clock);
		const answer = answers[Math.min(calls.length - 1, answers.length - 1)]!;
		if (answer instanceof Error) throw answer;
		return answer;
	};

	const notes: string[] = [];
	const base = {list, note: (line: string) => notes.push(line), now: () => clock, sleep: async (ms: number) => void (clock += ms), random: () => 1};
	return {base, calls, notes};
}

describe('waitForService', () => {
	it('lists at the interval until the service appears, in either generation, and says so twice', async () => {
		const {base, calls, notes} = scripted([[], [summary('other', 'o1', 'v1')], [summary('other', 'o1', 'v1'), summary('late', 'id-2', 'v2')]]);
		const id = await waitForService({...base, name: 'late', intervalMs: 3000, timeoutMs: null});
		expect(id).toBe('id-2');
		expect(calls).toEqual([0, 3000, 6000]);
		expect(notes).toEqual([
			'modelarts-watch: no service named "late" yet; waiting for it (checking every 3s, until it appears or you interrupt)',
			'modelarts-watch: service "late" appeared after 6s; watching it',
		]);
	});

	it('says nothing when the service is already there', async () => {
		const {base, notes} = scripted([[summary('now', 'id-1', 'v1')]]);
		expect(await waitForService({...base, name: 'now', intervalMs: 3000, timeoutMs: 10_000})).toBe('id-1');
		expect(notes).toEqual([]);
	});

	it('gives up at --timeout, after one last look at the deadline', async () => {
		const {base, calls} = scripted([[]]);
		await expect(waitForService({...base, name: 'never', intervalMs: 3000, timeoutMs: 7000})).rejects.toThrow(ServiceWaitTimeout);
		expect(calls).toEqual([0, 3000, 6000, 7000]);
	});

	it('backs off on a failing list as the poll loop does, and stops at once on a permanent error', async () => {
		const flaky = scripted([new TransientError('502', 502), new TransientError('502', 502), [summary('late', 'id-3', 'v1')]]);
		expect(await waitForService({...flaky.base, name: 'late', intervalMs: 1000, timeoutMs: null})).toBe('id-3');
		// Full jitter at random() = 1: 1 s, then 2 s.
		expect(flaky.calls).toEqual([0, 1000, 3000]);

		const gone = scripted([new NotFoundError('no such project', 404)]);
		await expect(waitForService({...gone.base, name: 'late', intervalMs: 1000, timeoutMs: null})).rejects.toThrow(NotFoundError);
		expect(gone.calls).toHaveLength(1);
	});
});

beforeAll(assertBuilt);

async function lateSimulator(context: TestContext, speed: number): Promise<Simulator> {
	const sim = await startSimulator({scenario: 'v2-late', speed, clockStart: 'first-request'});
	context.onTestFinished(() => sim.close());
	return sim;
}

const lateArgs = (sim: Simulator, ...extra: string[]) => ['--service-name', 'llm-chat', '--wait-for-service', '--endpoint', sim.url, '--project-id', sim.projectId, '--interval', '1', ...extra];

describe.concurrent('modelarts-watch --service-name NAME --wait-for-service', () => {
	it('waits for a v2 service created later, then follows it to its end (--exit-status)', async context => {
		const sim = await lateSimulator(context, 8);
		const result = await runCli(lateArgs(sim, '--json', '--exit-status', '--timeout', '60'), {env: {MODELARTS_TOKEN: sim.token}});
		expect(result.stderr).toContain('no service named "llm-chat" yet; waiting for it (checking every 1s, for up to 1m00s)');
		expect(result.stderr).toMatch(/service "llm-chat" appeared after \d+s; watching it/);
		expect(result.code).toBe(0);
		expect(records(result.stdout).at(-1)).toMatchObject({kind: 'summary', outcome: 'succeeded'});
		// Waiting read only the lists; the service's own paths were asked only once it existed.
		const v2Details = sim.requests.filter(request => request.generation === 'v2' && request.endpoint !== 'list');
		expect(v2Details.every(request => request.status === 200)).toBe(true);
	}, 30_000);

	it('exits 5 with a clear message when the service does not appear within --timeout', async context => {
		const sim = await lateSimulator(context, 1);
		const result = await runCli(lateArgs(sim, '--output', 'plain', '--exit-status', '--timeout', '2'), {env: {MODELARTS_TOKEN: sim.token}});
		expect(result.code).toBe(5);
		expect(result.stderr).toContain('modelarts-watch: no service named "llm-chat" appeared in this project within 2s (--timeout); nothing was watched.');
		expect(result.stdout).toBe('');
	}, 30_000);

	it('without --timeout waits until interrupted: Ctrl+C ends the wait as it ends any program', async context => {
		const sim = await lateSimulator(context, 0.01);
		const result = await runCli(lateArgs(sim, '--output', 'plain'), {
			env: {MODELARTS_TOKEN: sim.token},
			onStart(child, output) {
				void waitFor(() => output.stderr().includes('until it appears or you interrupt')).then(() => child.kill('SIGINT'));
			},
		});
		// Ended by the signal itself (a shell reports 130), not by a code of its own.
		expect(result.code).toBeNull();
		expect(result.stdout).toBe('');
		expect(sim.requests.filter(request => request.endpoint !== 'list')).toEqual([]);
	}, 30_000);

	it('counts the wait against --timeout: the watch gets only what is left, and the message names the whole --timeout', async context => {
		const sim = await lateSimulator(context, 1);
		const started = Date.now();
		const result = await runCli(lateArgs(sim, '--json', '--exit-status', '--timeout', '12'), {env: {MODELARTS_TOKEN: sim.token}});
		// Appears at 8 s; 32 s of deploy follow, so the watch is cut off near 12 s, not 8 + 12.
		expect(Date.now() - started).toBeLessThan(17_000);
		expect(result.code).toBe(5);
		expect(result.stderr).toContain('--timeout reached after 12s');
		expect(records(result.stdout).at(-1)).toMatchObject({kind: 'summary', outcome: 'in_progress'});
	}, 30_000);

	it.for<{args: readonly string[]}>([
		{args: ['--wait-for-service']},
		{args: ['--wait-for-service', 'some-id']},
		{args: ['--wait-for-service', '--all']},
		{args: ['--wait-for-service', '--service-name', 'a', '--service-name', 'b']},
	])('is a usage error without exactly one --service-name: $args', async ({args}) => {
		const result = await runCli([...args, '--endpoint', 'http://127.0.0.1:1', '--project-id', 'p', '--output', 'plain'], {env: {MODELARTS_TOKEN: 't'}});
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('--wait-for-service waits for one service named by --service-name NAME');
	});
});
