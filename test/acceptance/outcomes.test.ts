// Issue #3, done when: against each simulator scenario, `--output json --once` and
// `--exit-status` summaries give the right outcome, phase states and failing phase, with exit
// 0 succeeded, 1 failed, 8 still in progress (--once --exit-status). Runs dist/cli.js.
import {beforeAll, describe, expect, it} from 'vitest';
import {PHASE_IDS, type PhaseState} from '../../source/core/types.js';
import {assertBuilt, records} from '../cli/harness.js';
import {FINISHED, forbidDetails, simulator, watchSim} from './helpers.js';

beforeAll(assertBuilt);

interface Phase {
	readonly model: string | null;
	readonly phase: string;
	readonly state: PhaseState;
}

function summaryOf(stdout: string): Record<string, unknown> & {phases: Phase[]} {
	const summary = records(stdout).at(-1);
	expect(summary).toMatchObject({kind: 'summary'});
	return summary as Record<string, unknown> & {phases: Phase[]};
}

/** "done done failed pending pending" for one model, the way the tables below read. */
const statesOf = (phases: readonly Phase[], model: string | null) => phases.filter(phase => phase.model === model).map(phase => phase.state).join(' ');

const ALL_DONE = 'done done done done done';

describe.concurrent('--json --exit-status: the summary of a finished deployment', () => {
	it.for([
		// scenario, exit, outcome, status, per-model phase states
		['success', 0, 'succeeded', 'running', {'TF 3.0.0': ALL_DONE}],
		['failure', 1, 'failed', 'failed', {'TF 3.0.0': 'done done failed pending pending'}],
		['multi-model', 0, 'succeeded', 'running', {'resnet 1.0.0': ALL_DONE, 'bert 2.1.0': ALL_DONE}],
		['console', 0, 'succeeded', 'running', {'TF 3.0.0': ALL_DONE}],
		['lifecycles', 0, 'succeeded', 'running', {'TF 3.0.1': ALL_DONE}],
		['recovered', 0, 'succeeded', 'running', {'TF 3.0.0': ALL_DONE}],
		['timeout', 1, 'failed', 'failed', {'TF 3.0.0': 'done done done failed pending'}],
		['concerning', 0, 'succeeded', 'concerning', {'TF 3.0.0': ALL_DONE}],
	] as const)('%s → exit %i, %s', async ([scenario, code, outcome, status, tracks], context) => {
		// Given a simulated service whose deployment has already ended
		const sim = await simulator(context, {scenario, speed: FINISHED});

		// When the CLI waits for its end
		const result = await watchSim(sim, ['--json', '--exit-status']);

		// Then the exit code, outcome and every model's phases say how it ended
		expect(result.code, result.stderr).toBe(code);
		const summary = summaryOf(result.stdout);
		expect(summary).toMatchObject({outcome, status});
		expect(Object.fromEntries(Object.keys(tracks).map(model => [model, statesOf(summary.phases, model)]))).toEqual(tracks);
		// Only the models of the current deployment have tracks (lifecycles: not the old TF 3.0.0)
		expect(new Set(summary.phases.map(phase => phase.model))).toEqual(new Set(Object.keys(tracks)));
		expect(summary.phases).toHaveLength(PHASE_IDS.length * Object.keys(tracks).length);
		if (outcome === 'failed') expect(summary['error_msg']).toEqual(expect.stringMatching(/./));
	});

	it('lifecycles: earlier lifecycles stay in the event list, not in the phases', async context => {
		const sim = await simulator(context, {scenario: 'lifecycles', speed: FINISHED});
		const result = await watchSim(sim, ['--json', '--exit-status']);
		const events = records(result.stdout).filter(line => line['kind'] === 'event');
		expect(events.some(event => String(event['event_info']).includes('[TF 3.0.0]'))).toBe(true);
		expect(events.some(event => String(event['event_info']).includes('[TF 3.0.1]'))).toBe(true);
		expect(summaryOf(result.stdout)['events_total']).toBe(events.length);
	});
});

describe.concurrent('--once --exit-status while a deployment is still running', () => {
	it.for(['stuck', 'success', 'multi-model'])('%s → exit 8 with an in_progress summary and an active phase', async (scenario, context) => {
		// Given a deployment that has just begun (the clock starts at the first request)
		const sim = await simulator(context, {scenario, clockStart: 'first-request'});

		// When the CLI takes one snapshot
		const result = await watchSim(sim, ['--json', '--once', '--exit-status']);

		// Then it says "still in progress" in the exit code and in the summary
		expect(result.code, result.stderr).toBe(8);
		const summary = summaryOf(result.stdout);
		expect(summary).toMatchObject({outcome: 'in_progress', status: 'deploying'});
		expect(summary.phases.some(phase => phase.state === 'done' || phase.state === 'failed')).toBe(false);
	});

	it.for([
		['success', 0],
		['failure', 1],
	] as const)('%s, already over: --once --exit-status → exit %i', async ([scenario, code], context) => {
		const sim = await simulator(context, {scenario, speed: FINISHED});
		expect((await watchSim(sim, ['--json', '--once', '--exit-status'])).code).toBe(code);
	});
});

describe.concurrent('the plain summary names the failing phase, its cause and recovered problems', () => {
	it('failure: the failed phase and the error message', async context => {
		const sim = await simulator(context, {scenario: 'failure', speed: FINISHED});
		const result = await watchSim(sim, ['--output', 'plain', '--exit-status']);
		expect(result.code).toBe(1);
		expect(result.stdout).toMatch(/Deployment failed/);
		expect(result.stdout).toMatch(/failed +Resource scheduling/);
		expect(result.stdout).toContain('error: Failed to deploy the service: [TF 3.0.0] schedule resource failed after 3 retries: insufficient CPU.');
	});

	it('recovered: succeeded, with the image pull marked as having recovered', async context => {
		const sim = await simulator(context, {scenario: 'recovered', speed: FINISHED});
		const result = await watchSim(sim, ['--output', 'plain', '--exit-status']);
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/Deployed in/);
		expect(result.stdout).toMatch(/done +Image pulling +\S* +\(1 abnormal event recovered\)/);
		expect(result.stdout).not.toMatch(/FAILED/);
	});

	it('concerning: succeeded, with a visible warning', async context => {
		const sim = await simulator(context, {scenario: 'concerning', speed: FINISHED});
		const result = await watchSim(sim, ['--output', 'plain', '--exit-status']);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('warning: the service is concerning');
	});
});

describe.concurrent('a server that forbids the details API (403)', () => {
	it('plain: says so on stderr once, and reads the progress from the events', async context => {
		// Given a console-worded deployment whose details API answers 403
		const sim = await simulator(context, {scenario: 'console', speed: FINISHED, routes: [forbidDetails]});

		// When the CLI waits for the end
		const result = await watchSim(sim, ['--output', 'plain', '--exit-status', '--timeout', '20']);

		// Then the events alone ("Service my-service started.") end it as succeeded, and the user was told why
		expect(result.code, result.stderr).toBe(0);
		expect(result.stderr.match(/details unavailable \(HTTP 403[^)]*\): progress is read from the events alone/g)).toHaveLength(1);
		expect(result.stdout).toMatch(/Deployed in/);
	});

	it('json: stdout keeps only records; an events-only deployment still in progress exits 8 with --once', async context => {
		const sim = await simulator(context, {scenario: 'success', speed: FINISHED, routes: [forbidDetails]});
		const result = await watchSim(sim, ['--json', '--once', '--exit-status']);
		expect(result.code).toBe(8);
		expect(result.stderr).toContain('details unavailable');
		const summary = summaryOf(result.stdout);
		expect(summary).toMatchObject({outcome: 'in_progress', status: null});
		expect(statesOf(summary.phases, 'TF 3.0.0')).toBe('done done done done active');
	});
});
