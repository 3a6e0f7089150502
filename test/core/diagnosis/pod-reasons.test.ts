// The conflict rule with pod events: a Kubernetes reason names what the service event only summarises.
import {describe, expect, it} from 'vitest';
import {computeDeployment} from '../../../source/core/deployment/progress.js';
import {diagnose} from '../../../source/core/diagnosis/diagnose.js';
import type {ExtraEvidence} from '../../../source/core/diagnosis/types.js';
import {T0, details, watchEvents} from '../fixtures.js';
import type {Entry} from '../fixtures.js';

const M = 'llm 1.0.0';
const startup: Entry[] = ['start to deploy service', `[${M}] prepare environment success`, `[${M}] schedule resource success`, `[${M}] pull image success`, `[${M}] starting model`];
const probe: ExtraEvidence = {source: 'pods', category: 'health_check', text: 'pod llm-0: Unhealthy ×4, the readiness probe got HTTP 503: Readiness probe failed', at: T0 + 5000};

function diagnosed(history: readonly Entry[], errorMsg: string, evidence: readonly ExtraEvidence[]) {
	return diagnose({deployment: computeDeployment(watchEvents(...history), details('failed', {error_msg: errorMsg})), nowMs: T0 + 3_600_000, evidence});
}

describe('a pod event with a Kubernetes reason in the diagnosis', () => {
	it('decides over a service event whose words name another cause, and over a time-out', () => {
		const diagnosis = diagnosed([...startup, ['abnormal', `[${M}] instance is not ready yet`]], 'Service deployment timed out after 20 minutes', [probe]);
		expect(diagnosis).toMatchObject({category: 'health_check', cause: probe.text, basis: 'facts'});
		expect(diagnosis?.evidence[0]).toEqual({source: 'pods', text: probe.text});
	});

	it('does not decide over a code of the official table', () => {
		const diagnosis = diagnosed([...startup, ['abnormal', 'ModelArts.3015: the model failed to start']], 'deployment failed', [probe]);
		expect(diagnosis).toMatchObject({category: 'config', basis: 'code'});
	});

	it('a code inside a pod event decides through the table', () => {
		const download: ExtraEvidence = {source: 'pods', code: 'ModelArts.8502', text: 'pod llm-0: Failed: ModelArts.8502 OBS download error'};
		const diagnosis = diagnosed([...startup, ['abnormal', `[${M}] instance is not ready yet`]], 'deployment failed', [download]);
		expect(diagnosis).toMatchObject({category: 'storage', basis: 'code', code: 'ModelArts.8502'});
	});
});
