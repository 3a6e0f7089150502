// Deterministic fault injection for the endpoints of a service (details, events, monitor,
// logs). A seeded generator (not Math.random) makes a faulty run reproducible; a script pins
// exact sequences. Faults only change how a response is sent, never the project's state.
import type {SimResponse} from './http-util.js';
import {apiError, json} from './http-util.js';
import type {ServiceEndpoint} from './routes.js';

export const FAULT_KINDS = ['500', '502', '503', '429', 'truncated', 'invalid-json', 'reset', 'hang', 'slow'] as const;

/** One way a response can go wrong. */
export type FaultKind = (typeof FAULT_KINDS)[number];

/**
 * Which requests to a service's endpoints fail, and how.
 * The script is consumed first, one entry per request ('ok' = answer normally); after it,
 * each request fails with probability `rate`, the kind drawn from `kinds`.
 */
export interface FaultPlan {
	/** The endpoints whose requests take part (default all); others never fail or consume the script. */
	readonly endpoints?: readonly ServiceEndpoint[];
	readonly script?: readonly (FaultKind | 'ok')[];
	/** 0–1; default 0. */
	readonly rate?: number;
	/** Kinds drawn at random; default every kind but 'hang' (which needs a client time-out). */
	readonly kinds?: readonly FaultKind[];
	/** Seed of the generator; default 1. */
	readonly seed?: number;
	/** Retry-After of a 429, in seconds; default 2. */
	readonly retryAfterSeconds?: number;
	/** Delay between the chunks of a 'slow' body; default 200 ms. */
	readonly slowChunkMs?: number;
}

/** mulberry32: tiny, fast, good enough to spread faults. */
function generator(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const RANDOM_KINDS = FAULT_KINDS.filter((kind) => kind !== 'hang');

/** Decides, request by request, which fault (if any) to apply. */
export class FaultInjector {
	private readonly script: (FaultKind | 'ok')[];
	private readonly random: () => number;

	constructor(readonly plan: FaultPlan = {}) {
		this.script = [...(plan.script ?? [])];
		this.random = generator(plan.seed ?? 1);
	}

	next(endpoint: ServiceEndpoint): FaultKind | null {
		if (this.plan.endpoints && !this.plan.endpoints.includes(endpoint)) return null;
		const scripted = this.script.shift();
		if (scripted !== undefined) return scripted === 'ok' ? null : scripted;
		const rate = this.plan.rate ?? 0;
		if (rate <= 0 || this.random() >= rate) return null;
		const kinds = this.plan.kinds && this.plan.kinds.length > 0 ? this.plan.kinds : RANDOM_KINDS;
		return kinds[Math.floor(this.random() * kinds.length)] ?? null;
	}
}

function gatewayPage(status: number, title: string): SimResponse {
	const body = `<html>\r\n<head><title>${status} ${title}</title></head>\r\n<body>\r\n<center><h1>${status} ${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
	return {status, headers: {'Content-Type': 'text/html'}, body};
}

/** The response that replaces the real one for a status fault, or null for other kinds. */
export function statusFault(kind: FaultKind, plan: FaultPlan, requestId: string): SimResponse | null {
	switch (kind) {
		case '500':
			return apiError(500, 'ModelArts.0001', 'Internal server error.');
		case '502':
			return gatewayPage(502, 'Bad Gateway');
		case '503':
			return gatewayPage(503, 'Service Temporarily Unavailable');
		case '429':
			return json(
				429,
				{error_code: 'APIGW.0308', error_msg: 'The throttling threshold has been reached: policy user over ratelimit,limit:5,time:1 second', request_id: requestId},
				{'Retry-After': String(plan.retryAfterSeconds ?? 2)},
			);
		default:
			return null;
	}
}

/** The real response, damaged as a 'truncated' or 'invalid-json' fault damages it. */
export function corruptBody(kind: FaultKind, response: SimResponse): SimResponse {
	if (kind === 'truncated') return {...response, body: response.body.slice(0, Math.max(1, Math.floor(response.body.length / 2)))};
	if (kind === 'invalid-json') return {...response, body: `{'service_id': undefined, "events": [${response.body}`};
	return response;
}
