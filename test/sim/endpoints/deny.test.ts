import {afterEach, describe, expect, it} from 'vitest';
import {parseDenyPlan} from '../../../source/sim/endpoints/deny.js';
import type {Harness} from '../helpers.js';
import {startHarness} from '../helpers.js';

let harness: Harness;
afterEach(async () => harness?.sim.close());

describe('parseDenyPlan', () => {
	it.each([
		['monitor=403', {monitor: 403}],
		['monitor=403,logs=404', {monitor: 403, logs: 404}],
		[' details = 404 , logs=403 ', {details: 404, logs: 403}],
	])('reads %j', (text, plan) => {
		expect(parseDenyPlan(text)).toEqual({plan});
	});

	it.each([
		['', '""'],
		['monitor', '"monitor"'],
		['monitor=500', '"monitor=500"'],
		['events=403', '"events=403"'],
		['monitor=403=404', '"monitor=403=404"'],
		['monitor=403,monitor=404', 'monitor is given twice'],
	])('rejects %j, saying what is accepted and naming %s', (text, named) => {
		const result = parseDenyPlan(text);
		expect(result).toEqual({error: expect.stringContaining(named)});
		expect(result).toEqual({error: expect.stringContaining('monitor=403,logs=404')});
	});
});

describe('deny switches', () => {
	const path = (endpoint: string) => `/${harness.sim.serviceId}${endpoint === 'details' ? '' : `/${endpoint}`}`;

	it.each(['details', 'monitor', 'logs'])('%s=403: a ModelArts-shaped policy refusal naming the action', async (endpoint) => {
		harness = await startHarness({deny: {[endpoint]: 403}});
		const response = await harness.get(path(endpoint));
		expect(response.status).toBe(403);
		expect(await response.json()).toEqual({error_code: 'ModelArts.0204', error_msg: expect.stringMatching(/^Policy doesn't allow modelarts:service:get\w* to be performed\.$/)});
	});

	it.each(['details', 'monitor', 'logs'])('%s=404: the gateway route-not-found answer', async (endpoint) => {
		harness = await startHarness({deny: {[endpoint]: 404}});
		const response = await harness.get(path(endpoint));
		expect(response.status).toBe(404);
		expect(await response.json()).toMatchObject({error_code: 'APIGW.0101'});
	});

	it('leaves the other endpoints and the services list answering', async () => {
		harness = await startHarness({deny: {monitor: 403, logs: 404}});
		for (const endpoint of ['details', 'events']) expect((await harness.get(path(endpoint))).status).toBe(200);
		expect((await harness.get('')).status).toBe(200);
	});

	it('a denied request neither starts the clock nor uses up the fault script', async () => {
		// Given a clock that starts at the first good request, and one scripted fault
		harness = await startHarness({deny: {monitor: 403}, clockStart: 'first-request', faults: {script: ['500']}});
		harness.advance(60_000);
		// When the denied monitor is asked first
		expect((await harness.get(path('monitor'))).status).toBe(403);
		// Then the fault still hits the next request, and the scenario starts only after it
		expect((await harness.get(path('details'))).status).toBe(500);
		const {body} = await harness.getJson<{status: string}>(path('details'));
		expect(body.status).toBe('deploying');
		expect(harness.sim.requests.map((request) => [request.endpoint, request.status, request.fault])).toEqual([
			['monitor', 403, null],
			['details', 500, '500'],
			['details', 200, null],
		]);
	});
});
