// Issue #14 through the built CLI: what an update changes in plain and JSON output (and no
// environment value anywhere, --debug included), and a watch whose monitor and update logs
// answer 403, which must work exactly as one against a server without those APIs.
import {beforeAll, describe, expect, it} from 'vitest';
import {UPDATE_SECRETS} from '../../source/sim/scenarios/rollout.js';
import {assertBuilt, records} from '../cli/harness.js';
import {FINISHED, simulator, watchSim} from './helpers.js';

beforeAll(assertBuilt);

describe.concurrent('an update from resnet 1.0.0 to 1.1.0 and 1 to 2 instances', () => {
	it('JSON: an update record with both changes, env variables by name only', async context => {
		const sim = await simulator(context, {scenario: 'update', speed: FINISHED});
		const result = await watchSim(sim, ['--json', '--exit-status', '--debug']);

		expect(result.code, result.stderr).toBe(0);
		const updates = records(result.stdout).filter(record => record['kind'] === 'update');
		expect(updates.at(-1)).toMatchObject({kind: 'update', result: 'SUCCESS'});
		const changes = updates.at(-1)!['changes'] as Array<Record<string, unknown>>;
		expect(changes).toContainEqual({model: 'resnet', field: 'model_version', from: '1.0.0', to: '1.1.0'});
		expect(changes).toContainEqual({model: 'resnet', field: 'instance_count', from: 1, to: 2});
		expect(changes).toContainEqual(expect.objectContaining({field: 'envs', added: ['CACHE_SIZE_MB'], changed: ['DB_PASSWORD']}));
		for (const secret of UPDATE_SECRETS) expect(result.stdout + result.stderr).not.toContain(secret);
	});

	it('plain: the update line once, with both changes, and no env value', async context => {
		const sim = await simulator(context, {scenario: 'update', speed: FINISHED});
		const result = await watchSim(sim, ['--output', 'plain', '--exit-status', '--debug']);

		expect(result.code, result.stderr).toBe(0);
		const lines = result.stdout.split('\n').filter(line => /\bconfig\s+update/.test(line));
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(/update succeeded: resnet 1\.0\.0 → 1\.1\.0 · instances 1 → 2/);
		expect(result.stdout).toMatch(/Deployed in .*: 2\/2 instances running/);
		for (const secret of UPDATE_SECRETS) expect(result.stdout + result.stderr).not.toContain(secret);
	});
});

describe.concurrent('with /monitor and /logs answering 403', () => {
	it('the JSON is what a server without them gives, and the absence is said once on stderr', async context => {
		// Given the same update scenario, once with both APIs refused
		const denied = await simulator(context, {scenario: 'update', speed: FINISHED, deny: {monitor: 403, logs: 403}});
		const result = await watchSim(denied, ['--json', '--exit-status']);

		// Then events, status and summary are there, without counts or an update
		expect(result.code, result.stderr).toBe(0);
		const lines = records(result.stdout);
		expect(new Set(lines.map(line => line['kind']))).toEqual(new Set(['event', 'status', 'summary']));
		expect(lines.at(-1)).toMatchObject({kind: 'summary', outcome: 'succeeded', instances: null});
		const notes = result.stderr.split('\n').filter(line => line.includes('monitor unavailable'));
		expect(notes).toEqual(['service monitor unavailable (HTTP 403 ModelArts.0204): carrying on without instance counts']);
		expect(result.stderr).not.toMatch(/update logs/);
	});

	it('--debug says once that the update logs are not there', async context => {
		const denied = await simulator(context, {scenario: 'update', speed: FINISHED, deny: {logs: 404}});
		const result = await watchSim(denied, ['--output', 'plain', '--exit-status', '--debug']);
		expect(result.code, result.stderr).toBe(0);
		expect(result.stderr.split('\n').filter(line => line.includes('update logs unavailable'))).toHaveLength(1);
		expect(result.stdout).not.toMatch(/\bconfig\s+update/);
	});
});
