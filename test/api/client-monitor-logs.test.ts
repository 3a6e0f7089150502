// The monitor and update logs requests (modelarts-api.md §7–8), against a fake fetch that
// answers with fixtures written from the documented shapes.
import {describe, expect, it} from 'vitest';
import {createClient, type FetchLike, type FetchResponse} from '../../source/api/client.js';
import {AuthError, HopError, TransientError} from '../../source/api/errors.js';
import {availability} from '../../source/api/poll/optional-api.js';
import {tokenAuth} from './token-auth.js';

const TOKEN = 'tok-3f9a8b7c6d5e4f3a2b1c';
const SERVICE = '35de3ca9-0e3b-4c8c-8d5a-1f2e3d4c5b6a';
const PASSWORD = 'hunter2-Sup3rSecret!';

const MONITOR = {
	service_name: 'svc',
	service_id: SERVICE,
	service_running_instance_count: 1,
	service_instance_count: 2,
	monitors: [{model_id: 'm-1', model_name: 'resnet', model_version: '1.0.0', model_running_instance_count: 1, model_instance_count: 2, cpu_core_usage: 2.4, cpu_core_total: 4}],
};

const LOGS = {
	service_name: 'svc',
	service_id: SERVICE,
	logs: [
		{update_time: 1_562_600_000_000, result: 'RUNNING', config: [{model_name: 'resnet', model_version: '1.1.0', instance_count: 2, envs: {DB_PASSWORD: PASSWORD}}]},
		{update_time: 1_562_500_000_000, result: 'SUCCESS', config: [{model_name: 'resnet', model_version: '1.0.0', instance_count: 1, envs: {DB_PASSWORD: 'old'}}]},
	],
};

async function* once(chunk: Uint8Array): AsyncGenerator<Uint8Array> {
	yield chunk;
}

/** A fetch that answers every request with `status` and `body`, and records the URLs asked for. */
function fakeFetch(status: number, body: unknown): FetchLike & {readonly urls: string[]} {
	const urls: string[] = [];
	const fetch = async (url: string): Promise<FetchResponse> => {
		urls.push(url);
		const text = typeof body === 'string' ? body : JSON.stringify(body);
		return {status, headers: {get: () => null}, body: once(new TextEncoder().encode(text))};
	};
	return Object.assign(fetch, {urls});
}

function clientWith(fetch: FetchLike, problems: string[] = []) {
	return createClient({endpoint: 'https://modelarts.example', projectId: 'proj-1', auth: tokenAuth(TOKEN), fetch, onProblem: (problem) => problems.push(problem)});
}

describe('getMonitor', () => {
	it('asks the documented path and returns the validated counts', async () => {
		// Given a server that answers the monitor request
		const fetch = fakeFetch(200, MONITOR);

		// When the monitor is read
		const monitor = await clientWith(fetch).getMonitor(SERVICE);

		// Then the request went to …/monitor and the counts are typed
		expect(fetch.urls).toEqual([`https://modelarts.example/v1/proj-1/services/${SERVICE}/monitor`]);
		expect(monitor).toMatchObject({service_running_instance_count: 1, service_instance_count: 2, monitors: [{model_name: 'resnet', model_running_instance_count: 1}]});
	});

	it('reports what it dropped through the problem reporter, and carries on', async () => {
		const problems: string[] = [];
		const monitor = await clientWith(fakeFetch(200, {...MONITOR, service_instance_count: 'many'}), problems).getMonitor(SERVICE);

		expect(monitor.service_instance_count).toBeUndefined();
		expect(problems).toEqual(['monitor: 1 monitor field dropped (invalid service_instance_count: 1)']);
	});

	it('rejects an answer that is not a monitor at all as transient', async () => {
		await expect(clientWith(fakeFetch(200, {status: 'ok'})).getMonitor(SERVICE)).rejects.toBeInstanceOf(TransientError);
	});
});

describe('getUpdateLogs', () => {
	it('passes the update_time filter and never returns an environment value', async () => {
		// Given a server with two update records, the newest holding a password in its envs
		const fetch = fakeFetch(200, LOGS);

		// When the logs of one update are read
		const logs = await clientWith(fetch).getUpdateLogs(SERVICE, {update_time: 1_562_600_000_000});

		// Then the filter is in the query, the records are typed, and the password is nowhere
		expect(fetch.urls).toEqual([`https://modelarts.example/v1/proj-1/services/${SERVICE}/logs?update_time=1562600000000`]);
		expect(logs.records.map((record) => record.result)).toEqual(['RUNNING', 'SUCCESS']);
		expect(Object.keys(logs.records[0]!.config[0]!.envs!)).toEqual(['DB_PASSWORD']);
		expect(JSON.stringify(logs)).not.toContain(PASSWORD);
	});

	it('asks without a query when none is given', async () => {
		const fetch = fakeFetch(200, {logs: []});
		expect((await clientWith(fetch).getUpdateLogs(SERVICE, {})).records).toEqual([]);
		expect(fetch.urls).toEqual([`https://modelarts.example/v1/proj-1/services/${SERVICE}/logs`]);
	});
});

describe('availability', () => {
	it.each([
		[403, '{"error_code":"ModelArts.0210","error_msg":"no permission"}', 'HTTP 403 ModelArts.0210'],
		[404, '{"error_code":"APIGW.0101","error_msg":"The API does not exist or has not been published in the environment"}', 'HTTP 404 APIGW.0101'],
		[404, '<html><body>Not Found</body></html>', 'HTTP 404'],
		[400, '{"error_code":"ModelArts.0101","error_msg":"node_id is required"}', 'HTTP 400 ModelArts.0101'],
	])('when the monitor answers %i, then it is absent with a short reason', async (status, body, reason) => {
		const client = clientWith(fakeFetch(status, body));
		expect(await availability(client.getMonitor(SERVICE))).toEqual({kind: 'absent', reason});
		expect(await availability(client.getUpdateLogs(SERVICE, {}))).toEqual({kind: 'absent', reason});
	});

	it('gives the answer when there is one', async () => {
		const result = await availability(clientWith(fakeFetch(200, MONITOR)).getMonitor(SERVICE));
		expect(result).toMatchObject({kind: 'available', value: {service_instance_count: 2}});
	});

	it.each([
		[401, '{"error_code":"ModelArts.0203","error_msg":"Invalid token."}', AuthError],
		[503, '<html>busy</html>', HopError],
		[200, '{"status":"ok"}', TransientError],
	])('when the monitor answers %i, then it is not an absence: the error is the caller’s to handle', async (status, body, kind) => {
		await expect(availability(clientWith(fakeFetch(status, body)).getMonitor(SERVICE))).rejects.toBeInstanceOf(kind);
	});

	it('rejects with the caller’s abort reason', async () => {
		const controller = new AbortController();
		controller.abort(new Error('stopped by the user'));
		await expect(availability(clientWith(fakeFetch(200, MONITOR)).getMonitor(SERVICE, controller.signal))).rejects.toThrow('stopped by the user');
	});
});
