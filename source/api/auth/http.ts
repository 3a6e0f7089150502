import type {Agent} from 'node:http';
import type {RequestInit, Response} from 'node-fetch';
import {TransientError} from '../errors.js';

/** node-fetch's signature, injectable so tests and the lead can route requests. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** How credential sources reach IAM: the same agent (proxy, CA, keep-alive) as the client. */
export interface AuthHttp {
	readonly fetch: FetchLike;
	readonly agent?: (url: URL) => Agent;
	/** Whole-request limit for one IAM call. */
	readonly timeoutMs: number;
}

/** A body already read, so callers can decide by status without touching streams. */
export interface IamResponse {
	readonly status: number;
	readonly headers: {get(name: string): string | null};
	readonly json: unknown;
}

/** Sends one IAM request; network failures and time-outs become TransientError (retryable). */
export async function iamRequest(
	http: AuthHttp,
	url: URL,
	init: {method: string; headers: Record<string, string>; body?: string},
	signal?: AbortSignal,
): Promise<IamResponse> {
	const timeout = AbortSignal.timeout(http.timeoutMs);
	const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
	try {
		const response = await http.fetch(url.href, {...init, agent: http.agent, signal: combined});
		const text = await response.text();
		return {status: response.status, headers: response.headers, json: parseJson(text)};
	} catch (error) {
		if (signal?.aborted) {
			throw error;
		}

		const reason = timeout.aborted ? `no answer within ${http.timeoutMs} ms` : describeNetworkError(error);
		throw new TransientError(`IAM at ${url.origin} could not be reached: ${reason}`);
	}
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return null;
	}
}

function describeNetworkError(error: unknown): string {
	if (error instanceof Error) {
		const code = (error as {code?: unknown}).code;
		return typeof code === 'string' ? `${code} ${error.message}` : error.message;
	}

	return String(error);
}

/** Reads `a.b.c` from unknown JSON without trusting its shape. */
export function pick(value: unknown, ...path: readonly string[]): unknown {
	let current = value;
	for (const key of path) {
		if (typeof current !== 'object' || current === null) {
			return undefined;
		}

		current = (current as Record<string, unknown>)[key];
	}

	return current;
}
