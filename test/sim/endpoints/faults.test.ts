import {afterEach, describe, expect, it} from 'vitest';
import type {FaultKind} from '../../../source/sim/server.js';
import type {Harness} from '../helpers.js';
import {startHarness, waitFor} from '../helpers.js';

let harness: Harness;
afterEach(async () => harness?.sim.close());

const eventsPath = () => `/${harness.sim.serviceId}/events`;
const detailsPath = () => `/${harness.sim.serviceId}`;

describe('status faults', () => {
	it.each([
		['500', 500, 'application/json', '"error_code":"ModelArts.0001"'],
		['502', 502, 'text/html', '502 Bad Gateway'],
		['503', 503, 'text/html', '503 Service Temporarily Unavailable'],
	] as const)('answers %s with the usual body', async (kind, status, type, text) => {
		harness = await startHarness({faults: {script: [kind]}});
		const response = await harness.get(eventsPath());
		expect(response.status).toBe(status);
		expect(response.headers.get('content-type')).toContain(type);
		expect(await response.text()).toContain(text);
	});

	it('throttles with 429 APIGW.0308 and a Retry-After in seconds', async () => {
		harness = await startHarness({faults: {script: ['429'], retryAfterSeconds: 3}});
		const response = await harness.get(detailsPath());
		expect(response.status).toBe(429);
		expect(response.headers.get('retry-after')).toBe('3');
		expect(await response.json()).toMatchObject({error_code: 'APIGW.0308', request_id: expect.any(String)});
	});
});

describe('body faults', () => {
	it.each(['truncated', 'invalid-json'] as const)('%s: 200 with a body that does not parse as JSON', async (kind) => {
		harness = await startHarness({faults: {script: [kind]}});
		const faulty = await harness.get(eventsPath());
		const text = await faulty.text();
		expect(faulty.status).toBe(200);
		expect(faulty.headers.get('content-type')).toContain('application/json');
		expect(() => JSON.parse(text)).toThrow();
		expect(harness.sim.requests.at(-1)).toMatchObject({status: 200, fault: kind});
	});

	it('truncated: the body is a prefix of the real one', async () => {
		harness = await startHarness({faults: {script: ['truncated']}});
		const truncated = await (await harness.get(eventsPath())).text();
		const whole = await (await harness.get(eventsPath())).text();
		expect(truncated.length).toBeLessThan(whole.length);
		expect(whole.startsWith(truncated)).toBe(true);
	});

	it('slow: the real body arrives in full, just slowly', async () => {
		harness = await startHarness({faults: {script: ['slow'], slowChunkMs: 5}});
		const slow = await harness.get(eventsPath());
		const slowText = await slow.text();
		const normal = await (await harness.get(eventsPath())).text();
		expect(slow.status).toBe(200);
		expect(slowText).toBe(normal);
		expect(harness.sim.requests[0]).toMatchObject({status: 200, fault: 'slow', bytes: Buffer.byteLength(normal)});
	});
});

describe('connection faults', () => {
	it('reset: the connection drops without a response', async () => {
		harness = await startHarness({faults: {script: ['reset']}});
		await expect(harness.get(eventsPath())).rejects.toThrow();
		expect(harness.sim.requests[0]).toMatchObject({status: null, fault: 'reset'});
		expect((await harness.get(eventsPath())).status).toBe(200);
	});

	it('hang: no answer until the client aborts', async () => {
		harness = await startHarness({faults: {script: ['hang']}});
		const controller = new AbortController();
		const url = `${harness.sim.url}/v1/${harness.sim.projectId}/services${detailsPath()}`;
		const pending = fetch(url, {headers: {'X-Auth-Token': harness.sim.token}, signal: controller.signal});
		await waitFor(() => harness.sim.requests.length === 1);
		expect(harness.sim.requests[0]).toMatchObject({status: null, fault: 'hang'});
		controller.abort();
		await expect(pending).rejects.toThrow(/abort/i);
		expect((await harness.get(detailsPath())).status).toBe(200);
	});

	it('hang: close() still resolves, dropping the hung connection', async () => {
		harness = await startHarness({faults: {script: ['hang']}});
		const pending = harness.get(detailsPath());
		await waitFor(() => harness.sim.requests.length === 1);
		await harness.sim.close();
		await expect(pending).rejects.toThrow();
	});
});

describe('fault plans', () => {
	it('follows the script request by request, then answers normally', async () => {
		harness = await startHarness({faults: {script: ['500', 'ok', '503']}});
		const statuses = [];
		for (let index = 0; index < 4; index += 1) statuses.push((await harness.get(eventsPath())).status);
		expect(statuses).toEqual([500, 200, 503, 200]);
	});

	it('leaves the services list and auth errors alone', async () => {
		harness = await startHarness({faults: {script: ['500']}});
		expect((await harness.get('')).status).toBe(200);
		expect((await harness.get(eventsPath(), {}, {})).status).toBe(401);
		expect((await harness.get(eventsPath())).status).toBe(500);
	});

	it('hits every endpoint of a service by default, the monitor and update logs too', async () => {
		harness = await startHarness({faults: {script: ['500', '503']}});
		expect((await harness.get(`${detailsPath()}/monitor`)).status).toBe(500);
		expect((await harness.get(`${detailsPath()}/logs`)).status).toBe(503);
	});

	it('with endpoints, only those take part: the others neither fail nor use up the script', async () => {
		harness = await startHarness({faults: {script: ['500'], endpoints: ['events']}});
		expect((await harness.get(`${detailsPath()}/monitor`)).status).toBe(200);
		expect((await harness.get(detailsPath())).status).toBe(200);
		expect((await harness.get(eventsPath())).status).toBe(500);
	});

	it('draws the same faults from the same seed, mixing faults and good answers', async () => {
		const run = async () => {
			harness = await startHarness({faults: {rate: 0.5, seed: 42, kinds: ['500', '429']}});
			const statuses: number[] = [];
			for (let index = 0; index < 20; index += 1) statuses.push((await harness.get(eventsPath())).status);
			await harness.sim.close();
			return statuses;
		};
		const first = await run();
		expect(await run()).toEqual(first);
		expect(first).toContain(200);
		expect(first.some((status) => status === 500 || status === 429)).toBe(true);
	});

	it('never lets a faulty answer change state: the clock starts at the first good request', async () => {
		harness = await startHarness({clockStart: 'first-request', faults: {script: ['503', 'truncated']}});
		expect((await harness.get(eventsPath())).status).toBe(503);
		harness.advance(10_000);
		await (await harness.get(detailsPath())).text();
		harness.advance(10_000);
		const {body} = await harness.getJson<{events: {occur_time: number}[]}>(eventsPath(), {order: 'asc'});
		// Truncated still computed a real answer, so the clock began at the second request.
		expect(body.events[0]?.occur_time).toBe(harness.now() - 10_000);
	});

	it('setFaults replaces the plan for the requests to come', async () => {
		harness = await startHarness();
		expect((await harness.get(eventsPath())).status).toBe(200);
		harness.sim.setFaults({script: ['502' satisfies FaultKind]});
		expect((await harness.get(eventsPath())).status).toBe(502);
		harness.sim.setFaults(undefined);
		expect((await harness.get(eventsPath())).status).toBe(200);
	});
});
