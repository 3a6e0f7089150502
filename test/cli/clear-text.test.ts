// Issue #23: a credential never goes to another machine in clear text unless --allow-http
// says so. A recording proxy on 127.0.0.1 stands in for the network: every plain http://
// request to a remote host would pass through it, credential and all.
import {createServer, type IncomingHttpHeaders} from 'node:http';
import type {AddressInfo} from 'node:net';
import {beforeAll, describe, expect, it, type TestContext} from 'vitest';
import {startSimulator} from '../../source/sim/server.js';
import {assertBuilt, runCli, spawnCli, cleanEnv, waitFor} from './harness.js';

beforeAll(assertBuilt);

const TOKEN = 'MIIclear-text-token-42';
const PASSWORD = 'clear-text-password-42';

/** A forward proxy that records what reaches it and answers 502. */
async function recordingProxy(context: TestContext): Promise<{readonly url: string; readonly seen: IncomingHttpHeaders[]}> {
	const seen: IncomingHttpHeaders[] = [];
	const server = createServer((request, response) => {
		seen.push(request.headers);
		response.writeHead(502).end();
	});
	server.on('connect', (request, socket) => {
		seen.push(request.headers);
		socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	context.onTestFinished(() => new Promise<void>(resolve => server.close(() => resolve())));
	return {url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen};
}

const watchArgs = (endpoint: string, ...extra: string[]) => ['svc-1', '--endpoint', endpoint, '--project-id', 'p1', '--output', 'plain', ...extra];

describe.concurrent('plain http:// to another machine', () => {
	it('with a token: exit 2 before any request, naming the URL and --allow-http', async context => {
		const proxy = await recordingProxy(context);
		const result = await runCli(watchArgs('http://modelarts.example.invalid'), {env: {MODELARTS_TOKEN: TOKEN, HTTP_PROXY: proxy.url}});

		expect(result.code).toBe(2);
		expect(result.stderr).toContain('--endpoint http://modelarts.example.invalid is plain http://');
		expect(result.stderr).toContain('--allow-http');
		expect(proxy.seen).toEqual([]);
		expect(result.stderr + result.stdout).not.toContain(TOKEN);
	});

	it('with a password and an http:// IAM URL: exit 2, and IAM never hears the password', async context => {
		const proxy = await recordingProxy(context);
		const env = {
			OS_USERNAME: 'alice',
			OS_PASSWORD: PASSWORD,
			OS_USER_DOMAIN_NAME: 'domain',
			OS_PROJECT_NAME: 'eu-de',
			OS_AUTH_URL: 'http://iam.example.invalid/v3',
			HTTP_PROXY: proxy.url,
			HTTPS_PROXY: proxy.url,
		};
		const result = await runCli(watchArgs('https://modelarts.example.invalid'), {env});

		expect(result.code).toBe(2);
		expect(result.stderr).toContain('OS_AUTH_URL http://iam.example.invalid/v3 is plain http://');
		expect(proxy.seen).toEqual([]);
	});

	it('--allow-http lets the request go (the proxy then sees the credential)', async context => {
		const proxy = await recordingProxy(context);
		const child = spawnCli(watchArgs('http://modelarts.example.invalid', '--allow-http'), cleanEnv({MODELARTS_TOKEN: TOKEN, HTTP_PROXY: proxy.url}));
		context.onTestFinished(() => void child.kill('SIGKILL'));

		await waitFor(() => proxy.seen.length > 0);
		expect(proxy.seen[0]!['x-auth-token']).toBe(TOKEN);
	});

	it.for(['127.0.0.1', 'localhost'])('http:// to this machine (%s) works without the flag', async (host, context) => {
		const sim = await startSimulator({scenario: 'success', speed: 100_000});
		context.onTestFinished(() => sim.close());
		const endpoint = sim.url.replace('127.0.0.1', host);
		const result = await runCli([sim.serviceId, '--endpoint', endpoint, '--project-id', sim.projectId, '--output', 'plain', '--once'], {env: {MODELARTS_TOKEN: sim.token}});

		expect(result.stderr).not.toContain('plain http://');
		expect(result.stdout).toContain('start to deploy service');
	});
});
