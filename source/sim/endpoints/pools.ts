// The dedicated-pool APIs (modelarts-api-evidence.md §12): `GET /v2/{p}/pools/{name}`, its
// nodes paged by an opaque `continue` token, and `GET /v1/{p}/events?resource=pools&name=…`.
// An unknown pool answers with the 8-digit codes of §12 (ModelArts.50015001).
import type {SimResponse} from './http-util.js';
import {apiError, json} from './http-util.js';
import type {ScenarioNode, ScenarioPool} from '../pool-shapes.js';

const POOL_NOT_FOUND = 'ModelArts.50015001';
const BAD_REQUEST = 'ModelArts.50004000';

/** A pool as the world holds it: its script and when the clock started (ms). */
export interface SimPool {
	readonly pool: ScenarioPool;
	readonly t0: number;
}

const iso = (ms: number): string => `${new Date(ms).toISOString().slice(0, 19)}Z`;

function notFound(name: string): SimResponse {
	return apiError(404, POOL_NOT_FOUND, `Pool ${name} not found.`);
}

function countsBy(nodes: readonly ScenarioNode[], phase: ScenarioNode['phase']): {flavor: string; count: number}[] {
	const counts = new Map<string, number>();
	for (const node of nodes) if (node.phase === phase) counts.set(node.flavor, (counts.get(node.flavor) ?? 0) + 1);
	return [...counts].map(([flavor, count]) => ({flavor, count}));
}

/** `GET /v2/{project_id}/pools/{pool_name}`. */
export function poolResponse(name: string, found: SimPool | undefined): SimResponse {
	if (!found) return notFound(name);
	const {pool, t0} = found;
	const all = countsBy(pool.nodes, 'Available').concat(countsBy(pool.nodes, 'Abnormal'));
	return json(200, {
		apiVersion: 'v2',
		kind: 'Pool',
		metadata: {name: pool.name, creationTimestamp: iso(t0 - 40 * 86_400_000), labels: {'os.modelarts/name': pool.displayName, 'os.modelarts/resource.id': `${pool.name}-res`}},
		spec: {type: 'Dedicate', scope: ['Infer'], resources: all.map(({flavor}) => ({flavor, count: pool.nodes.filter((n) => n.flavor === flavor).length, maxCount: pool.nodes.length}))},
		status: {
			phase: pool.phase,
			message: pool.message ?? '',
			resources: {available: countsBy(pool.nodes, 'Available'), abnormal: countsBy(pool.nodes, 'Abnormal'), creating: countsBy(pool.nodes, 'Creating'), deleting: countsBy(pool.nodes, 'Deleting')},
			scope: [{scopeType: 'Infer', state: 'Enabled', plugins: []}],
			driver: {gpu: {version: '535.54.03', state: pool.phase === 'Abnormal' ? 'Abnormal' : 'Running'}},
			parent: '',
			root: pool.name,
		},
	});
}

function nodeJson(node: ScenarioNode, index: number, t0: number): Record<string, unknown> {
	return {
		kind: 'Node',
		apiVersion: 'v2',
		metadata: {name: node.name, creationTimestamp: iso(t0 - 30 * 86_400_000), labels: {'os.modelarts.node/cluster': 'cluster-sim'}},
		spec: {flavor: node.flavor, hostNetwork: {vpc: 'vpc-sim', subnet: 'subnet-sim', securityGroups: []}},
		status: {
			phase: node.phase,
			az: 'eu-de-01',
			privateIp: `192.168.0.${10 + index}`,
			resources: node.resources,
			...(node.availableResources ? {availableResources: node.availableResources} : {}),
			taints: (node.taints ?? []).map((taint) => ({...taint, timeAdded: iso(t0 - 20 * 60_000)})),
		},
	};
}

/** An opaque token: the offset of the next item, so a client cannot page by counting. */
const token = (offset: number): string => Buffer.from(`offset:${offset}`).toString('base64url');

function offsetOf(continueToken: string | null): number | null {
	if (continueToken === null || continueToken === '') return 0;
	const match = /^offset:(\d+)$/.exec(Buffer.from(continueToken, 'base64url').toString('utf8'));
	return match ? Number(match[1]) : null;
}

/** A page of items per `limit` (blank or 0 = 500, at most 500) and `continue`, or an error response. */
function page<T>(items: readonly T[], params: URLSearchParams): {readonly items: readonly T[]; readonly next: string} | SimResponse {
	const rawLimit = params.get('limit');
	const limit = rawLimit === null || rawLimit === '' || rawLimit === '0' ? 500 : Number(rawLimit);
	const offset = offsetOf(params.get('continue'));
	if (!Number.isInteger(limit) || limit < 0 || limit > 500 || offset === null) return apiError(400, BAD_REQUEST, 'Bad request.');
	const end = offset + limit;
	return {items: items.slice(offset, end), next: end < items.length ? token(end) : ''};
}

/** `GET /v2/{project_id}/pools/{pool_name}/nodes[?limit=&continue=]`. */
export function nodesResponse(name: string, found: SimPool | undefined, params: URLSearchParams): SimResponse {
	if (!found) return notFound(name);
	const paged = page(found.pool.nodes.map((node, index) => nodeJson(node, index, found.t0)), params);
	if ('status' in paged) return paged;
	const remaining = found.pool.nodes.length - (offsetOf(params.get('continue')) ?? 0) - paged.items.length;
	return json(200, {apiVersion: 'v2', kind: 'NodeList', metadata: {continue: paged.next, remainingItemCount: Math.max(0, remaining)}, items: paged.items});
}

/** `GET /v1/{project_id}/events?resource=pools&name=…` (ascending, whatever `ascend` says, as the doc's example). */
export function poolEventsResponse(params: URLSearchParams, lookup: (name: string) => SimPool | undefined): SimResponse {
	const name = params.get('name');
	if (params.get('resource') !== 'pools' || !name) return apiError(400, BAD_REQUEST, 'Bad request.');
	const found = lookup(name);
	if (!found) return notFound(name);
	const type = params.get('type');
	const events = [...found.pool.events]
		.filter((event) => !type || event.type === type)
		.sort((a, b) => b.ago - a.ago)
		.map((event) => {
			const at = iso(found.t0 - event.ago);
			return {apiVersion: 'v1', kind: 'Event', type: event.type, reason: event.reason, message: event.message, count: 1, firstTimestamp: at, lastTimestamp: at};
		});
	const paged = page(events, params);
	if ('status' in paged) return paged;
	return json(200, {apiVersion: 'v1', kind: 'EventList', metadata: {continue: paged.next, remainingItemCount: 0}, items: paged.items, total: events.length});
}
