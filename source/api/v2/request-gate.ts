// The v2 client behind the same request gate as the v1 one: a watch of several services keeps
// to --max-rate whichever generation each service speaks.
import {gateThrough, type RequestGate} from '../poll/request-gate.js';
import type {V2Client} from './client.js';

export function gatedV2Client(client: V2Client, gate: RequestGate, now: () => number): V2Client {
	const through = gateThrough(gate, now);
	return {
		getService: (id, signal) => through(signal, () => client.getService(id, signal)),
		listEvents: (id, query, signal) => through(signal, () => client.listEvents(id, query, signal)),
		listDeployments: (id, signal) => through(signal, () => client.listDeployments(id, signal)),
		listInstances: (id, deployment, signal) => through(signal, () => client.listInstances(id, deployment, signal)),
		listPods: (id, deployment, instance, signal) => through(signal, () => client.listPods(id, deployment, instance, signal)),
		listPodEvents: (id, deployment, instance, pod, signal) => through(signal, () => client.listPodEvents(id, deployment, instance, pod, signal)),
		listServices: (query, signal) => through(signal, () => client.listServices(query, signal)),
	};
}
