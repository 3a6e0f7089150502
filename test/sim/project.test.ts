import {afterEach, describe, expect, it} from 'vitest';
import {startSimulator} from '../../source/sim/server.js';
import {SCENARIO_NAMES} from '../../source/sim/scenarios/registry.js';
import type {EventsBody, Harness} from './helpers.js';
import {startHarness, T0} from './helpers.js';

let harness: Harness;
afterEach(async () => harness?.sim.close());

const SECOND = 1000;
const MAIN_SERVICE_ID = '35de3ca9-1b6d-4b6c-9f3e-6c1d0b0f5a21';
const IN_PROGRESS = new Set(['deploying', 'waiting', 'pending']);

interface List {
	total_count: number;
	services: {service_id: string; service_name: string; status: string}[];
}

describe('several scenarios in one project', () => {
	it('watches one service per scenario: the first keeps its id and name, the others say which scenario they play', async () => {
		harness = await startHarness({scenarios: ['success', 'failure', 'stuck']});
		const {services} = harness.sim;
		expect(services.map((service) => service.scenario)).toEqual(['success', 'failure', 'stuck']);
		expect(services[0]).toEqual({id: MAIN_SERVICE_ID, name: 'service-07085', scenario: 'success', generation: 'v1'});
		expect(services.slice(1).map((service) => service.name)).toEqual(['failure-02', 'stuck-03']);
		expect(new Set(services.map((service) => service.id)).size).toBe(3);
		expect(harness.sim.serviceId).toBe(MAIN_SERVICE_ID);
		expect(harness.sim.scenario).toBe('success');
	});

	it('derives the same ids on every start, and different ones for the same scenario twice', async () => {
		harness = await startHarness({scenarios: ['success', 'failure', 'failure']});
		const again = await startSimulator({scenarios: ['success', 'failure', 'failure']});
		expect(again.services).toEqual(harness.sim.services);
		await again.close();
		expect(new Set(harness.sim.services.map((service) => service.id)).size).toBe(3);
	});

	it('lists the watched services and the neighbours once, each with its own status', async () => {
		// Given three scenarios at 37 s: success still deploying, failure failed, stuck deploying
		harness = await startHarness({scenarios: ['success', 'failure', 'stuck']});
		harness.advance(37 * SECOND);
		const {body} = await harness.getJson<List>('');
		const ids = body.services.map((service) => service.service_id);
		expect(ids).toHaveLength(new Set(ids).size);
		expect(body.total_count).toBe(6);
		const statusOf = Object.fromEntries(body.services.map((service) => [service.service_name, service.status]));
		expect(statusOf).toMatchObject({'service-07085': 'deploying', 'failure-02': 'failed', 'stuck-03': 'deploying', 'image-classifier': 'running', 'legacy-ocr': 'stopped', 'nlp-gateway': 'failed'});
		// Then the services in progress (what --all takes) are exactly the two still deploying
		const inProgress = body.services.filter((service) => IN_PROGRESS.has(service.status)).map((service) => service.service_name);
		expect(inProgress.sort()).toEqual(['service-07085', 'stuck-03']);
		for (const status of IN_PROGRESS) {
			const filtered = (await harness.getJson<List>('', {status})).body.services.map((service) => service.service_name);
			expect(filtered.every((name) => inProgress.includes(name))).toBe(true);
		}
	});

	it('gives each service its own scenario: its events, details and monitor', async () => {
		harness = await startHarness({scenarios: ['success', 'multi-model']});
		harness.advance(60 * SECOND);
		const [success, multi] = harness.sim.services;
		const details = (await harness.getJson<{service_name: string; config: unknown[]}>(`/${multi!.id}`)).body;
		expect(details.service_name).toBe('multi-model-02');
		expect(details.config).toHaveLength(2);
		const events = (await harness.getJson<EventsBody>(`/${multi!.id}/events`, {order: 'asc'})).body;
		expect(events.service_name).toBe('multi-model-02');
		expect(events.events.some((event) => event.event_info.includes('bert 2.1.0'))).toBe(true);
		const own = (await harness.getJson<EventsBody>(`/${success!.id}/events`)).body.events;
		expect(own.some((event) => event.event_info.includes('bert'))).toBe(false);
		expect((await harness.getJson<{service_instance_count: number}>(`/${multi!.id}/monitor`)).body.service_instance_count).toBe(2);
	});

	it('serves every registered scenario side by side', async () => {
		harness = await startHarness({scenarios: SCENARIO_NAMES});
		harness.advance(60 * SECOND);
		for (const service of harness.sim.services) {
			if (service.generation === 'v2') {
				for (const endpoint of ['', '/events', '/deployments']) expect((await fetch(`${harness.sim.url}/v2/${harness.sim.projectId}/services/${service.id}${endpoint}`, {headers: {'X-Auth-Token': harness.sim.token}})).status).toBe(200);
				expect((await harness.get(`/${service.id}`)).status).toBe(404);
				continue;
			}
			for (const endpoint of ['', '/events', '/monitor', '/logs']) expect((await harness.get(`/${service.id}${endpoint}`)).status).toBe(200);
		}
	});

	it.each([
		[{scenario: 'success', scenarios: ['failure']}, /not both/],
		[{scenarios: []}, /at least one/],
		[{scenarios: ['success', 'nope']}, /Unknown scenario "nope"/],
	])('rejects %j', async (options, message) => {
		await expect(startSimulator(options)).rejects.toThrow(message);
	});
});

describe('determinism', () => {
	it('the same clock gives the same answers, byte for byte', async () => {
		const bodies = async (): Promise<string[]> => {
			const run = await startHarness({scenarios: ['update', 'two-instances', 'concerning']});
			const out: string[] = [];
			for (let second = 0; second <= 60; second += 5) {
				for (const service of run.sim.services) {
					for (const endpoint of ['', '/events', '/monitor', '/logs']) out.push(await (await run.get(`/${service.id}${endpoint}`)).text());
				}
				run.advance(5 * SECOND);
			}
			await run.sim.close();
			return out;
		};
		expect(await bodies()).toEqual(await bodies());
	});
});

describe('request rate at the server', () => {
	it('the request log carries each arrival time, so a test can count requests per second', async () => {
		// Given a client that sends five requests in one second, then two in the next
		harness = await startHarness();
		for (const at of [0, 100, 200, 300, 999, 1000, 1500]) {
			harness.advance(T0 + at - harness.now());
			await harness.get(`/${harness.sim.serviceId}${at === 999 ? '/monitor' : ''}`);
		}
		// When the log is bucketed by second
		const perSecond = new Map<number, number>();
		for (const request of harness.sim.requests) perSecond.set(Math.floor(request.at / 1000), (perSecond.get(Math.floor(request.at / 1000)) ?? 0) + 1);
		// Then the buckets show the client's rate
		expect([...perSecond.values()]).toEqual([5, 2]);
		expect(harness.sim.requests.map((request) => request.endpoint)).toEqual(['details', 'details', 'details', 'details', 'monitor', 'details', 'details']);
	});
});
