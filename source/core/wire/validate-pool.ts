// Shape validation of the dedicated-pool answers (modelarts-api-evidence.md §12.1, §12.5,
// §12.7): the pool, a page of its nodes, a page of its events. Resources are Kubernetes
// quantities; a node whose free resources cannot be read keeps its other facts, and the
// validator says which part it could not use.
import {isObject, readString, readTime, type JsonObject} from './coerce.js';
import type {NodeFacts, PoolEvent} from '../evidence/types.js';
import type {Resources} from '../evidence/instance-request.js';
import {parseQuantity} from '../evidence/k8s-quantity.js';

/** The pool itself, without its nodes and events. */
export interface PoolHead {
	readonly poolName: string;
	readonly displayName: string | null;
	readonly phase: string | null;
	readonly message: string | null;
	readonly inferState: string | null;
}

/** One page of a list answer, with the token of the next page (null on the last). */
export interface ListPage<T> {
	readonly items: readonly T[];
	readonly next: string | null;
	readonly problems: readonly string[];
}

const object = (value: unknown): JsonObject => (isObject(value) ? value : {});

/** Validate `GET /v2/{project_id}/pools/{pool_name}`; null without a metadata.name. */
export function validatePool(json: unknown): {readonly pool: PoolHead | null; readonly problems: readonly string[]} {
	const metadata = object(object(json).metadata);
	const poolName = readString(metadata.name);
	if (poolName === undefined) return {pool: null, problems: ['pool answer without metadata.name']};
	const status = object(object(json).status);
	const scopes = Array.isArray(status.scope) ? status.scope.filter(isObject) : [];
	const infer = scopes.find((scope) => scope.scopeType === 'Infer');
	return {
		pool: {
			poolName,
			displayName: readString(object(metadata.labels)['os.modelarts/name']) ?? null,
			phase: readString(status.phase) ?? null,
			message: readString(status.message) || null,
			inferState: readString(infer?.state) ?? null,
		},
		problems: [],
	};
}

const RESOURCE_KEYS: readonly (readonly [keyof Resources, (key: string) => boolean])[] = [
	['cpu', (key) => key === 'cpu'],
	['memory', (key) => key === 'memory'],
	['gpu', (key) => key === 'nvidia.com/gpu'],
	['npu', (key) => key.startsWith('huawei.com/ascend')],
];

/** Resources from a `{cpu, memory, nvidia.com/gpu}` map; null when absent or when a quantity is unreadable. */
export function readResources(value: unknown, where: string, problems: string[]): Resources | null {
	if (!isObject(value)) return null;
	const resources: Partial<Record<keyof Resources, number>> = {};
	for (const [key, raw] of Object.entries(value)) {
		const name = RESOURCE_KEYS.find(([, matches]) => matches(key))?.[0];
		if (name === undefined) continue;
		const amount = parseQuantity(raw);
		if (amount === null) {
			problems.push(`${where} ${key} is not a quantity (${JSON.stringify(raw).slice(0, 40)})`);
			return null;
		}
		resources[name] = (resources[name] ?? 0) + amount;
	}
	return resources;
}

function readNode(raw: JsonObject, problems: string[]): NodeFacts | null {
	const name = readString(object(raw.metadata).name);
	if (name === undefined) return null;
	const status = object(raw.status);
	const taints = (Array.isArray(status.taints) ? status.taints.filter(isObject) : []).flatMap((taint) => {
		const key = readString(taint.key);
		const effect = readString(taint.effect);
		return key === undefined || effect === undefined ? [] : [{key, value: readString(taint.value) ?? null, effect}];
	});
	const available = readResources(status.availableResources, `node ${name} availableResources`, problems);
	if (status.availableResources === undefined) problems.push(`node ${name} has no availableResources`);
	return {name, phase: readString(status.phase) ?? null, capacity: readResources(status.resources, `node ${name} resources`, problems), available, taints};
}

/** The `metadata.continue` token of a list answer; an empty one ends the list. */
function nextToken(json: unknown): string | null {
	return readString(object(object(json).metadata).continue) || null;
}

/** Validate a page of `GET /v2/{project_id}/pools/{pool_name}/nodes`. */
export function validateNodesPage(json: unknown): ListPage<NodeFacts> {
	const problems: string[] = [];
	const raw = object(json).items;
	if (!Array.isArray(raw)) return {items: [], next: null, problems: ['nodes answer without an items list']};
	const items = raw.filter(isObject).flatMap((node) => readNode(node, problems) ?? []);
	if (items.length < raw.length) problems.push(`${raw.length - items.length} nodes dropped (no metadata.name)`);
	return {items, next: nextToken(json), problems};
}

/** Validate a page of `GET /v1/{project_id}/events?resource=pools&name=…`. */
export function validatePoolEventsPage(json: unknown): ListPage<PoolEvent> {
	const raw = object(json).items;
	if (!Array.isArray(raw)) return {items: [], next: null, problems: ['pool events answer without an items list']};
	const items = raw.filter(isObject).flatMap((event): PoolEvent[] => {
		const reason = readString(event.reason);
		if (reason === undefined) return [];
		const at = readTime(event.lastTimestamp) ?? readTime(event.firstTimestamp) ?? null;
		return [{type: readString(event.type) ?? null, reason, message: readString(event.message) ?? '', at}];
	});
	const dropped = raw.length - items.length;
	return {items, next: nextToken(json), problems: dropped > 0 ? [`${dropped} pool events dropped (no reason)`] : []};
}
