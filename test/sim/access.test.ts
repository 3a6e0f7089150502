import {afterEach, describe, expect, it} from 'vitest';
import type {Harness} from './helpers.js';
import {startHarness, T0} from './helpers.js';

let harness: Harness;
afterEach(async () => harness?.sim.close());

describe('authentication, project and routing errors', () => {
	it('answers 401 ModelArts.0201 without a token and 0203 with a wrong one', async () => {
		harness = await startHarness();
		const missing = await harness.get(`/${harness.sim.serviceId}/events`, {}, {});
		expect(missing.status).toBe(401);
		expect(await missing.json()).toMatchObject({error_code: 'ModelArts.0201'});
		const wrong = await harness.get(`/${harness.sim.serviceId}`, {}, {'X-Auth-Token': 'not-the-token'});
		expect(wrong.status).toBe(401);
		const body = await wrong.text();
		expect(JSON.parse(body)).toMatchObject({error_code: 'ModelArts.0203'});
		expect(body).not.toContain('not-the-token');
	});

	it('answers 403 ModelArts.0210 for another project id in the URL', async () => {
		harness = await startHarness();
		const response = await fetch(`${harness.sim.url}/v1/ffffffffffffffffffffffffffffffff/services/${harness.sim.serviceId}`, {headers: {'X-Auth-Token': harness.sim.token}});
		expect(response.status).toBe(403);
		expect(await response.json()).toMatchObject({error_code: 'ModelArts.0210'});
	});

	it.each([
		['GET', '/v2/whatever'],
		['GET', '/v1/PROJECT/services/ID/metrics'],
		['POST', '/v1/PROJECT/services'],
	])('answers 404 with an error body for %s %s', async (method, template) => {
		harness = await startHarness();
		const path = template.replace('PROJECT', harness.sim.projectId).replace('ID', harness.sim.serviceId);
		const response = await fetch(`${harness.sim.url}${path}`, {method, headers: {'X-Auth-Token': harness.sim.token}});
		expect(response.status).toBe(404);
		expect(await response.json()).toMatchObject({error_code: 'APIGW.0101'});
	});

	it('lets an auth hook replace the token check and see the request', async () => {
		const seen: string[] = [];
		harness = await startHarness({
			auth: {
				check({method, url, headers}) {
					seen.push(`${method} ${url.pathname} ${headers['authorization'] ?? ''}`);
					return headers['authorization'] === 'good' ? {ok: true} : {ok: false, status: 401, body: {error_code: 'APIGW.0301', error_msg: 'Incorrect IAM authentication information'}};
				},
			},
		});
		expect((await harness.get(`/${harness.sim.serviceId}`, {}, {Authorization: 'good'})).status).toBe(200);
		const refused = await harness.get(`/${harness.sim.serviceId}`, {}, {'X-Auth-Token': harness.sim.token});
		expect(refused.status).toBe(401);
		expect(await refused.json()).toMatchObject({error_code: 'APIGW.0301'});
		expect(seen[0]).toBe(`GET /v1/${harness.sim.projectId}/services/${harness.sim.serviceId} good`);
	});

	it('serves extra routes before the API and logs them', async () => {
		harness = await startHarness({
			routes: [
				(req, res, body) => {
					if (req.method !== 'POST' || req.url !== '/v3/auth/tokens') return false;
					res.writeHead(201, {'X-Subject-Token': 'iam-token', 'Content-Type': 'application/json', 'Content-Length': String(body.length)});
					res.end(body);
					return true;
				},
			],
		});
		const response = await fetch(`${harness.sim.url}/v3/auth/tokens`, {method: 'POST', body: '{"auth":{}}'});
		expect(response.status).toBe(201);
		expect(response.headers.get('x-subject-token')).toBe('iam-token');
		expect(await response.text()).toBe('{"auth":{}}');
		expect(harness.sim.requests.at(-1)).toMatchObject({method: 'POST', path: '/v3/auth/tokens', status: 201, bytes: 11});
	});

	it('logs method, path, query, arrival time, endpoint, status and bytes of every request', async () => {
		harness = await startHarness();
		harness.advance(1500);
		const response = await harness.get(`/${harness.sim.serviceId}/events`, {limit: 2, order: 'asc'});
		const bytes = Buffer.byteLength(await response.text());
		expect(harness.sim.requests).toEqual([
			{
				method: 'GET',
				path: `/v1/${harness.sim.projectId}/services/${harness.sim.serviceId}/events`,
				query: {limit: '2', order: 'asc'},
				at: T0 + 1500,
				endpoint: 'events',
				generation: 'v1',
				status: 200,
				bytes,
				fault: null,
			},
		]);
	});
});

describe('starting the simulator', () => {
	it('rejects an unknown scenario, naming the known ones', async () => {
		const {startSimulator} = await import('../../source/sim/server.js');
		await expect(startSimulator({scenario: 'nope'})).rejects.toThrow(/Unknown scenario "nope".*success/);
		await expect(startSimulator({speed: 0})).rejects.toThrow(/speed/);
	});

	it('starts scenario time at the first API request with clockStart first-request', async () => {
		harness = await startHarness({clockStart: 'first-request'});
		harness.advance(60_000);
		const {body} = await harness.getJson<{status: string}>(`/${harness.sim.serviceId}`);
		expect(body.status).toBe('deploying');
	});
});
