// A v2 service seen through the v1 client interface, so the poll loop, the extra reads and
// every output mode watch it unchanged: details normalised (core/wire/v2-normalise.ts), instance
// counts from the deployments in place of the monitor, no update logs (v2 has none here).
// While a deployment is not yet running, or an instance is not ready, the same read also
// fetches the pods and their Kubernetes events, where v2 keeps the reason a deploy is stuck.
import {detailsOfV2, monitorOfDeployments, v1Status} from '../../core/wire/v2-normalise.js';
import type {PodsReport} from '../../core/wire/v2-types.js';
import {BadRequestError, NotFoundError} from '../errors.js';
import type {ProblemReporter} from '../payloads.js';
import type {ModelArtsClient} from '../types.js';
import type {V2Client} from './client.js';

export interface V2WatchClientOptions {
	readonly v2: V2Client;
	readonly onProblem?: ProblemReporter;
	/** Told the pods and their events whenever they were read. */
	readonly onPods?: (report: PodsReport) => void;
}

/** Every deployment runs all the instances it wants. */
function allRunning(report: Pick<PodsReport, 'deployments'>): boolean {
	return report.deployments.length > 0 && report.deployments.every((d) => d.status.toUpperCase() === 'RUNNING' && d.count !== null && d.running_count === d.count);
}

export function createV2WatchClient(options: V2WatchClientOptions): ModelArtsClient {
	const {v2} = options;
	return {
		async getService(serviceId, signal) {
			const details = await v2.getService(serviceId, signal);
			if (!v1Status(details.status).known) options.onProblem?.(`v2 service details: status "${details.status}" is not one the watch knows (it is shown as sent)`);
			return detailsOfV2(details);
		},
		async getMonitor(serviceId, signal) {
			const deployments = (await v2.listDeployments(serviceId, signal)).items;
			if (options.onPods && !allRunning({deployments})) {
				// `all` keeps it to two requests however many instances there are.
				const pods = await v2.listPods(serviceId, 'all', 'all', signal);
				const events = await v2.listPodEvents(serviceId, 'all', 'all', 'all', signal);
				options.onPods({deployments, pods: pods.items, events});
			}
			return monitorOfDeployments(deployments);
		},
		async getUpdateLogs() {
			throw new NotFoundError('v2 services have no update log API', 404);
		},
		async listEvents() {
			throw new BadRequestError('v2 events are read by the v2 event sync', 400);
		},
		async listServices() {
			throw new BadRequestError('the v2 services list is read by the v2 client', 400);
		},
	};
}
