// The evidence reads as a user of the built CLI meets them: a failed deployment on a dedicated
// pool reads its model and its pool once; a refused or missing API is said once with --debug
// and the watch ends as it would without it.
import {describe, expect, it} from 'vitest';
import {FINISHED, simulator, watchSim} from './helpers.js';

describe('evidence with --debug', () => {
	it('says a refused model API and a missing pool once, and ends on the failure as usual', async (context) => {
		const sim = await simulator(context, {scenario: 'why-pool-full', speed: FINISHED, deny: {model: 403, 'pool-events': 404}});
		const result = await watchSim(sim, ['--output', 'plain', '--exit-status', '--debug']);
		expect(result.stdout).toContain('failed');
		const notes = result.stderr.split('\n').filter((line) => line.includes('debug: evidence:'));
		expect(notes).toEqual([
			'debug: evidence: the models API is not allowed (HTTP 403 ModelArts.0204); not asked again',
			'debug: evidence: events of pool pool-9c1d4e7a-b2f0-4c1e-9a3d-5e6f7a8b9c0d not found (HTTP 404 APIGW.0101)',
		]);
		const count = (endpoint: string) => sim.requests.filter((request) => request.endpoint === endpoint).length;
		expect([count('model'), count('pool'), count('pool-nodes'), count('pool-events')]).toEqual([1, 1, 1, 1]);
	});

	it('makes no evidence request for a deployment that succeeded', async (context) => {
		const sim = await simulator(context, {scenario: 'success', speed: FINISHED});
		const result = await watchSim(sim, ['--json', '--exit-status', '--debug']);
		expect(result.code, result.stderr).toBe(0);
		expect(sim.requests.filter((request) => ['model', 'pool', 'pool-nodes', 'pool-events'].includes(request.endpoint ?? ''))).toEqual([]);
	});
});
