// Several services in one run, as scripts use it: the built CLI against the simulator serving
// several scenarios as services of one project (the "done when", at a faster speed).
import {beforeAll, describe, expect, it, type TestContext} from 'vitest';
import {startSimulator, type Simulator} from '../../source/sim/server.js';
import {assertBuilt, records, runCli} from './harness.js';

beforeAll(assertBuilt);

async function simulator(context: TestContext, scenarios: string[], speed: number): Promise<Simulator> {
	const sim = await startSimulator({scenarios, speed, clockStart: 'first-request'});
	context.onTestFinished(() => sim.close());
	return sim;
}

const connect = (sim: Simulator) => ['--endpoint', sim.url, '--project-id', sim.projectId];
const env = (sim: Simulator) => ({env: {MODELARTS_TOKEN: sim.token}});
const ids = (sim: Simulator) => sim.services.map(service => service.id);

/** The events the simulator holds for a service now, oldest first (its own API, read directly). */
async function serverEvents(sim: Simulator, serviceId: string): Promise<string[]> {
	const response = await fetch(`${sim.url}/v1/${sim.projectId}/services/${serviceId}/events?order=asc&limit=1000`, {headers: {'X-Auth-Token': sim.token}});
	const page = (await response.json()) as {events: Array<{event_info: string; occur_time: number}>};
	return page.events.map(event => `${event.occur_time} ${event.event_info}`);
}

describe.concurrent('modelarts-watch A B C --json', () => {
	it('one succeeds, one fails, one stays deploying: every event once, a summary each, summary-all in_progress, exit 5 at the timeout', async context => {
		// Given three services: success, failure and stuck (scenario time 20× faster)
		const sim = await simulator(context, ['success', 'failure', 'stuck'], 20);
		const [success, failure, stuck] = ids(sim) as [string, string, string];

		// When they are watched with --exit-status and a timeout the stuck one cannot meet
		const result = await runCli([...ids(sim), ...connect(sim), '--json', '--exit-status', '--timeout', '8', '--interval', '1'], env(sim));

		// Then the run gives up with 5, and stderr says how many were left
		expect(result.code).toBe(5);
		expect(result.stderr).toContain('1 of 3 services is still in progress');
		const lines = records(result.stdout);

		// Every record names its service
		expect(lines.filter(line => line['kind'] !== 'summary-all').every(line => ids(sim).includes(line['service_id'] as string))).toBe(true);

		// Each ended service's events, exactly once and in order; the stuck one's are a prefix of the server's
		const eventsOf = (id: string) => lines.filter(line => line['kind'] === 'event' && line['service_id'] === id).map(line => `${line['occur_time']} ${line['event_info']}`);
		expect(eventsOf(success)).toEqual(await serverEvents(sim, success));
		expect(eventsOf(failure)).toEqual(await serverEvents(sim, failure));
		const stuckOnServer = await serverEvents(sim, stuck);
		expect(eventsOf(stuck).length).toBeGreaterThan(0);
		expect(stuckOnServer.slice(0, eventsOf(stuck).length)).toEqual(eventsOf(stuck));

		// A summary per service with its outcome, in the order given, then summary-all last
		const summaries = lines.filter(line => line['kind'] === 'summary');
		expect(summaries.map(line => [line['service_id'], line['outcome']])).toEqual([
			[success, 'succeeded'],
			[failure, 'failed'],
			[stuck, 'in_progress'],
		]);
		expect(lines.at(-1)).toEqual({
			kind: 'summary-all',
			outcome: 'in_progress',
			services: [
				{service_id: success, service_name: 'service-07085', outcome: 'succeeded', error: null},
				{service_id: failure, service_name: 'failure-02', outcome: 'failed', error: null},
				{service_id: stuck, service_name: 'stuck-03', outcome: 'in_progress', error: null},
			],
		});
	}, 30_000);

	it('without the stuck one, --exit-status ends when both ended: exit 1 because one failed', async context => {
		const sim = await simulator(context, ['success', 'failure'], 20);
		const result = await runCli([...ids(sim), ...connect(sim), '--json', '--exit-status', '--timeout', '20', '--interval', '1'], env(sim));

		expect(result.code).toBe(1);
		expect(records(result.stdout).at(-1)).toMatchObject({kind: 'summary-all', outcome: 'failed'});
	}, 30_000);

	it('--all takes exactly the services in progress; --include-running adds the running one', async context => {
		// Given the three scenario services (deploying) and their neighbours: running, stopped and failed
		const sim = await simulator(context, ['success', 'failure', 'stuck'], 1);
		const watched = async (...extra: string[]) => {
			const result = await runCli(['--all', ...extra, ...connect(sim), '--json', '--once'], env(sim));
			expect(result.code).toBe(0);
			const all = records(result.stdout).at(-1)!;
			return (all['services'] as Array<{service_name: string}>).map(service => service.service_name).sort();
		};

		expect(await watched()).toEqual(['failure-02', 'service-07085', 'stuck-03']);
		expect(await watched('--include-running')).toEqual(['failure-02', 'image-classifier', 'service-07085', 'stuck-03']);
	}, 30_000);

	it('a service that does not exist marks its own record; the others are watched to their end (exit 1)', async context => {
		const sim = await simulator(context, ['success'], 20);
		const result = await runCli([sim.serviceId, 'no-such-service', ...connect(sim), '--json', '--exit-status', '--timeout', '20', '--interval', '1'], env(sim));

		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/no-such-service +modelarts-watch: .*does not exist/);
		const lines = records(result.stdout);
		expect(lines.filter(line => line['kind'] === 'summary').map(line => line['service_id'])).toEqual([sim.serviceId]);
		expect(lines.at(-1)).toMatchObject({
			kind: 'summary-all',
			outcome: 'failed',
			services: [
				{service_id: sim.serviceId, outcome: 'succeeded', error: null},
				{service_id: 'no-such-service', service_name: null, outcome: 'failed', error: expect.stringContaining('does not exist')},
			],
		});
	}, 30_000);

	it('a credential rejected for every service ends the watch with 3 and no summaries', async context => {
		const sim = await simulator(context, ['success', 'failure'], 1);
		const result = await runCli([...ids(sim), ...connect(sim), '--json', '--interval', '1'], {env: {MODELARTS_TOKEN: 'wrong-token-98765'}});

		expect(result.code).toBe(3);
		expect(records(result.stdout)).toEqual([]);
		expect(result.stderr).toContain('MODELARTS_TOKEN was rejected');
	}, 30_000);

	it('plain lines carry the service name in a column of one width, and the set closes the log', async context => {
		const sim = await simulator(context, ['success', 'failure'], 20);
		const result = await runCli([...ids(sim), ...connect(sim), '--output', 'plain', '--exit-status', '--interval', '1', '--utc'], env(sim));

		expect(result.code).toBe(1);
		const lines = result.stdout.split('\n').filter(line => line !== '');
		expect(lines.at(-1)).toBe('all 2 services: 1 succeeded, 1 failed');
		for (const line of lines.slice(0, -1)) expect(line).toMatch(/^(service-07085|failure-02 {3}) {2}/);
		expect(result.stdout).toMatch(/^failure-02 {5}\d\d:\d\d:\d\dZ {2}phase {5}\[TF 3\.0\.0\] Resource scheduling FAILED/m);
		expect(result.stdout).toMatch(/^service-07085 {2}Deployed in \d+s/m);
	}, 30_000);
});

describe('polling ten services at --interval 1', () => {
	it('never exceeds 5 requests per second, counted at the server', async context => {
		// Given ten services deploying, and a watch of all of them at the shortest interval
		const sim = await simulator(context, Array.from({length: 10}, () => 'stuck'), 1);
		const result = await runCli([...ids(sim), ...connect(sim), '--json', '--interval', '1', '--timeout', '8'], env(sim));
		expect(result.code).toBe(5);

		// Then, at the server, no second holds more than 5 requests
		const arrivals = sim.requests.map(request => request.at);
		const busiest = Math.max(...arrivals.map(start => arrivals.filter(at => at >= start && at < start + 1000).length));
		expect(busiest).toBeLessThanOrEqual(5);
		// And every service was polled: the cap spreads them out, it leaves none out
		expect(new Set(sim.requests.filter(request => request.endpoint === 'events').map(request => request.path)).size).toBe(10);
	}, 30_000);
});
