import {afterEach, describe, expect, it} from 'vitest';
import type {EventsBody, Harness} from '../helpers.js';
import {startHarness, T0} from '../helpers.js';

let harness: Harness;
afterEach(async () => harness?.sim.close());

const SEED = [
	'start to deploy service',
	'building image for model [TF 3.0.0]',
	'model (TF 3.0.0) build image success',
	'preparing environment',
	'[TF 3.0.0] prepare environment success',
	'[TF 3.0.0] schedule resource success',
	'[TF 3.0.0] pulling model image',
	'[TF 3.0.0] pull image success',
	'[TF 3.0.0] starting model',
];

/** Given the success scenario played to its end. */
async function finishedSuccess(offsetMode: 'page' | 'record' = 'page'): Promise<Harness> {
	harness = await startHarness({scenario: 'success', offsetMode});
	harness.advance(60_000);
	return harness;
}

async function events(query: Record<string, string | number> = {}): Promise<EventsBody> {
	const {status, body} = await harness.getJson<EventsBody>(`/${harness.sim.serviceId}/events`, query);
	expect(status).toBe(200);
	return body;
}

const infos = (body: EventsBody) => body.events.map((event) => event.event_info);

describe('events endpoint', () => {
	it('returns every event newest first by default, with the service identity and counts', async () => {
		await finishedSuccess();
		const body = await events();
		expect(body).toMatchObject({service_id: harness.sim.serviceId, service_name: 'service-07085', total_count: 9, count: 9});
		expect(infos(body)).toEqual([...SEED].reverse());
		expect(body.events.every((event) => event.event_type === 'normal')).toBe(true);
	});

	it('orders oldest first with order=asc', async () => {
		await finishedSuccess();
		expect(infos(await events({order: 'asc', sort_by: 'occur_time'}))).toEqual(SEED);
	});

	it('filters by event_type', async () => {
		harness = await startHarness({scenario: 'failure'});
		harness.advance(60_000);
		const abnormal = await events({event_type: 'abnormal'});
		const normal = await events({event_type: 'normal'});
		expect(abnormal.total_count).toBe(4);
		expect(abnormal.events.every((event) => event.event_type === 'abnormal')).toBe(true);
		expect(normal.total_count + abnormal.total_count).toBe((await events()).total_count);
	});

	it('treats start_time and end_time as inclusive bounds on occur_time', async () => {
		await finishedSuccess();
		// building image at +2 s, build success at +12 s, preparing at +13 s
		const body = await events({start_time: T0 + 2000, end_time: T0 + 13_000, order: 'asc'});
		expect(infos(body)).toEqual(SEED.slice(1, 4));
		expect(body.total_count).toBe(3);
	});

	it('filters by event_info text, case-insensitively', async () => {
		await finishedSuccess();
		expect(infos(await events({event_info: 'PULL IMAGE'}))).toEqual(['[TF 3.0.0] pull image success']);
	});

	it('keeps insertion order for same-millisecond events ascending and reverses it descending', async () => {
		await finishedSuccess();
		const at = T0 + 50_000;
		harness.sim.addEvents(harness.sim.serviceId, ['first', 'second', 'third'].map((info) => ({event_type: 'normal', event_info: info, occur_time: at})));
		expect(infos(await events({start_time: at, order: 'asc'}))).toEqual(['first', 'second', 'third']);
		expect(infos(await events({start_time: at, order: 'desc'}))).toEqual(['third', 'second', 'first']);
	});

	it('sorts events added out of order into place by occur_time', async () => {
		await finishedSuccess();
		harness.sim.addEvents(harness.sim.serviceId, [
			{event_type: 'abnormal', event_info: 'late arrival', occur_time: T0 + 12_500},
			{event_type: 'normal', event_info: 'older still', occur_time: T0 - 1},
		]);
		const body = await events({order: 'asc'});
		expect(infos(body)).toEqual(['older still', ...SEED.slice(0, 3), 'late arrival', ...SEED.slice(3)]);
	});

	it('pages by page number in page mode: offset N covers records [N*limit, N*limit+limit)', async () => {
		await finishedSuccess('page');
		const pages = [await events({order: 'asc', limit: 4, offset: 0}), await events({order: 'asc', limit: 4, offset: 1}), await events({order: 'asc', limit: 4, offset: 2})];
		expect(pages.map((page) => page.count)).toEqual([4, 4, 1]);
		expect(pages.flatMap(infos)).toEqual(SEED);
		expect(pages.every((page) => page.total_count === 9)).toBe(true);
		const beyond = await events({order: 'asc', limit: 4, offset: 3});
		expect(beyond).toMatchObject({total_count: 9, count: 0, events: []});
	});

	it('pages by record in record mode: offset N covers records [N, N+limit)', async () => {
		await finishedSuccess('record');
		expect(infos(await events({order: 'asc', limit: 4, offset: 4}))).toEqual(SEED.slice(4, 8));
		expect(infos(await events({order: 'asc', limit: 4, offset: 8}))).toEqual(SEED.slice(8));
	});

	it('accepts the limit edges 1 and 1000', async () => {
		await finishedSuccess();
		expect((await events({limit: 1})).count).toBe(1);
		expect((await events({limit: 1000})).count).toBe(9);
	});

	it.each([
		['limit', 'abc'],
		['limit', '0'],
		['limit', '1001'],
		['limit', '-1'],
		['limit', '2.5'],
		['offset', '-1'],
		['offset', 'x'],
		['order', 'up'],
		['sort_by', 'foo'],
		['event_type', 'bad'],
		['start_time', 'yesterday'],
		['end_time', ''],
		['event_info', 'a;b'],
	])('rejects %s=%s with a 400 ModelArts error body', async (name, value) => {
		await finishedSuccess();
		const {status, body} = await harness.getJson<{error_code: string; error_msg: string}>(`/${harness.sim.serviceId}/events`, {[name]: value});
		expect(status).toBe(400);
		expect(body.error_code).toBe('ModelArts.0107');
		expect(body.error_msg).toContain(name);
	});
});
