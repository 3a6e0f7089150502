import {describe, expect, it} from 'vitest';
import type {V2Client} from '../../../source/api/v2/client.js';
import {createV2WatchClient} from '../../../source/api/v2/watch-client.js';
import type {PodsReport, V2Deployment} from '../../../source/core/wire/v2-types.js';

/** A v2 client answering from fixed data, counting what it was asked. */
function fakeV2(status: string, deployments: V2Deployment[]): V2Client & {asked: string[]} {
	const asked: string[] = [];
	const page = <T>(items: T[]) => ({total: items.length, items});
	return {
		asked,
		getService: async (id) => (asked.push('details'), {id, name: 'llm', status, failure_reason: null, deploy_timeout_minutes: 20, create_at: 1, update_at: 2}),
		listEvents: async () => (asked.push('events'), page([])),
		listDeployments: async () => (asked.push('deployments'), page(deployments)),
		listInstances: async () => (asked.push('instances'), page([])),
		listPods: async () => (asked.push('pods'), page([{pod_name: 'p0', status: 'PENDING', node: '10.0.0.1'}])),
		listPodEvents: async () => (asked.push('pod-events'), [{type: 'Warning', reason: 'FailedScheduling', message: '0/3 nodes are available: 3 Insufficient nvidia.com/gpu.', count: 2, first_at: 1, last_at: 2}]),
		listServices: async () => (asked.push('services'), page([])),
	};
}

const deployment = (status: string, count: number, running: number): V2Deployment => ({id: 'd', name: 'd1', status, count, running_count: running});

describe('a v2 service through the v1 client interface', () => {
	it('reports a status it does not know, and passes it on lower-cased', async () => {
		const problems: string[] = [];
		const client = createV2WatchClient({v2: fakeV2('HIBERNATING', []), onProblem: (p) => problems.push(p)});
		expect((await client.getService('s')).status).toBe('hibernating');
		expect(problems).toEqual(['v2 service details: status "HIBERNATING" is not one the watch knows (it is shown as sent)']);
	});

	it('reads pods and pod events while a deployment is not all running, and not once it is', async () => {
		const reports: PodsReport[] = [];
		const deploying = fakeV2('DEPLOYING', [deployment('DEPLOYING', 2, 1)]);
		const monitor = await createV2WatchClient({v2: deploying, onPods: (r) => reports.push(r)}).getMonitor('s');
		expect(monitor).toEqual({service_running_instance_count: 1, service_instance_count: 2, monitors: []});
		expect(deploying.asked).toEqual(['deployments', 'pods', 'pod-events']);
		expect(reports[0]?.events[0]?.reason).toBe('FailedScheduling');

		const running = fakeV2('RUNNING', [deployment('RUNNING', 2, 2)]);
		await createV2WatchClient({v2: running, onPods: (r) => reports.push(r)}).getMonitor('s');
		expect(running.asked).toEqual(['deployments']);
		expect(reports).toHaveLength(1);
	});

	it('has no update logs: an absence, said as a 404', async () => {
		await expect(createV2WatchClient({v2: fakeV2('RUNNING', [])}).getUpdateLogs('s', {})).rejects.toMatchObject({kind: 'not_found'});
	});
});
