// The four ways a v2 deploy gets stuck, diagnosed from the pods' Kubernetes events: the built
// CLI against the simulator, in NDJSON, in English and Chinese; each summary quotes the reason.
import {beforeAll, describe, expect, it, type TestContext} from 'vitest';
import {V2_SERVICE_ID} from '../../source/sim/scenarios/v2.js';
import {startSimulator} from '../../source/sim/server.js';
import {assertBuilt, records, runCli} from './harness.js';

beforeAll(assertBuilt);

async function diagnosisOf(context: TestContext, scenario: string, lang: string): Promise<Record<string, unknown>> {
	const sim = await startSimulator({scenario, speed: 3, clockStart: 'first-request'});
	context.onTestFinished(() => sim.close());
	const args = [V2_SERVICE_ID, '--endpoint', sim.url, '--project-id', sim.projectId, '--exit-status', '--timeout', '60', '--output', 'json', '--lang', lang];
	const result = await runCli(args, {env: {MODELARTS_TOKEN: sim.token}});
	const summary = records(result.stdout).find((line) => line['kind'] === 'summary');
	return (summary?.['diagnosis'] ?? {}) as Record<string, unknown>;
}

const cases = [
	['v2-image-pull', 'image_pull', /Failed ×\d+, the image could not be pulled: Failed to pull image .*manifest unknown/],
	['v2-gpu-unschedulable', 'resources', /FailedScheduling ×\d+, no node has enough nvidia\.com\/gpu: 0\/3 nodes are available/],
	['v2-readiness-probe', 'health_check', /Unhealthy ×\d+, the readiness probe got HTTP 503/],
	['v2-crash-loop', 'startup', /OOMKilled ×\d+, the container ran out of memory: Container model was OOMKilled \(exit code 137/],
] as const;

describe.concurrent('a stuck v2 deploy, diagnosed from its pod events', () => {
	for (const [scenario, category, quote] of cases) it(`${scenario}: ${category}, with the pod event quoted first, the same in Chinese`, async (context) => {
		const [en, zh] = await Promise.all([diagnosisOf(context, scenario, 'en'), diagnosisOf(context, scenario, 'zh')]);

		expect(en['category']).toBe(category);
		const evidence = en['evidence'] as {source: string; text: string}[];
		expect(evidence[0]).toMatchObject({source: 'pods', text: expect.stringMatching(quote)});
		expect(evidence[0]!.text).toContain('pod llm-chat-d1-0-');
		expect(en['cause']).toBe(evidence[0]!.text);
		expect(zh['category']).toBe(category);
		expect(zh['evidence']).toContainEqual({source: 'pods', text: expect.stringMatching(quote)});
	}, 90_000);
});
