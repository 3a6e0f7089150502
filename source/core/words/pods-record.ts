// What a read of a v2 service's pods says, as an NDJSON record and as one plain line: each
// deployment's running/wanted instances, each pod with its status and node, and the pods'
// latest Warning events (Kubernetes reasons such as FailedScheduling or ImagePullBackOff),
// which is where v2 keeps the reason a deployment is stuck.
import type {PodsReport, V2PodEvent} from '../wire/v2-types.js';

/** At most this many Warning events per record: the latest ones matter, and a line must stay short. */
const MAX_WARNINGS = 5;

/** `{"kind":"pods",…}`. */
export interface PodsRecord {
	readonly kind: 'pods';
	/** When the pods were read (ms). */
	readonly at: number;
	readonly deployments: readonly {readonly name: string; readonly status: string; readonly running: number | null; readonly total: number | null}[];
	readonly pods: readonly {readonly name: string; readonly status: string; readonly node: string | null}[];
	/** The latest Warning events, newest first. */
	readonly warnings: readonly {readonly reason: string; readonly message: string; readonly count: number; readonly last_at: number | null}[];
}

function latestWarnings(events: readonly V2PodEvent[]): V2PodEvent[] {
	// Ties in time go to the later in the answer: Kubernetes lists a pod's events in the order they happened.
	return events
		.map((event, index) => ({event, index}))
		.filter(({event}) => event.type.toLowerCase() === 'warning')
		.sort((a, b) => (b.event.last_at ?? 0) - (a.event.last_at ?? 0) || b.index - a.index)
		.slice(0, MAX_WARNINGS)
		.map(({event}) => event);
}

export function podsRecord(report: PodsReport, at: number): PodsRecord {
	return {
		kind: 'pods',
		at,
		deployments: report.deployments.map((d) => ({name: d.name, status: d.status, running: d.running_count, total: d.count})),
		pods: report.pods.map((pod) => ({name: pod.pod_name, status: pod.status, node: pod.node})),
		warnings: latestWarnings(report.events).map((event) => ({reason: event.reason, message: event.message, count: event.count, last_at: event.last_at})),
	};
}

/** "1 pending on 192.168.0.10 · FailedScheduling ×4: 0/3 nodes are available: …" (server text unsanitised: the caller sanitises). */
export function podsLine(report: PodsReport): string {
	const byStatus = new Map<string, string[]>();
	for (const pod of report.pods) byStatus.set(pod.status.toLowerCase(), [...(byStatus.get(pod.status.toLowerCase()) ?? []), pod.node ?? '?']);
	const pods = [...byStatus].map(([status, nodes]) => `${nodes.length} ${status} on ${[...new Set(nodes)].join(', ')}`).join(', ');
	const [latest] = latestWarnings(report.events);
	const warning = latest === undefined ? '' : ` · ${latest.reason}${latest.count > 1 ? ` ×${latest.count}` : ''}: ${latest.message}`;
	return `${pods === '' ? 'no pods yet' : pods}${warning}`;
}
