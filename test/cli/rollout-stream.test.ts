// The whole plain/JSON path in one process, on real timers: the simulator serving the
// two-instance scenario, the client, the poll loop and runStream. The monitor cadence is
// shortened with the scenario's clock, so the climb 0/2 → 1/2 → 2/2 is seen in seconds.
import {afterEach, describe, expect, it} from 'vitest';
import {createClient} from '../../source/api/client.js';
import {createWatcher} from '../../source/api/poll/watcher.js';
import {runStream} from '../../source/cli/run-stream.js';
import {createDataNotes} from '../../source/output/data-notes.js';
import {startSimulator, type Simulator} from '../../source/sim/server.js';
import {tokenAuth} from '../api/token-auth.js';
import {makeConfig} from '../fixtures/config.js';

/** The scenario runs this many times faster than real time (48 s become 6 s). */
const SPEED = 8;

const simulators: Simulator[] = [];
afterEach(async () => {
	await Promise.all(simulators.splice(0).map(sim => sim.close()));
});

/** Watches the scenario's service with --json, and --exit-status unless a --timeout (ms) is given. */
async function watchJson(scenario: string, timeoutMs: number | null = null): Promise<{records: Array<Record<string, unknown>>; stderr: string[]; exit: number}> {
	const sim = await startSimulator({scenario, speed: SPEED, clockStart: 'first-request'});
	simulators.push(sim);
	const client = createClient({endpoint: sim.url, projectId: sim.projectId, auth: tokenAuth(sim.token)});
	const stdout: string[] = [];
	const stderr: string[] = [];
	const exit = await runStream({
		config: makeConfig({serviceId: sim.serviceId, output: 'json', exitStatus: timeoutMs === null, timeoutMs, color: false}),
		serviceId: sim.serviceId,
		auth: null,
		// Scaled like the scenario, and read every 4 scenario seconds rather than 10: the 1/2 step
		// lasts 14 scenario seconds, and these tests are about the records, not the cadence.
		createWatcher: onMessage =>
			createWatcher({client, serviceId: sim.serviceId, intervalMs: 200, minGapMs: 100, monitorCadence: {everyCycles: 3, minGapMs: 4000 / SPEED}, stopAfterTerminal: timeoutMs === null, onMessage}),
		stdout: line => stdout.push(line),
		stderr: line => stderr.push(line),
		now: Date.now,
		notes: createDataNotes(line => stderr.push(line)),
	});
	return {records: stdout.map(line => JSON.parse(line) as Record<string, unknown>), stderr, exit};
}

describe('instances in NDJSON, against the simulator', () => {
	it('a deployment whose instances rise 0/2 → 1/2 → 2/2 gives those records in that order, and a 2/2 summary', async () => {
		// Given the two-instance scenario, watched with --json --exit-status
		const {records, exit} = await watchJson('two-instances');

		// Then the instances records climb in order, after the events of the five phases
		expect(exit).toBe(0);
		const counts = records.filter(record => record['kind'] === 'instances').map(record => `${String(record['running'])}/${String(record['total'])}`);
		expect(counts).toEqual(['0/2', '1/2', '2/2']);
		const summary = records.at(-1)!;
		expect(summary).toMatchObject({kind: 'summary', outcome: 'succeeded', instances: {running: 2, total: 2, models: [{model: 'yolo 5.1.0', running: 2, total: 2}]}});
		const phases = summary['phases'] as Array<Record<string, unknown>>;
		expect(phases.every(phase => phase['state'] === 'done')).toBe(true);
	}, 30_000);

	it('a running service that turns concerning with one instance down says so in the records', async () => {
		// Given the concerning scenario (2/2 running, then 1/2 at 46 s), watched past that point
		const {records} = await watchJson('concerning', 8000);

		// Then the counts fell back to 1/2, and the summary says so
		const counts = records.filter(record => record['kind'] === 'instances').map(record => `${String(record['running'])}/${String(record['total'])}`);
		expect(counts.slice(-2)).toEqual(['2/2', '1/2']);
		expect(records.at(-1)).toMatchObject({kind: 'summary', status: 'concerning', instances: {running: 1, total: 2}});
	}, 30_000);
});
