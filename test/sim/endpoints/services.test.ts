import {afterEach, describe, expect, it} from 'vitest';
import type {Harness} from '../helpers.js';
import {startHarness, T0} from '../helpers.js';

let harness: Harness;
afterEach(async () => harness?.sim.close());

interface Details {
	status: string;
	progress?: number;
	error_msg?: string;
	transition_at: number;
	update_time: number;
	infer_type: string;
	config: {model_name: string; model_version: string; status: string; weight: number; instance_count: number}[];
}

interface List {
	total_count: number;
	count: number;
	services: {service_id: string; service_name: string; status: string; publish_at: number}[];
}

const details = async () => {
	const {status, body} = await harness.getJson<Details>(`/${harness.sim.serviceId}`);
	expect(status).toBe(200);
	return body;
};

describe('service details', () => {
	it('moves success from deploying (progress rising, models notReady) to running (models ready)', async () => {
		harness = await startHarness({scenario: 'success'});
		const start = await details();
		expect(start).toMatchObject({status: 'deploying', progress: 0, infer_type: 'real-time'});
		expect(start.config).toEqual([expect.objectContaining({model_name: 'TF', model_version: '3.0.0', status: 'notReady', weight: 100, instance_count: 1})]);

		harness.advance(21_000);
		const midway = await details();
		expect(midway.status).toBe('deploying');
		expect(midway.progress).toBeGreaterThan(0);
		expect(midway.progress).toBeLessThan(100);

		harness.advance(20_000);
		const done = await details();
		expect(done).toMatchObject({status: 'running', progress: 100});
		expect(done.config[0]?.status).toBe('ready');
		expect(done.transition_at).toBe(T0 + 38_000);
	});

	it('ends failure as failed with an error_msg naming the cause', async () => {
		harness = await startHarness({scenario: 'failure'});
		harness.advance(30_000);
		expect((await details()).status).toBe('deploying');
		harness.advance(30_000);
		const end = await details();
		expect(end.status).toBe('failed');
		expect(end.error_msg).toMatch(/schedule resource failed.*insufficient CPU/);
		expect(end.config[0]?.status).toBe('notReady');
	});

	it('runs the scenario faster with speed: a 38 s deployment is done after 38 ms at speed 1000', async () => {
		harness = await startHarness({scenario: 'success', speed: 1000});
		harness.advance(37);
		expect((await details()).status).toBe('deploying');
		harness.advance(1);
		expect((await details()).status).toBe('running');
	});

	it('applies setService patches immediately and moves transition_at on a status change', async () => {
		harness = await startHarness({scenario: 'success'});
		harness.advance(5000);
		harness.sim.setService(harness.sim.serviceId, {status: 'stopped'});
		expect(await details()).toMatchObject({status: 'stopped', transition_at: T0 + 5000});
	});

	it('answers 404 ModelArts.3502 for an unknown service', async () => {
		harness = await startHarness();
		for (const path of ['/no-such-service', '/no-such-service/events']) {
			const {status, body} = await harness.getJson(path);
			expect(status).toBe(404);
			expect(body).toEqual({error_code: 'ModelArts.3502', error_msg: 'Service no-such-service does not exist'});
		}
	});
});

describe('services list', () => {
	const list = async (query: Record<string, string | number> = {}) => {
		const {status, body} = await harness.getJson<List>('', query);
		expect(status).toBe(200);
		return body;
	};

	it('lists the watched service and its neighbours, newest published first', async () => {
		harness = await startHarness({scenario: 'failure'});
		const body = await list();
		expect(body.total_count).toBe(body.count);
		expect(body.total_count).toBeGreaterThanOrEqual(3);
		expect(body.services[0]?.service_id).toBe(harness.sim.serviceId);
		const published = body.services.map((service) => service.publish_at);
		expect(published).toEqual([...published].sort((a, b) => b - a));
		expect(new Set(body.services.map((service) => service.status)).size).toBeGreaterThanOrEqual(3);
	});

	it('filters by service_name (substring) and status', async () => {
		harness = await startHarness();
		expect((await list({service_name: 'OCR'})).services.map((s) => s.service_name)).toEqual(['legacy-ocr']);
		const stopped = await list({status: 'stopped'});
		expect(stopped.services.every((service) => service.status === 'stopped')).toBe(true);
		expect(stopped.total_count).toBe(stopped.services.length);
	});

	it('sorts by service_name and pages with total_count before paging', async () => {
		harness = await startHarness();
		const all = (await list({sort_by: 'service_name', order: 'asc'})).services.map((s) => s.service_name);
		expect(all).toEqual([...all].sort());
		const second = await list({sort_by: 'service_name', order: 'asc', limit: 2, offset: 1});
		expect(second.total_count).toBe(all.length);
		expect(second.services.map((s) => s.service_name)).toEqual(all.slice(2, 4));
	});

	it.each([
		['sort_by', 'status'],
		['order', 'up'],
		['limit', '0'],
		['offset', '-2'],
	])('rejects %s=%s with a 400', async (name, value) => {
		harness = await startHarness();
		const response = await harness.get('', {[name]: value});
		expect(response.status).toBe(400);
		expect(await response.json()).toMatchObject({error_code: 'ModelArts.0107'});
	});
});
