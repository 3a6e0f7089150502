import fetch from 'node-fetch';
import {afterEach, describe, expect, it} from 'vitest';
import {createAkSkAuthenticator} from '../../../source/api/auth/aksk.js';
import type {AuthHttp} from '../../../source/api/auth/http.js';
import {createIamAuthenticator} from '../../../source/api/auth/iam.js';
import {createTokenAuthenticator} from '../../../source/api/auth/token.js';
import type {Authenticator} from '../../../source/api/http/authenticator.js';
import {describeAuthFailure} from '../../../source/api/auth/describe.js';
import {createClient} from '../../../source/api/client.js';
import type {RequestLog} from '../../../source/api/client.js';
import {AuthError} from '../../../source/api/errors.js';
import {CredentialError} from '../../../source/config/errors.js';
import {createSimAuth} from '../../../source/sim/endpoints/auth-check.js';
import {createIamRoutes} from '../../../source/sim/endpoints/iam.js';
import {startSimulator} from '../../../source/sim/server.js';
import type {Simulator} from '../../../source/sim/server.js';

const PROJECT = '0c9b8a7f6e5d4c3b2a1f0e9d8c7b6a55';
const AK = 'HPUATESTACCESSKEY001';
const SK = 'test-secret-key-0123456789-abcdefghijk';
const PASSWORD = 'correct-horse-battery-staple';
const user = {name: 'alice', password: PASSWORD, domain: 'OTC-EU-DE-00000000001'};
const http: AuthHttp = {fetch, timeoutMs: 5000};

const START = Date.parse('2024-05-01T12:00:00Z');
let clock = START;
const now = () => clock;
let sim: Simulator | null = null;

afterEach(async () => {
	clock = START;
	await sim?.close();
	sim = null;
});

async function start() {
	const iam = createIamRoutes({users: [user], tokenTtlMs: 60 * 60_000, projects: [{id: PROJECT, name: 'eu-de'}], aksk: {ak: AK, sk: SK}, now});
	sim = await startSimulator({projectId: PROJECT, speed: 1000, auth: createSimAuth({tokens: iam.tokenState, aksk: {ak: AK, sk: SK}, projectId: PROJECT, now}), routes: [iam.route]});
	return {sim, iam, lookup: {http, iamEndpoint: `${sim.url}/v3`, region: 'eu-de'}};
}

function clientFor(auth: Authenticator, logs: RequestLog[] = []) {
	return createClient({endpoint: sim!.url, projectId: () => auth.projectId().then(id => id!), auth, onRequest: log => logs.push(log)});
}

function apiRequests() {
	return sim!.requests.filter(request => request.path.startsWith('/v1/'));
}

describe('AK/SK against the simulated gateway', () => {
	it('signs requests the gateway accepts and finds the project id through IAM', async () => {
		const {lookup} = await start();
		const auth = createAkSkAuthenticator({credential: {ak: AK, sk: SK}, source: 'AK/SK (HUAWEICLOUD_SDK_AK)', projectId: null, lookup, now: () => new Date(clock)});
		const page = await clientFor(auth).listEvents(sim!.serviceId, {limit: 10, order: 'asc'});
		expect(page.service_id).toBe(sim!.serviceId);
		expect(await auth.projectId()).toBe(PROJECT);
	});

	it('is rejected once, without a retry, when the secret key is wrong, and the message names the source', async () => {
		const {lookup} = await start();
		const auth = createAkSkAuthenticator({credential: {ak: AK, sk: 'wrong-secret-key-value'}, source: 'AK/SK (HUAWEICLOUD_SDK_AK)', projectId: PROJECT, lookup, now: () => new Date(clock)});
		const logs: RequestLog[] = [];
		const error = await clientFor(auth, logs).getService(sim!.serviceId).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(AuthError);
		expect(apiRequests()).toHaveLength(1);
		const message = describeAuthFailure(auth, error as AuthError);
		expect(message).toMatch(/^AK\/SK \(HUAWEICLOUD_SDK_AK\) was rejected \(401 APIGW.0301\)/);
		expect(message).not.toContain('wrong-secret-key-value');
		expect(JSON.stringify(logs)).not.toContain('wrong-secret-key-value');
	});

	it('is rejected when the signing clock is more than 15 minutes off', async () => {
		const {lookup} = await start();
		const auth = createAkSkAuthenticator({credential: {ak: AK, sk: SK}, source: 'AK/SK (HUAWEICLOUD_SDK_AK)', projectId: PROJECT, lookup, now: () => new Date(clock - 16 * 60_000)});
		await expect(clientFor(auth).getService(sim!.serviceId)).rejects.toMatchObject({status: 401, body: {errorCode: 'APIGW.0301'}});
	});

	it('sends X-Security-Token for temporary credentials', async () => {
		const iam = createIamRoutes({users: [], tokenTtlMs: 1000, projects: [], now});
		sim = await startSimulator({projectId: PROJECT, auth: createSimAuth({tokens: iam.tokenState, aksk: {ak: AK, sk: SK, securityToken: 'sts-security-token-value'}, projectId: PROJECT, now})});
		const lookup = {http, iamEndpoint: null, region: null};
		const withToken = createAkSkAuthenticator({credential: {ak: AK, sk: SK, securityToken: 'sts-security-token-value'}, source: 'AK/SK', projectId: PROJECT, lookup, now: () => new Date(clock)});
		const without = createAkSkAuthenticator({credential: {ak: AK, sk: SK}, source: 'AK/SK', projectId: PROJECT, lookup, now: () => new Date(clock)});
		await expect(clientFor(withToken).getService(sim.serviceId)).resolves.toMatchObject({service_id: sim.serviceId});
		await expect(clientFor(without).getService(sim.serviceId)).rejects.toBeInstanceOf(AuthError);
	});
});

describe('IAM password login against the simulated IAM', () => {
	const login = {username: user.name, password: PASSWORD, domain: user.domain, project: {name: 'eu-de'}};

	it('logs in once, takes the project id from the token body, and renews before expires_at', async () => {
		const {iam} = await start();
		const auth = createIamAuthenticator({login, iamEndpoint: `${sim!.url}/v3`, source: 'OS_USERNAME/OS_PASSWORD', http, now});
		const client = clientFor(auth);
		await client.getService(sim!.serviceId);
		await client.getService(sim!.serviceId);
		expect(iam.logins).toBe(1);
		expect(await auth.projectId()).toBe(PROJECT);

		// When the clock reaches 4 minutes before expiry, Then the next request logs in first.
		clock += 56 * 60_000;
		await client.getService(sim!.serviceId);
		expect(iam.logins).toBe(2);
		expect(apiRequests().every(request => request.status === 200)).toBe(true);
	});

	it('logs in again once after a 401 (revoked token) and carries on', async () => {
		const {iam} = await start();
		const auth = createIamAuthenticator({login, iamEndpoint: `${sim!.url}/v3`, source: 'OS_USERNAME/OS_PASSWORD', http, now});
		const client = clientFor(auth);
		await client.getService(sim!.serviceId);
		const first = (await auth.headers({method: 'GET', url: new URL(sim!.url), headers: {}, body: ''}))['X-Auth-Token']!;
		iam.revoke(first);
		await expect(client.listEvents(sim!.serviceId, {limit: 5})).resolves.toMatchObject({service_id: sim!.serviceId});
		expect(iam.logins).toBe(2);
		expect(apiRequests().map(request => request.status)).toEqual([200, 401, 200]);
	});

	it('re-authenticates after the token expired unnoticed (ModelArts.0202)', async () => {
		const {iam} = await start();
		let authClock = clock;
		const auth = createIamAuthenticator({login, iamEndpoint: `${sim!.url}/v3`, source: 'OS_USERNAME/OS_PASSWORD', http, now: () => authClock});
		const client = clientFor(auth);
		await client.getService(sim!.serviceId);
		clock += 61 * 60_000; // the server's clock passes expiry; ours lags behind
		authClock = clock - 61 * 60_000 + 1000;
		await client.getService(sim!.serviceId);
		expect(iam.logins).toBe(2);
		expect(apiRequests().map(request => request.status)).toEqual([200, 401, 200]);
	});

	it('reports a wrong password as a CredentialError without the password', async () => {
		await start();
		const auth = createIamAuthenticator({login: {...login, password: 'wrong-password-123'}, iamEndpoint: `${sim!.url}/v3`, source: 'OS_USERNAME/OS_PASSWORD', http, now});
		const error = await auth.headers({method: 'GET', url: new URL(sim!.url), headers: {}, body: ''}).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(CredentialError);
		expect((error as Error).message).toMatch(/OS_USERNAME\/OS_PASSWORD for user alice .*401/);
		expect(`${(error as Error).message}\n${(error as Error).stack}`).not.toContain('wrong-password-123');
		expect(apiRequests()).toHaveLength(0);
	});
});

describe('token against the simulator', () => {
	it('finds the project id through IAM GET /v3/projects?name=<region>', async () => {
		const {lookup} = await start();
		const issued = await fetch(`${sim!.url}/v3/auth/tokens`, {
			method: 'POST',
			body: JSON.stringify({auth: {identity: {methods: ['password'], password: {user: {name: user.name, password: PASSWORD, domain: {name: user.domain}}}}, scope: {project: {name: 'eu-de'}}}}),
		});
		const token = issued.headers.get('x-subject-token')!;
		const auth = createTokenAuthenticator({token, source: 'MODELARTS_TOKEN'}, lookup);
		expect(await auth.projectId()).toBe(PROJECT);
		await expect(clientFor(auth).getService(sim!.serviceId)).resolves.toMatchObject({service_id: sim!.serviceId});
	});

	it('explains a rejected token, once, without printing it', async () => {
		const {lookup} = await start();
		const auth = createTokenAuthenticator({token: 'MIIunknown-token-value-1234', source: 'MODELARTS_TOKEN'}, lookup);
		const logs: RequestLog[] = [];
		const client = createClient({endpoint: sim!.url, projectId: PROJECT, auth, onRequest: log => logs.push(log)});
		const error = (await client.getService(sim!.serviceId).catch((caught: unknown) => caught)) as AuthError;
		expect(describeAuthFailure(auth, error)).toBe(
			'MODELARTS_TOKEN was rejected (401 ModelArts.0203): invalid or expired token; get a new token (tokens last 24 h) and set MODELARTS_TOKEN or --token-file again.',
		);
		expect(apiRequests()).toHaveLength(1);
		expect(`${error.message} ${error.stack} ${JSON.stringify(logs)}`).not.toContain('MIIunknown-token-value-1234');
	});
});
