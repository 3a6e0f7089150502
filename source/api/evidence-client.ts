// The reads that explain a slow or failed phase (modelarts-api-evidence.md §10–12): a model's
// details, a dedicated pool, its nodes (paged by `continue`) and its events. Each answer goes
// through the model's tolerant validators; what they could not use is reported, never thrown,
// so a half-filled answer still gives what it has.
import {validateModelDetails} from '../model/validate-model-details.js';
import {validateNodesPage, validatePool, validatePoolEventsPage, type ListPage, type PoolHead} from '../model/validate-pool.js';
import type {ModelFacts, NodeFacts, PoolEvent} from '../model/evidence-types.js';
import {TransientError} from './errors.js';
import type {RequestGate} from './request-gate.js';

/** The evidence APIs. Every method rejects with an ApiError, or the caller's abort reason. */
export interface EvidenceClient {
	/** `GET /v1/{project_id}/models/{model_id}`. */
	getModel(modelId: string, signal?: AbortSignal): Promise<Checked<ModelFacts>>;
	/** `GET /v2/{project_id}/pools/{pool_name}`. */
	getPool(poolName: string, signal?: AbortSignal): Promise<Checked<PoolHead>>;
	/** Every node, following `metadata.continue` for at most `maxPages` pages of `limit`. */
	listPoolNodes(poolName: string, paging?: Paging, signal?: AbortSignal): Promise<Checked<readonly NodeFacts[]>>;
	/** The pool's events, as many pages as `paging` allows, oldest first. */
	listPoolEvents(poolName: string, paging?: Paging, signal?: AbortSignal): Promise<Checked<readonly PoolEvent[]>>;
}

/** An answer with what its validator could not use ("node n1 has no availableResources"). */
export interface Checked<T> {
	readonly value: T;
	readonly problems: readonly string[];
}

export interface Paging {
	readonly limit?: number;
	readonly maxPages?: number;
}

/** A GET of a path below the project (`v1/{project_id}/…`), resolving with the parsed body. */
export type ProjectGet = (version: 'v1' | 'v2', path: string, query: Readonly<Record<string, string>>, signal?: AbortSignal) => Promise<unknown>;

const DEFAULT_PAGING = {limit: 100, maxPages: 5} as const;

function required<T>(payload: {readonly problems: readonly string[]}, value: T | null, what: string): Checked<T> {
	if (value === null) throw new TransientError(`unexpected ${what} (${payload.problems.join('; ')})`);
	return {value, problems: payload.problems};
}

async function allPages<T>(read: (token: string | null) => Promise<ListPage<T>>, paging: Paging | undefined): Promise<Checked<readonly T[]>> {
	const maxPages = paging?.maxPages ?? DEFAULT_PAGING.maxPages;
	const items: T[] = [];
	const problems: string[] = [];
	let token: string | null = null;
	for (let page = 0; page < maxPages; page++) {
		const answer = await read(token);
		items.push(...answer.items);
		problems.push(...answer.problems);
		// A server that hands back the token it was given would page forever.
		if (answer.next === null || answer.next === token) break;
		token = answer.next;
	}
	return {value: items, problems};
}

/** The evidence reads over `get`. */
export function evidenceClient(get: ProjectGet): EvidenceClient {
	const pool = (name: string) => `pools/${encodeURIComponent(name)}`;
	return {
		async getModel(modelId, signal) {
			const payload = validateModelDetails(await get('v1', `models/${encodeURIComponent(modelId)}`, {}, signal));
			return required(payload, payload.facts, 'model details');
		},
		async getPool(poolName, signal) {
			const payload = validatePool(await get('v2', pool(poolName), {}, signal));
			return required(payload, payload.pool, 'pool answer');
		},
		listPoolNodes(poolName, paging, signal) {
			const limit = String(paging?.limit ?? DEFAULT_PAGING.limit);
			return allPages(async (token) => validateNodesPage(await get('v2', `${pool(poolName)}/nodes`, {limit, ...(token ? {continue: token} : {})}, signal)), paging);
		},
		async listPoolEvents(poolName, paging, signal) {
			const limit = String(paging?.limit ?? DEFAULT_PAGING.limit);
			const query = {resource: 'pools', name: poolName, limit};
			const events = await allPages(async (token) => validatePoolEventsPage(await get('v1', 'events', {...query, ...(token ? {continue: token} : {})}, signal)), paging);
			// The documented example answers in ascending order whatever was asked (§12.7).
			return {...events, value: [...events.value].sort((a, b) => (a.at ?? 0) - (b.at ?? 0))};
		},
	};
}

/** `client` with every read passing `gate` first, as the other reads of a set do (the pages of one list count once). */
export function gatedEvidence(client: EvidenceClient, gate: Pick<RequestGate, 'acquire'>): EvidenceClient {
	const through = async <T>(signal: AbortSignal | undefined, request: () => Promise<T>): Promise<T> => {
		await gate.acquire(signal);
		return request();
	};
	return {
		getModel: (modelId, signal) => through(signal, () => client.getModel(modelId, signal)),
		getPool: (poolName, signal) => through(signal, () => client.getPool(poolName, signal)),
		listPoolNodes: (poolName, paging, signal) => through(signal, () => client.listPoolNodes(poolName, paging, signal)),
		listPoolEvents: (poolName, paging, signal) => through(signal, () => client.listPoolEvents(poolName, paging, signal)),
	};
}
