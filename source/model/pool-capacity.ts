// Whether one instance fits on any node of a dedicated pool (modelarts-api-evidence.md
// §12.5): a node that is not Available or is tainted NoSchedule takes nothing new, and a
// schedulable node fits when each resource the instance asks for is free on it. The scarce
// resource is the one the fewest schedulable nodes can give.
import type {NodeFacts} from './evidence-types.js';
import type {Resources} from './instance-request.js';

type ResourceName = keyof Resources;

const ORDER: readonly ResourceName[] = ['gpu', 'npu', 'cpu', 'memory'];

/** A node that takes new work: Available (or phase unknown) and without a NoSchedule taint. */
export function isSchedulable(node: NodeFacts): boolean {
	const phase = node.phase?.toLowerCase() ?? 'available';
	return phase === 'available' && !node.taints.some((taint) => taint.effect === 'NoSchedule' || taint.effect === 'NoExecute');
}

/** How the request meets the pool. */
export interface Shortage {
	readonly resource: ResourceName;
	/** Free on schedulable nodes, summed; and the most free on one of them. */
	readonly free: number;
	readonly mostOnOneNode: number;
	/** What the schedulable nodes can use in all (null when a node does not say). */
	readonly total: number | null;
	readonly nodes: number;
	readonly needed: number;
}

function sum(nodes: readonly NodeFacts[], pick: (node: NodeFacts) => number | undefined): number | null {
	let total = 0;
	for (const node of nodes) {
		const value = pick(node);
		if (value === undefined) return null;
		total += value;
	}
	return total;
}

/**
 * The resource that keeps one instance off every node, or null when some node fits it, the
 * request is unknown, or no schedulable node says what it has free.
 */
export function shortageOf(nodes: readonly NodeFacts[], request: Resources): Shortage | null {
	const usable = nodes.filter((node) => isSchedulable(node) && node.available !== null);
	if (usable.length === 0) return null;
	const fits = (node: NodeFacts) => ORDER.every((name) => (request[name] ?? 0) <= (node.available?.[name] ?? 0));
	if (usable.some(fits)) return null;
	let worst: {name: ResourceName; fitting: number} | null = null;
	for (const name of ORDER) {
		const needed = request[name] ?? 0;
		if (needed <= 0) continue;
		const fitting = usable.filter((node) => (node.available?.[name] ?? 0) >= needed).length;
		if (worst === null || fitting < worst.fitting) worst = {name, fitting};
	}
	if (worst === null) return null;
	const name = worst.name;
	const free = usable.map((node) => node.available?.[name] ?? 0);
	return {
		resource: name,
		free: free.reduce((a, b) => a + b, 0),
		mostOnOneNode: Math.max(...free),
		total: sum(usable, (node) => node.capacity?.[name]),
		nodes: usable.length,
		needed: request[name] ?? 0,
	};
}

const GIB = 2 ** 30;

function amount(resource: ResourceName, value: number): string {
	if (resource === 'memory') return `${Number((value / GIB).toFixed(1))}`;
	if (resource === 'cpu') return `${Number(value.toFixed(2))}`;
	return String(Math.floor(value));
}

const UNITS: Readonly<Record<ResourceName, string>> = {gpu: 'GPUs', npu: 'NPUs', cpu: 'CPU cores', memory: 'GiB of memory'};

/** "0 of 8 GPUs free on 4 nodes; needs 2" (with the most on one node when the sum would fit). */
export function shortageText(shortage: Shortage): string {
	const {resource, free, total, nodes, needed, mostOnOneNode} = shortage;
	const of = total === null ? '' : ` of ${amount(resource, total)}`;
	const where = `${nodes} schedulable node${nodes === 1 ? '' : 's'}`;
	const most = free >= needed ? `, at most ${amount(resource, mostOnOneNode)} on one` : '';
	return `${amount(resource, free)}${of} ${UNITS[resource]} free on ${where}${most}; one instance needs ${amount(resource, needed)}`;
}
