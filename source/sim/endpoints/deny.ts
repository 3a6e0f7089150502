// Switches that make a service's details, monitor or update-log API, or the model and pool
// APIs read for evidence, answer 403 or 404 for
// every request, so a client's "this API is not there" path can be seen in the demo. A 403
// reads as an IAM policy refusal; a 404 as a region whose gateway does not publish the API.
import type {SimResponse} from './http-util.js';
import {apiError, routeNotFound} from './http-util.js';
import type {EvidenceEndpoint, ServiceEndpoint} from './routes.js';

export const DENIABLE = ['details', 'monitor', 'logs', 'model', 'pool', 'pool-nodes', 'pool-events'] as const;

export type DeniableEndpoint = (typeof DENIABLE)[number];

function isDeniable(endpoint: string): endpoint is DeniableEndpoint {
	return (DENIABLE as readonly string[]).includes(endpoint);
}

/** Which endpoints refuse, and how. */
export type DenyPlan = Readonly<Partial<Record<DeniableEndpoint, 403 | 404>>>;

/** The IAM action each endpoint needs, as the API reference names it. */
const ACTIONS: Readonly<Record<DeniableEndpoint, string>> = {
	details: 'modelarts:service:get',
	monitor: 'modelarts:service:getMonitor',
	logs: 'modelarts:service:getLogs',
	model: 'modelarts:model:get',
	pool: 'modelarts:pool:get',
	'pool-nodes': 'modelarts:node:list',
	'pool-events': 'modelarts:event:list',
};

const USAGE = `API=STATUS pairs separated by commas, e.g. monitor=403,logs=404 (API: ${DENIABLE.join(', ')}; STATUS: 403 or 404)`;

/**
 * Parses `monitor=403,logs=404`. On a bad value, `error` says what is accepted and what
 * was wrong, without a flag name, so any flag that takes this value can prefix its own.
 */
export function parseDenyPlan(text: string): {readonly plan: DenyPlan} | {readonly error: string} {
	const plan: Partial<Record<DeniableEndpoint, 403 | 404>> = {};
	for (const part of text.split(',').map((piece) => piece.trim())) {
		const [name = '', status, ...extra] = part.split('=').map((piece) => piece.trim());
		if (!isDeniable(name) || (status !== '403' && status !== '404') || extra.length > 0) {
			return {error: `expected ${USAGE}; "${part}" is not one`};
		}
		if (plan[name] !== undefined) return {error: `expected ${USAGE}; ${name} is given twice`};
		plan[name] = status === '403' ? 403 : 404;
	}
	return {plan};
}

/** The refusal `endpoint` answers with under `plan`, or null when it answers normally. */
export function deniedResponse(plan: DenyPlan, endpoint: ServiceEndpoint | EvidenceEndpoint): SimResponse | null {
	if (!isDeniable(endpoint) || plan[endpoint] === undefined) return null;
	if (plan[endpoint] === 404) return routeNotFound();
	return apiError(403, 'ModelArts.0204', `Policy doesn't allow ${ACTIONS[endpoint]} to be performed.`);
}
