// Services named by name, or taken with --all, found in the project's list (every page is
// read), before polling starts. A name that matches no service or several is an error that
// says so; a service named by id needs no list, which only adds its name when it can.
import {ApiError, NotFoundError} from '../api/errors.js';
import type {ServicesQuery} from '../api/types.js';
import {ConfigError} from '../config/errors.js';
import type {ManyServices} from '../config/types.js';
import {outcomeOfStatus} from '../core/deployment/outcome.js';
import type {ServiceSummary} from '../core/types.js';
import type {ServiceToWatch} from './session.js';

/** The one service of that exact name. */
export function serviceNamed(services: readonly ServiceSummary[], name: string): ServiceSummary {
	const matches = services.filter(service => service.service_name === name);
	if (matches.length === 0) throw new NotFoundError(`No service named "${name}" in this project.`, 404);
	if (matches.length > 1) {
		throw new ConfigError(`${matches.length} services are named "${name}": pass one of their ids (${matches.map(service => service.service_id).join(', ')}).`);
	}

	return matches[0]!;
}

/** Every service of the project matching the query (both API generations where both are spoken). */
export type ServiceLister = (query?: Pick<ServicesQuery, 'service_name'>) => Promise<ServiceSummary[]>;

/** --service-name: the id of the one service of that exact name. */
export async function serviceIdNamed(list: ServiceLister, name: string): Promise<string> {
	return serviceNamed(await list({service_name: name}), name).service_id;
}

/** What --all takes: deploying, waiting or pending; with --include-running, running (or concerning) too. */
function takenByAll(service: ServiceSummary, includeRunning: boolean): boolean {
	if (outcomeOfStatus(service.status) === 'in_progress') return true;
	return includeRunning && ['running', 'concerning'].includes(service.status.trim().toLowerCase());
}

const ALL_NOTHING = 'No service of this project is deploying, waiting or pending, so --all has nothing to watch';

function byName(a: ServiceSummary, b: ServiceSummary): number {
	return a.service_name.localeCompare(b.service_name);
}

/** The list, or null when it cannot be read and only ids were given (their names are then unknown until polled). */
async function projectList(list: ServiceLister, many: ManyServices): Promise<readonly ServiceSummary[] | null> {
	try {
		return await list();
	} catch (error) {
		if (many.all || many.names.length > 0 || !(error instanceof ApiError)) throw error;
		return null;
	}
}

/** The services of a watch of several, each once: ids and names in the order given, or --all's by name. */
export async function servicesToWatch(lister: ServiceLister, many: ManyServices): Promise<ServiceToWatch[]> {
	const list = await projectList(lister, many);
	const of = (service: ServiceSummary): ServiceToWatch => ({serviceId: service.service_id, name: service.service_name});
	if (many.all) {
		const taken = (list ?? []).filter(service => takenByAll(service, many.includeRunning)).sort(byName);
		if (taken.length === 0) throw new NotFoundError(many.includeRunning ? `${ALL_NOTHING} (nor running).` : `${ALL_NOTHING}; add --include-running for the running ones.`, 404);
		return taken.map(of);
	}

	const byId = new Map((list ?? []).map(service => [service.service_id, service]));
	const chosen = new Map<string, ServiceToWatch>();
	for (const id of many.ids) chosen.set(id, {serviceId: id, name: byId.get(id)?.service_name ?? null});
	for (const name of many.names) {
		const service = serviceNamed(list ?? [], name);
		if (!chosen.has(service.service_id)) chosen.set(service.service_id, of(service));
	}

	return [...chosen.values()];
}
