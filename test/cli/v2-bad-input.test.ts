// v2 answers that break the API's promises, served by the simulator through a route that
// bends its real answers: the built CLI says each problem once, loses no event, and follows
// the deploy to its end (issue 24, "Budget and bad input").
import type {IncomingMessage, ServerResponse} from 'node:http';
import {beforeAll, describe, expect, it, type TestContext} from 'vitest';
import {V2_SERVICE_ID} from '../../source/sim/scenarios/v2.js';
import {startSimulator, type SimRoute, type Simulator} from '../../source/sim/server.js';
import {assertBuilt, records, runCli} from './harness.js';

beforeAll(assertBuilt);

type Json = Record<string, unknown>;
type Bend = (body: unknown, answer: number) => unknown;

/** Details: an unknown status at first, update_at before create_at, a mistyped time-out, no description. */
const details: Bend = (body, answer) => {
	const {description: _gone, ...rest} = body as Json;
	return {...rest, ...(answer <= 2 ? {status: 'HIBERNATING'} : {}), update_at: Number(rest['create_at']) - 60_000, deploy_timeout_minutes: 'soon'};
};

/** Events: a mistyped count, a time that runs backwards, and a count that falls back every other answer. */
const events: Bend = (body, answer) => {
	const page = body as {data: Json[]};
	const bent = page.data.map(event => {
		if (event['event_info'] === 'building image') return {...event, event_count: 'x'};
		if (event['event_info'] === 'pull image success') return {...event, update_at: Number(event['create_at']) - 5000};
		if (String(event['event_info']).startsWith('waiting for idle') && answer % 2 === 0) return {...event, event_count: 1};
		return event;
	});
	return {...page, data: bent};
};

/** Deployments whose counts are text at first: unknown for a while, right again later. */
const deployments: Bend = (body, answer) => {
	const page = body as {data: Json[]};
	return answer <= 2 ? {...page, data: page.data.map(deployment => ({...deployment, running_count: 'none yet'}))} : page;
};

/** Pod events as an object holding the array, not the array itself. */
const podEvents: Bend = body => ({events: body});

function bendFor(path: string): Bend | null {
	if (!path.includes(`/v2/`) || !path.includes(V2_SERVICE_ID)) return null;
	if (/\/pods\/[^/]+\/events$/.test(path)) return podEvents;
	if (path.endsWith(`${V2_SERVICE_ID}/events`)) return events;
	if (path.endsWith(`${V2_SERVICE_ID}/deployments`)) return deployments;
	if (path.endsWith(V2_SERVICE_ID)) return details;
	return null;
}

/** A route in front of the simulator's API that asks the simulator itself and bends the answer. */
function bending(url: () => string): SimRoute {
	const answers = new Map<Bend, number>();
	return (req: IncomingMessage, res: ServerResponse) => {
		const bend = req.headers['x-unbent'] ? null : bendFor(new URL(req.url ?? '/', 'http://x').pathname);
		if (bend === null) return false;
		const answer = (answers.get(bend) ?? 0) + 1;
		answers.set(bend, answer);
		void (async () => {
			const response = await fetch(`${url()}${req.url}`, {headers: {'x-auth-token': String(req.headers['x-auth-token']), 'x-unbent': '1'}});
			const body = (await response.json()) as unknown;
			res.writeHead(response.status, {'content-type': 'application/json'});
			res.end(JSON.stringify(response.ok ? bend(body, answer) : body));
		})();
		return true;
	};
}

async function bentSimulator(context: TestContext): Promise<Simulator> {
	let url = '';
	const sim = await startSimulator({scenario: 'v2-success', speed: 2, clockStart: 'first-request', routes: [bending(() => url)]});
	url = sim.url;
	context.onTestFinished(() => sim.close());
	return sim;
}

const ALL_EVENTS = [
	'start to deploy service', 'building image', 'build image success', 'preparing environment', 'prepare environment success', 'waiting for idle resources in the pool',
	'schedule resource success', 'pulling image', 'pull image success', 'starting model', 'service deployment succeeded',
];

describe('a v2 service whose answers break the promises', () => {
	it('--json: every event once, each problem said once on stderr, the deploy followed to success', async context => {
		const sim = await bentSimulator(context);
		const result = await runCli([V2_SERVICE_ID, '--endpoint', sim.url, '--project-id', sim.projectId, '--interval', '1', '--json', '--exit-status', '--timeout', '60'], {env: {MODELARTS_TOKEN: sim.token}});

		expect(result.stderr).not.toMatch(/unexpected/i);
		expect(result.code).toBe(0);
		const lines = records(result.stdout);
		const infos = lines.filter(line => line['kind'] === 'event').map(line => line['event_info']);
		expect([...infos].sort()).toEqual([...ALL_EVENTS].sort());
		expect(lines.filter(line => line['kind'] === 'status').map(line => line['status'])).toContain('hibernating');
		expect(lines.at(-1)).toMatchObject({kind: 'summary', outcome: 'succeeded', instances: {running: 2, total: 2}});

		const notes = result.stderr.split('\n').filter(line => line !== '');
		expect(new Set(notes).size).toBe(notes.length);
		for (const problem of [/event_count missing or invalid/, /update_at earlier than create_at/, /service details: update_at is earlier than create_at/, /deploy_timeout_minutes/, /status "HIBERNATING" is not one the watch knows/, /v2 pod events: the answer is an object, not a list/, /count went down/, /running_count missing or not a count/]) {
			expect(notes.filter(line => problem.test(line))).toHaveLength(1);
		}
	}, 60_000);
});
