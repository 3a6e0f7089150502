// The reads that explain a slow or failed phase (modelarts-api-evidence.md §10–12): a model's
// details, a dedicated pool, its nodes (paged by `continue`) and its events. Each answer goes
// through the core's tolerant validators; what they could not use is reported, never thrown,
// so a half-filled answer still gives what it has. One call is one request, so a rate gate
// counts every page (allPages follows a list's pages).
import {validateModelDetails} from '../../core/wire/validate-model-details.js';
import {validateNodesPage, validatePool, validatePoolEventsPage, type ListPage, type PoolHead} from '../../core/wire/validate-pool.js';
import type {ModelFacts, NodeFacts, PoolEvent} from '../../core/evidence/types.js';
import {TransientError} from '../errors.js';
import type {RequestGate} from '../poll/request-gate.js';

/** The evidence APIs, one request per call. Every method rejects with an ApiError, or the caller's abort reason. */
export interface EvidenceClient {
	/** `GET /v1/{project_id}/models/{model_id}`. */
	getModel(modelId: string, signal?: AbortSignal): Promise<Checked<ModelFacts>>;
	/** `GET /v2/{project_id}/pools/{pool_name}`. */
	getPool(poolName: string, signal?: AbortSignal): Promise<Checked<PoolHead>>;
	/** One page of `GET /v2/{project_id}/pools/{pool_name}/nodes`. */
	listPoolNodes(poolName: string, page: PageQuery, signal?: AbortSignal): Promise<ListPage<NodeFacts>>;
	/** One page of `GET /v1/{project_id}/events?resource=pools&name={pool_name}`. */
	listPoolEvents(poolName: string, page: PageQuery, signal?: AbortSignal): Promise<ListPage<PoolEvent>>;
}

/** An answer with what its validator could not use ("node n1 has no availableResources"). */
export interface Checked<T> {
	readonly value: T;
	readonly problems: readonly string[];
}

/** `limit`, and the `continue` token of the previous page (none for the first). */
export interface PageQuery {
	readonly limit: number;
	readonly continue?: string;
}

/** A GET of a path below the project (`v1/{project_id}/…`), resolving with the parsed body. */
export type ProjectGet = (version: 'v1' | 'v2', path: string, query: Readonly<Record<string, string>>, signal?: AbortSignal) => Promise<unknown>;

/** Enough for any real pool; a server that keeps handing out tokens stops here. */
const PAGING = {limit: 100, maxPages: 5} as const;

function required<T>(payload: {readonly problems: readonly string[]}, value: T | null, what: string): Checked<T> {
	if (value === null) throw new TransientError(`unexpected ${what} (${payload.problems.join('; ')})`);
	return {value, problems: payload.problems};
}

/** Every item of a list, following `metadata.continue` for a few pages. */
export async function allPages<T>(read: (page: PageQuery) => Promise<ListPage<T>>): Promise<Checked<readonly T[]>> {
	const items: T[] = [];
	const problems: string[] = [];
	let token: string | null = null;
	for (let page = 0; page < PAGING.maxPages; page++) {
		const answer: ListPage<T> = await read({limit: PAGING.limit, ...(token ? {continue: token} : {})});
		items.push(...answer.items);
		problems.push(...answer.problems);
		// A server that hands back the token it was given would page forever.
		if (answer.next === null || answer.next === token) break;
		token = answer.next;
	}
	return {value: items, problems};
}

const pageQuery = (page: PageQuery): Record<string, string> => ({limit: String(page.limit), ...(page.continue ? {continue: page.continue} : {})});

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
		async listPoolNodes(poolName, page, signal) {
			return validateNodesPage(await get('v2', `${pool(poolName)}/nodes`, pageQuery(page), signal));
		},
		async listPoolEvents(poolName, page, signal) {
			// `ascend=false` asks newest first where it is honoured (OTC); the order is not relied on.
			return validatePoolEventsPage(await get('v1', 'events', {resource: 'pools', name: poolName, ascend: 'false', ...pageQuery(page)}, signal));
		},
	};
}

/** `get` with every request passing `gate` first, as the other reads of a set of services do. */
export function gatedGet(get: ProjectGet, gate: Pick<RequestGate, 'acquire'>): ProjectGet {
	return async (version, path, query, signal) => {
		await gate.acquire(signal);
		return get(version, path, query, signal);
	};
}
