// What the `p` overlay lists for a v2 service: each deployment with its running/wanted
// instances, its pods with status and node, and under each pod its latest Warning events.
// The pods read does not say which instance a pod belongs to, and pod events are read for
// all pods at once: a pod goes under the deployment its name starts with (else the first),
// an event under the pod its message names (or the only pod), else under its deployment.
import type {PodsReport, V2Pod, V2PodEvent} from '../wire/v2-types.js';

/** Latest Warning events kept per pod: the overlay shows why now, not a history. */
const WARNINGS_PER_POD = 3;

/** One Warning, as the overlay shows it. Server text as sent: the view sanitises it. */
export interface PodWarning {
	readonly reason: string;
	readonly message: string;
	readonly count: number;
	readonly lastAt: number | null;
}

/** A pod and the Warnings that name it. */
export interface PodRow extends V2Pod {
	readonly warnings: readonly PodWarning[];
}

/** A deployment, its pods, and the Warnings no single pod could be given. */
export interface DeploymentRows {
	readonly name: string;
	readonly status: string;
	readonly running: number | null;
	readonly total: number | null;
	readonly pods: readonly PodRow[];
	readonly warnings: readonly PodWarning[];
}

const warningOf = (event: V2PodEvent): PodWarning => ({reason: event.reason, message: event.message, count: event.count, lastAt: event.last_at});

function latestFirst(events: readonly V2PodEvent[]): V2PodEvent[] {
	return events
		.map((event, index) => ({event, index}))
		.filter(({event}) => event.type.toLowerCase() === 'warning')
		.sort((a, b) => (b.event.last_at ?? 0) - (a.event.last_at ?? 0) || b.index - a.index)
		.map(({event}) => event);
}

/** The deployments of the latest pods read, each with its pods and their latest Warnings. */
export function podsTree(report: PodsReport): DeploymentRows[] {
	const named = report.deployments.map((d) => ({name: d.name, status: d.status, running: d.running_count, total: d.count}));
	const deployments = named.length === 0 ? [{name: '-', status: '', running: null, total: null}] : named;
	const homeOf = (pod: V2Pod) => deployments.find((d) => pod.pod_name.startsWith(d.name)) ?? deployments[0]!;
	const events = latestFirst(report.events);
	const podOf = (event: V2PodEvent) => report.pods.find((pod) => pod.pod_name !== '' && event.message.includes(pod.pod_name)) ?? (report.pods.length === 1 ? report.pods[0]! : null);
	const byPod = new Map<V2Pod, PodWarning[]>();
	const loose: V2PodEvent[] = [];
	for (const event of events) {
		const pod = podOf(event);
		if (pod === null) loose.push(event);
		else byPod.set(pod, [...(byPod.get(pod) ?? []), warningOf(event)]);
	}

	return deployments.map((deployment, index) => ({
		...deployment,
		pods: report.pods.filter((pod) => homeOf(pod) === deployment).map((pod) => ({...pod, warnings: (byPod.get(pod) ?? []).slice(0, WARNINGS_PER_POD)})),
		// Events of no known pod: under the only deployment, else under the first.
		warnings: index === 0 ? loose.slice(0, WARNINGS_PER_POD).map(warningOf) : [],
	}));
}
