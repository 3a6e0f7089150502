// Which API generation watches a service (--api auto|v1|v2). With auto, a service a list
// showed as v2 is watched through v2 at once, any other through v1 until v1 answers 404 for
// it, and then through v2 if v2 knows it (api/v2/generation-switch.ts); an Open Telekom Cloud
// endpoint never tries v2 (it has none).
// The generation decides the poll loop's client and event sync; everything above them is the same.
import {switchingGeneration} from '../api/v2/generation-switch.js';
import type {ProblemReporter} from '../api/payloads.js';
import {listServicesOfBoth} from '../api/v2/service-list.js';
import type {ModelArtsClient, ServicesQuery} from '../api/types.js';
import type {V2Client} from '../api/v2/client.js';
import {createV2EventSync} from '../api/v2/event-sync.js';
import {createV2WatchClient} from '../api/v2/watch-client.js';
import {createEventSync} from '../api/poll/sync.js';
import {createWatcher} from '../api/poll/watcher.js';
import type {WatcherFactory, WatcherOptions} from '../api/poll/watcher-types.js';
import {isOpenTelekomEndpoint} from '../config/endpoint.js';
import type {Config} from '../config/types.js';
import type {ServiceSummary} from '../core/types.js';

export type Generation = 'v1' | 'v2';

/** The clients of both generations and what is known about which serves which service. */
export interface GenerationRouting {
	/** Both generations' services (only v1's on Open Telekom Cloud or with --api v1; only v2's with --api v2). */
	listServices(query?: Pick<ServicesQuery, 'service_name'>, signal?: AbortSignal): Promise<ServiceSummary[]>;
	/** The poll loop of a service, through its generation's client (v1 unless known or chosen otherwise). */
	watcherFor(serviceId: string, base: Omit<WatcherOptions, 'client' | 'serviceId' | 'onMessage'>): WatcherFactory;
}

export interface RoutingOptions {
	readonly config: Pick<Config, 'api' | 'endpoint' | 'lang' | 'since' | 'until'>;
	readonly v1: ModelArtsClient;
	readonly v2: V2Client;
	readonly onProblem?: ProblemReporter;
	/** Told the generation chosen for each service (for --debug). */
	readonly onChoice?: (serviceId: string, generation: Generation, why: string) => void;
}

export function createGenerationRouting(options: RoutingOptions): GenerationRouting {
	const {config} = options;
	const chosen = config.api === 'auto' ? null : config.api;
	const v2 = chosen === 'v1' || (chosen === null && isOpenTelekomEndpoint(config.endpoint)) ? null : options.v2;
	const v1 = chosen === 'v2' ? null : options.v1;
	const known = new Map<string, Generation>();
	const decide = (serviceId: string, generation: Generation, why: string): Generation => {
		if (!known.has(serviceId)) options.onChoice?.(serviceId, generation, why);
		known.set(serviceId, generation);
		return generation;
	};

	return {
		async listServices(query = {}, signal) {
			const services = await listServicesOfBoth(v1, v2, query, signal);
			for (const service of services) known.set(service.service_id, service.generation ?? 'v1');
			return services;
		},
		watcherFor(serviceId, base) {
			return (onMessage) => {
				const v2Parts = () => {
					const v2Client = v2 ?? options.v2;
					const client = createV2WatchClient({v2: v2Client, onProblem: options.onProblem, onPods: (report) => onMessage({type: 'pods', report, at: Date.now()})});
					const sync = createV2EventSync({client: v2Client, serviceId, since: config.since, until: config.until, language: config.lang, onProblem: options.onProblem});
					return {client, sync};
				};
				const v1Parts = () => ({client: options.v1, sync: createEventSync({client: options.v1, serviceId, since: config.since, until: config.until})});
				const generation = known.get(serviceId) ?? chosen ?? (v2 === null ? 'v1' : null);
				// Chosen, or on Open Telekom Cloud: one generation only.
				if (chosen !== null || v2 === null) return createWatcher({...base, ...(generation === 'v2' ? v2Parts() : v1Parts()), serviceId, onMessage});
				// auto: the likelier generation first (v2 when a list said so), the other on its 404.
				const v2First = generation === 'v2';
				const parts = switchingGeneration({
					first: v2First ? v2Parts() : v1Parts(),
					second: v2First ? v1Parts : v2Parts,
					probeSecond: (signal) => (v2First ? options.v1.getService(serviceId, signal) : options.v2.getService(serviceId, signal)),
					onSwitch: () => decide(serviceId, v2First ? 'v1' : 'v2', v2First ? 'the v2 API does not know it, the v1 API does' : 'the v1 API does not know it, the v2 API does'),
				});
				return createWatcher({...base, ...parts, serviceId, onMessage});
			};
		},
	};
}
