import {describe, expect, it} from 'vitest';
import {podEvidence} from '../../../source/core/evidence/pod-evidence.js';
import type {PodsReport, V2PodEvent} from '../../../source/core/wire/v2-types.js';

const warning = (reason: string, message: string, at = 1000): V2PodEvent => ({type: 'Warning', reason, message, count: 2, first_at: at, last_at: at + 500});
const report = (...events: V2PodEvent[]): PodsReport => ({
	deployments: [{id: 'd', name: 'svc-d1', status: 'DEPLOYING', count: 2, running_count: 0}],
	pods: [
		{pod_name: 'svc-d1-0-aa', status: 'PENDING', node: '10.0.0.1'},
		{pod_name: 'svc-d1-1-bb', status: 'PENDING', node: null},
	],
	events,
});

describe('podEvidence', () => {
	it('has nothing to say before a read, or of Normal events and reasons it does not know', () => {
		expect(podEvidence(null)).toEqual([]);
		expect(podEvidence(report({...warning('Pulled', 'ok'), type: 'Normal'}, warning('Evicted', 'The node was low on resource')))).toEqual([]);
	});

	it('names the missing resources of a FailedScheduling, and the pod its message names', () => {
		const [item] = podEvidence(report(warning('FailedScheduling', 'pod svc-d1-1-bb: 0/3 nodes are available: 2 Insufficient cpu, 1 Insufficient huawei.com/ascend-910.')));
		expect(item).toMatchObject({source: 'pods', category: 'resources', at: 1000});
		expect(item!.text).toMatch(/^pod svc-d1-1-bb of deployment svc-d1: FailedScheduling ×2, no node has enough cpu, huawei\.com\/ascend-910: /);
	});

	it('reads mounts as storage, a liveness probe with what it said, and leaves a ModelArts code to the table', () => {
		const items = podEvidence(report(
			warning('FailedMount', 'MountVolume.SetUp failed for volume "sfs"', 3000),
			warning('Unhealthy', 'Liveness probe failed: dial tcp 10.0.0.1:8080: connect: connection refused', 2000),
			warning('Failed', 'ModelArts.8502: failed to download the model', 1000),
		));
		expect(items.map((item) => item.category)).toEqual(['storage', 'health_check', undefined]);
		expect(items[1]!.text).toContain('the liveness probe got "dial tcp 10.0.0.1:8080: connect: connection refused"');
		expect(items[2]).toMatchObject({code: 'ModelArts.8502'});
	});

	it('leaves out a scheduling or pull failure the pod got past, but not another pod\'s', () => {
		const normal = (reason: string, message: string, at: number): V2PodEvent => ({...warning(reason, message, at), type: 'Normal'});
		const items = podEvidence(report(
			warning('FailedScheduling', 'svc-d1-0-aa: 0/3 nodes are available: 3 Insufficient cpu.', 1000),
			normal('Scheduled', 'Successfully assigned svc-d1-0-aa to 10.0.0.1', 4000),
			warning('FailedScheduling', 'svc-d1-1-bb: 0/3 nodes are available: 3 Insufficient cpu.', 1000),
		));
		expect(items.map((item) => item.text)).toEqual([expect.stringMatching(/^pod svc-d1-1-bb of/)]);
	});

	it('puts a crash reason before the back-off it causes, and strips control characters', () => {
		const items = podEvidence(report(warning('BackOff', 'Back-off restarting failed container \u001B[31mmodel', 5000), warning('OOMKilled', 'Container model was OOMKilled', 1000)));
		expect(items.map((item) => item.text.split(':')[1]!.trim())).toEqual(['OOMKilled ×2, the container ran out of memory', 'BackOff ×2, the container keeps restarting']);
		expect(items[1]!.text).not.toContain('\u001B');
	});
});
