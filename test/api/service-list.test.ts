import {describe, expect, test} from 'vitest';
import {listAllServices} from '../../source/api/service-list.js';
import type {ModelArtsClient, ServicesQuery} from '../../source/api/types.js';
import type {ServiceSummary} from '../../source/core/types.js';

const SERVICES: ServiceSummary[] = Array.from({length: 7}, (_, index) => ({service_id: `id-${index}`, service_name: `svc-${index}`, status: 'running'}));

/** A list endpoint reading `offset` as a page number or a record offset, capping pages at `cap`. */
function fakeClient(mode: 'page' | 'record', cap: number, services = SERVICES): ModelArtsClient & {readonly queries: ServicesQuery[]} {
	const queries: ServicesQuery[] = [];
	return {
		queries,
		async listServices(query) {
			queries.push(query);
			const limit = Math.min(query.limit ?? 1000, cap);
			const start = mode === 'page' ? (query.offset ?? 0) * limit : (query.offset ?? 0);
			return {total_count: services.length, services: services.slice(start, start + limit)};
		},
		listEvents: () => Promise.reject(new Error('not used')),
		getService: () => Promise.reject(new Error('not used')),
		getMonitor: () => Promise.reject(new Error('not used')),
		getUpdateLogs: () => Promise.reject(new Error('not used')),
	};
}

describe('listAllServices', () => {
	test('one request when one page holds them all', async () => {
		const client = fakeClient('page', 1000);
		expect(await listAllServices(client)).toHaveLength(7);
		expect(client.queries).toEqual([{offset: 0, limit: 1000}]);
	});

	test.each(['page', 'record'] as const)('every service exactly once when the server caps pages and reads offset as a %s', async mode => {
		const client = fakeClient(mode, 3);
		const services = await listAllServices(client, {service_name: 'svc'});
		expect(services.map(s => s.service_id)).toEqual(SERVICES.map(s => s.service_id));
		expect(client.queries.every(query => query.service_name === 'svc')).toBe(true);
	});

	test('a server that repeats its first page forever is read a bounded number of times', async () => {
		const client: ModelArtsClient & {calls: number} = {
			calls: 0,
			async listServices() {
				this.calls += 1;
				return {total_count: 10, services: SERVICES.slice(0, 2)};
			},
			listEvents: () => Promise.reject(new Error('not used')),
			getService: () => Promise.reject(new Error('not used')),
			getMonitor: () => Promise.reject(new Error('not used')),
			getUpdateLogs: () => Promise.reject(new Error('not used')),
		};
		const services = await listAllServices(client);
		expect(services).toHaveLength(2);
		expect(client.calls).toBeLessThanOrEqual(10);
	});
});
