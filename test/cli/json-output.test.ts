import {beforeAll, describe, expect, it, type TestContext} from 'vitest';
import {PHASE_IDS} from '../../source/core/types.js';
import {assertBuilt, records, runCli} from './harness.js';
import {SEED, SEED_EVENTS, startSeedServer, type SeedServer} from './seed-server.js';

beforeAll(assertBuilt);

/** A fresh seed server per test (its status moves on with each details request). */
async function watchSeed(context: TestContext, ...extra: string[]) {
	const server: SeedServer = await startSeedServer();
	context.onTestFinished(() => server.close());
	return runCli([SEED.serviceId, '--endpoint', server.url, '--project-id', SEED.projectId, '--interval', '1', ...extra], {env: {MODELARTS_TOKEN: SEED.token}});
}

describe.concurrent('--output json --exit-status against the seed deployment', () => {
	it('prints the nine events once each, oldest first, then a succeeded summary with five done phases; exit 0', async context => {
		const result = await watchSeed(context, '--output', 'json', '--exit-status');

		expect(result.code).toBe(0);
		const lines = records(result.stdout);
		const events = lines.filter(line => line['kind'] === 'event');
		expect(events.map(event => event['event_info'])).toEqual(SEED_EVENTS.map(event => event.event_info));
		expect(events.map(event => event['occur_time'])).toEqual(SEED_EVENTS.map(event => event.occur_time));
		const summary = lines.at(-1)!;
		expect(summary).toMatchObject({kind: 'summary', service_id: SEED.serviceId, service_name: 'service-07085', outcome: 'succeeded', status: 'running', events_total: 9});
		const phases = summary['phases'] as Array<Record<string, unknown>>;
		expect(phases.map(phase => phase['phase'])).toEqual([...PHASE_IDS]);
		expect(phases.every(phase => phase['state'] === 'done')).toBe(true);
		expect(summary['diagnosis']).toBeNull();
		expect(lines.filter(line => line['kind'] === 'summary')).toHaveLength(1);
	});

	it('writes only well-formed records of the documented shapes', async context => {
		const lines = records((await watchSeed(context, '--json', '--exit-status')).stdout);

		for (const line of lines) {
			switch (line['kind']) {
				case 'event':
					expect(Object.keys(line).sort()).toEqual(['count', 'event_info', 'event_type', 'id', 'kind', 'last_at', 'model', 'occur_time', 'phase', 'service_id', 'time']);
					expect(line['time']).toBe(new Date(line['occur_time'] as number).toISOString());
					expect(['normal', 'abnormal']).toContain(line['event_type']);
					expect([null, ...PHASE_IDS]).toContain(line['phase']);
					break;
				case 'status':
					expect(Object.keys(line).sort()).toEqual(['due_time', 'error_msg', 'kind', 'progress', 'service_id', 'status']);
					break;
				case 'summary':
					expect(Object.keys(line).sort()).toEqual(['degraded', 'diagnosis', 'error_msg', 'events_total', 'instances', 'kind', 'outcome', 'phases', 'service_id', 'service_name', 'status']);
					for (const phase of line['phases'] as Array<Record<string, unknown>>) {
						expect(Object.keys(phase).sort()).toEqual(['cause', 'duration_ms', 'ended_at', 'model', 'phase', 'started_at', 'state', 'warnings']);
					}

					break;
				default:
					throw new Error(`unexpected record ${JSON.stringify(line)}`);
			}
		}

		expect(lines.filter(line => line['kind'] === 'status').map(line => line['status'])).toEqual(['deploying', 'running']);
		// Every object names its service, also when the watch has only one, right after its kind
		expect(lines.every(line => line['service_id'] === SEED.serviceId && Object.keys(line)[1] === 'service_id')).toBe(true);
	});
});

describe.concurrent('--output plain against the seed deployment', () => {
	it('prints one line per event, the phase transitions and a summary, without colour or cursor moves', async context => {
		const result = await watchSeed(context, '--output', 'plain', '--exit-status', '--utc');

		expect(result.code).toBe(0);
		expect(result.stdout).not.toContain('\u001B');
		for (const event of SEED_EVENTS) {
			const time = new Date(event.occur_time).toISOString().slice(11, 19);
			expect(result.stdout).toContain(`${time}Z  normal    ${event.event_info}`);
		}

		expect(result.stdout).toContain('[TF 3.0.0] Image pulling done in 56s');
		expect(result.stdout).toContain('Deployed in');
	});
});
