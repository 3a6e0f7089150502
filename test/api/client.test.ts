import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterEach, describe, expect, it} from 'vitest';
import {createClient, type FetchLike, type RequestLog} from '../../source/api/client.js';
import {AuthError, BadRequestError, ForbiddenError, HopError, NotFoundError, ThrottledError, TransientError} from '../../source/api/errors.js';
import {CredentialError} from '../../source/config/errors.js';
import {startSimulator, type Simulator} from '../../source/sim/server.js';
import {tokenAuth} from './token-auth.js';
import {apiFailure} from './api-failure.js';

const TOKEN = 'tok-3f9a8b7c6d5e4f3a2b1c';
const SERVICE = '35de3ca9-0e3b-4c8c-8d5a-1f2e3d4c5b6a';
type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const servers: Server[] = [];
const simulators: Simulator[] = [];
afterEach(async () => {
	await Promise.all(simulators.splice(0).map((sim) => sim.close()));
	await Promise.all(
		servers.splice(0).map(
			(server) =>
				new Promise((resolve) => {
					server.closeAllConnections();
					server.close(resolve);
				}),
		),
	);
});

/** A throw-away HTTP server on an ephemeral localhost port; `handle` answers every request. */
async function serve(handle: Handler): Promise<string> {
	const server = createServer(handle);
	servers.push(server);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const reply = (status: number, body: string, headers: Record<string, string> = {}): Handler => (_req, res) => {
	res.writeHead(status, {'content-type': 'application/json', ...headers});
	res.end(body);
};

describe('createClient', () => {
	it('sends the documented request and returns a typed page', async () => {
		// Given a server that records the request
		let seen: IncomingMessage | undefined;
		const url = await serve((req, res) => {
			seen = req;
			reply(200, JSON.stringify({service_id: SERVICE, service_name: 's', total_count: 1, count: 1, events: [{event_type: 'normal', event_info: 'start to deploy service', occur_time: 1562597251764}]}))(req, res);
		});
		const client = createClient({endpoint: `${url}/`, projectId: async () => 'proj-1', auth: tokenAuth(TOKEN), userAgent: 'modelarts-watch/test'});

		// When listing events
		const page = await client.listEvents(SERVICE, {order: 'asc', start_time: 5, limit: 10, offset: 0});

		// Then the path, query and headers are as documented, and the page is typed
		expect(seen?.url).toBe(`/v1/proj-1/services/${SERVICE}/events?order=asc&start_time=5&limit=10&offset=0`);
		expect(seen?.headers['x-auth-token']).toBe(TOKEN);
		expect(seen?.headers['user-agent']).toBe('modelarts-watch/test');
		const {serverDate, ...rest} = page;
		expect(rest).toEqual({service_id: SERVICE, service_name: 's', total_count: 1, events: [{event_type: 'normal', event_info: 'start to deploy service', occur_time: 1562597251764}]});
		// The server's clock comes along from its Date header (whole seconds), for telling future-dated events
		expect(Math.abs(serverDate! - Date.now())).toBeLessThan(5000);
	});

	const gatewayPage = '<html>\r\n<head><title>502 Bad Gateway</title></head><body>nginx</body></html>';
	it.each([
		[401, '{"error_code":"ModelArts.0203","error_msg":"Invalid token."}', {}, AuthError, /HTTP 401 ModelArts\.0203: Invalid token\. — TEST_TOKEN was rejected: the token is invalid or revoked/],
		[403, '{"error_code":"ModelArts.0210","error_msg":"The project ID in the URL does not match the token."}', {}, ForbiddenError, /HTTP 403 ModelArts\.0210.*project id does not match the credential/],
		[404, '{"error_code":"ModelArts.3502","error_msg":"Service my-service does not exist"}', {}, NotFoundError, new RegExp(`ModelArts\\.3502.*service ${SERVICE} not found`)],
		[404, '<!DOCTYPE html><html><body>Not Found</body></html>', {}, NotFoundError, /HTML page.*is this a ModelArts endpoint/],
		[400, '{"error_code":"ModelArts.0107","error_msg":"The value of the request parameter (limit=0) is invalid"}', {}, BadRequestError, /HTTP 400 ModelArts\.0107/],
		[429, '{"error_code":"APIGW.0308","error_msg":"policy user over ratelimit"}', {'retry-after': '3'}, ThrottledError, /HTTP 429 APIGW\.0308/],
		[500, '{"error_code":"ModelArts.0001","error_msg":"Internal server error."}', {}, TransientError, /^HTTP 500 ModelArts\.0001: Internal server error\.$/],
		[502, gatewayPage, {}, HopError, /^HTTP 502 \(an HTML page, not a ModelArts answer\) from 127\.0\.0\.1:\d+ — a gateway or load balancer in front of ModelArts could not serve the request$/],
		[200, '{"events": [{"event_type"', {}, TransientError, /^invalid JSON from 127\.0\.0\.1:\d+$/],
		[200, '<html><body>Welcome to our web site</body></html>', {}, HopError, /^HTML page instead of JSON from 127\.0\.0\.1:\d+ — is this a ModelArts endpoint\? Check --endpoint$/],
		[200, '', {}, TransientError, /^empty response from 127\.0\.0\.1:\d+$/],
		[200, '{"events": "nope"}', {}, TransientError, /unexpected response/],
		[200, '{"status": "ok"}', {}, TransientError, /unexpected response.*is this a ModelArts endpoint/],
		[302, '', {location: 'https://login.example/'}, BadRequestError, /redirected to https:\/\/login\.example\/.*check --endpoint/],
	] as const)('maps HTTP %i %s to its typed error', async (status, body, headers, kind, message) => {
		// Given a server answering with that status and body
		const url = await serve(reply(status, body, headers));
		const client = createClient({endpoint: url, projectId: 'p', auth: tokenAuth(TOKEN)});

		// When a request is made, then it rejects with the typed error and a useful message
		const error = await apiFailure(client.listEvents(SERVICE, {}));
		expect(error).toBeInstanceOf(kind);
		expect(error.message).toMatch(message);
		expect(error.message).not.toContain(TOKEN);
	});

	it.each([
		['3', 3000],
		['0', 0],
		[new Date(Date.now() + 60_000).toUTCString(), 60_000],
	])('reads Retry-After %s as milliseconds', async (retryAfter, expected) => {
		const url = await serve(reply(429, '{"error_code":"APIGW.0308","error_msg":"throttled"}', {'retry-after': retryAfter}));
		const client = createClient({endpoint: url, projectId: 'p', auth: tokenAuth(TOKEN)});

		const error = await apiFailure(client.listEvents(SERVICE, {}));

		expect(error).toBeInstanceOf(ThrottledError);
		expect((error as ThrottledError).retryAfterMs).toBeGreaterThanOrEqual(expected - 2000);
		expect((error as ThrottledError).retryAfterMs).toBeLessThanOrEqual(expected);
	});

	it.each([
		['truncated', /^invalid JSON from /],
		['invalid-json', /^invalid JSON from /],
		['reset', /^connection reset$/],
		['503', /^HTTP 503 \(an HTML page/],
		['429', /^HTTP 429 APIGW\.0308/],
	] as const)('turns the simulator fault %s into a TransientError or ThrottledError', async (fault, message) => {
		const sim = await startSimulator({faults: {script: [fault]}});
		simulators.push(sim);
		const client = createClient({endpoint: sim.url, projectId: sim.projectId, auth: tokenAuth(sim.token)});

		const error = await apiFailure(client.listEvents(sim.serviceId, {}));

		expect(error.retryable).toBe(true);
		expect(error.message).toMatch(message);
		expect((await client.listEvents(sim.serviceId, {})).total_count).toBeGreaterThanOrEqual(0);
	});

	it('gives up on a hanging server after the time-out', async () => {
		const sim = await startSimulator({faults: {script: ['hang']}});
		simulators.push(sim);
		const client = createClient({endpoint: sim.url, projectId: sim.projectId, auth: tokenAuth(sim.token), timeoutMs: 300});

		const error = await apiFailure(client.getService(sim.serviceId));

		expect(error).toBeInstanceOf(TransientError);
		expect(error.message).toBe('timed out after 0.3s');
	});

	it('says so when nothing listens at the endpoint', async () => {
		// Given a port that was just freed
		const url = await serve(reply(200, '{}'));
		await new Promise((resolve) => {
			const server = servers.pop() as Server;
			server.close(resolve);
		});
		const client = createClient({endpoint: url, projectId: 'p', auth: tokenAuth(TOKEN)});

		const error = await apiFailure(client.listEvents(SERVICE, {}));

		expect(error).toBeInstanceOf(HopError);
		expect(error).toMatchObject({hop: 'endpoint-tcp', retryable: true});
		expect(error.message).toMatch(/^connection refused by 127\.0\.0\.1:\d+ — check --endpoint$/);
	});

	it.each(['ENOTFOUND', 'EAI_AGAIN'])('says the DNS lookup failed (%s)', async (code) => {
		// A fake fetch: tests never resolve real host names.
		const fetch: FetchLike = async () => {
			throw Object.assign(new Error(`getaddrinfo ${code} modelarts.nowhere.example`), {code, type: 'system'});
		};
		const client = createClient({endpoint: 'https://modelarts.nowhere.example', projectId: 'p', auth: tokenAuth(TOKEN), fetch});

		const error = await apiFailure(client.listEvents(SERVICE, {}));

		expect(error).toBeInstanceOf(HopError);
		expect(error.message).toMatch(/^DNS lookup failed for modelarts\.nowhere\.example:443 — check --endpoint or --region/);
	});

	it('refreshes the credential once after a 401 and retries', async () => {
		// Given a server that accepts only the refreshed token
		const url = await serve((req, res) =>
			req.headers['x-auth-token'] === 'fresh-token-0123456789'
				? reply(200, '{"total_count":0,"count":0,"events":[]}')(req, res)
				: reply(401, '{"error_code":"ModelArts.0202","error_msg":"token expired"}')(req, res),
		);
		const auth = tokenAuth(TOKEN, 'fresh-token-0123456789');
		const client = createClient({endpoint: url, projectId: 'p', auth});

		// When a request meets the expired token, then it succeeds after one refresh
		expect((await client.listEvents(SERVICE, {})).events).toEqual([]);
		expect(auth.refreshes).toBe(1);
	});

	it('never refreshes more than once per request, and stops when refresh cannot help', async () => {
		let requests = 0;
		const url = await serve((req, res) => {
			requests += 1;
			reply(401, `{"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication information: ${String(req.headers['x-auth-token'])}"}`)(req, res);
		});
		const refreshing = tokenAuth(TOKEN, 'another-token-0123456789');
		const error = await apiFailure(createClient({endpoint: url, projectId: 'p', auth: refreshing}).listEvents(SERVICE, {}));
		expect(error).toBeInstanceOf(AuthError);
		expect(refreshing.refreshes).toBe(1);
		expect(requests).toBe(2);
		// The server echoed the token: the message must not.
		expect(error.message).not.toContain('another-token-0123456789');

		const stuck = tokenAuth(TOKEN);
		await apiFailure(createClient({endpoint: url, projectId: 'p', auth: stuck}).listEvents(SERVICE, {}));
		expect(stuck.refreshes).toBe(1);
		expect(requests).toBe(3);
	});

	it('when a re-login is refused, then the request fails as an authentication error that says why', async () => {
		// Given a token that expired, and an IAM that now refuses the password
		const url = await serve(reply(401, '{"error_code":"ModelArts.0202","error_msg":"token expired"}'));
		const relogin = {
			...tokenAuth(TOKEN),
			refresh: async () => {
				throw new CredentialError('IAM refused the password of OS_USERNAME alice: check OS_PASSWORD');
			},
		};

		// When a request meets the expired token
		const error = await apiFailure(createClient({endpoint: url, projectId: 'p', auth: relogin}).listEvents(SERVICE, {}));

		// Then it is a permanent AuthError that carries IAM's reason, not a retryable failure
		expect(error).toBeInstanceOf(AuthError);
		expect(error.message).toContain('IAM refused the password');
	});

	it('logs each exchange without secrets', async () => {
		const url = await serve(reply(503, '<html>busy</html>'));
		const logs: RequestLog[] = [];
		const client = createClient({endpoint: url.replace('http://', 'http://user:secret-pass@'), projectId: 'p', auth: tokenAuth(TOKEN), onRequest: (log) => logs.push(log)});

		await apiFailure(client.listEvents(SERVICE, {limit: 5}));

		expect(logs).toEqual([{method: 'GET', url: `${url}/v1/p/services/${SERVICE}/events?limit=5`, status: 503, ms: expect.any(Number), error: expect.stringMatching(/^HTTP 503/)}]);
		expect(JSON.stringify(logs)).not.toMatch(/secret-pass|tok-/);
	});

	it('rejects with the caller’s abort, not an API error, when stopped', async () => {
		const sim = await startSimulator({faults: {script: ['hang']}});
		simulators.push(sim);
		const client = createClient({endpoint: sim.url, projectId: sim.projectId, auth: tokenAuth(sim.token)});
		const controller = new AbortController();

		const pending = client.listEvents(sim.serviceId, {}, controller.signal);
		setTimeout(() => controller.abort(), 50);

		await expect(pending).rejects.toMatchObject({name: 'AbortError'});
	});

	it('asks for the project id once', async () => {
		const url = await serve(reply(200, '{"total_count":0,"count":0,"events":[]}'));
		let lookups = 0;
		const client = createClient({endpoint: url, projectId: async () => `p${++lookups}`, auth: tokenAuth(TOKEN)});

		await client.listEvents(SERVICE, {});
		await client.listEvents(SERVICE, {});

		expect(lookups).toBe(1);
	});

	it('reads service details and the services list through the model validators', async () => {
		const sim = await startSimulator();
		simulators.push(sim);
		const client = createClient({endpoint: sim.url, projectId: sim.projectId, auth: tokenAuth(sim.token)});

		const details = await client.getService(sim.serviceId);
		const list = await client.listServices({limit: 10});

		expect(details.service_id).toBe(sim.serviceId);
		expect(list.services.map((s) => s.service_id)).toContain(sim.serviceId);
		await expect(client.getService('no-such-service')).rejects.toThrow(/service no-such-service not found/);
	});
});
