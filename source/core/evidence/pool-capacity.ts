// Whether a model's instances fit on the nodes of a dedicated pool (modelarts-api-evidence.md
// §12.5): a node that is not Available or is tainted NoSchedule takes nothing new, and a
// schedulable node has room for as many instances as its scarcest free resource allows.
// Instances already placed hold resources too, and the API does not say which they are, so
// only a pool with room for not even one more instance is called short: never a guess.
import type {NodeFacts} from './types.js';
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
	/** What one instance needs of the resource. */
	readonly needed: number;
	/** Instances the model asks for. */
	readonly instances: number;
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

/** Instances of `request` that fit on a node, counting only `names`. */
function roomOn(node: NodeFacts, request: Resources, names: readonly ResourceName[]): number {
	let room = Number.POSITIVE_INFINITY;
	for (const name of names) {
		const needed = request[name] ?? 0;
		if (needed > 0) room = Math.min(room, Math.floor((node.available?.[name] ?? 0) / needed));
	}
	return room;
}

/**
 * The resource that keeps another instance off every node, or null when one fits, the
 * request asks for nothing, or no schedulable node says what it has free.
 */
export function shortageOf(nodes: readonly NodeFacts[], request: Resources, instances = 1): Shortage | null {
	const usable = nodes.filter((node) => isSchedulable(node) && node.available !== null);
	const asked = ORDER.filter((name) => (request[name] ?? 0) > 0);
	if (usable.length === 0 || asked.length === 0) return null;
	if (usable.some((node) => roomOn(node, request, asked) >= 1)) return null;
	// The scarce resource: the one that alone leaves room for the fewest instances.
	const roomBy = (name: ResourceName) => usable.reduce((all, node) => all + roomOn(node, request, [name]), 0);
	const resource = asked.reduce((worst, name) => (roomBy(name) < roomBy(worst) ? name : worst));
	const free = usable.map((node) => node.available?.[resource] ?? 0);
	return {
		resource,
		free: free.reduce((a, b) => a + b, 0),
		mostOnOneNode: Math.max(...free),
		total: sum(usable, (node) => node.capacity?.[resource]),
		nodes: usable.length,
		needed: request[resource] ?? 0,
		instances,
	};
}

const GIB = 2 ** 30;

function amount(resource: ResourceName, value: number): string {
	if (resource === 'memory') return `${Number((value / GIB).toFixed(1))}`;
	if (resource === 'cpu') return `${Number(value.toFixed(2))}`;
	return String(Math.floor(value));
}

const UNITS: Readonly<Record<ResourceName, string>> = {gpu: 'GPUs', npu: 'NPUs', cpu: 'CPU cores', memory: 'GiB of memory'};

/** "0 of 8 GPUs free on 4 schedulable nodes; one instance needs 2" (with the most on one node when the sum would fit). */
export function shortageText(shortage: Shortage): string {
	const {resource, free, total, nodes, needed, mostOnOneNode, instances} = shortage;
	const of = total === null ? '' : ` of ${amount(resource, total)}`;
	const where = `${nodes} schedulable node${nodes === 1 ? '' : 's'}`;
	const most = free >= needed ? `, at most ${amount(resource, mostOnOneNode)} on one` : '';
	const asked = instances > 1 ? ` (${instances} instances asked)` : '';
	return `${amount(resource, free)}${of} ${UNITS[resource]} free on ${where}${most}; one instance needs ${amount(resource, needed)}${asked}`;
}
