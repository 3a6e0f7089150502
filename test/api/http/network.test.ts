import {readFileSync} from 'node:fs';
import {createServer} from 'node:http';
import type {Server} from 'node:http';
import {createServer as createHttpsServer} from 'node:https';
import {connect, createServer as createNetServer} from 'node:net';
import type {AddressInfo} from 'node:net';
import {fileURLToPath} from 'node:url';
import fetch from 'node-fetch';
import {afterEach, describe, expect, it, onTestFinished} from 'vitest';
import {iamRequest} from '../../../source/api/auth/http.js';
import {createClient} from '../../../source/api/client.js';
import type {HopError} from '../../../source/api/errors.js';
import {apiFailure} from '../api-failure.js';

const hopFailure = async (promise: Promise<unknown>) => (await apiFailure(promise)) as HopError;
import {createAgent, INSECURE_WARNING} from '../../../source/api/http/network.js';
import {noProxyMatcher} from '../../../source/api/http/no-proxy.js';
import {redact} from '../../../source/secrets.js';
import {tokenAuth} from '../token-auth.js';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/auth/${name}`, import.meta.url));
const CERT = fixture('cert.pem');
const KEY = fixture('key.pem');

const servers: Server[] = [];
const tunnels: Array<{destroy(): void}> = [];
afterEach(async () => {
	for (const socket of tunnels.splice(0)) {
		socket.destroy();
	}

	await Promise.all(servers.splice(0).map(server => new Promise(resolve => {
		server.closeAllConnections();
		server.close(resolve);
	})));
});

async function listen<T extends Server>(server: T): Promise<number> {
	servers.push(server);
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	return (server.address() as AddressInfo).port;
}

async function httpsServer(): Promise<{port: number; connections: () => number}> {
	let connections = 0;
	const server = createHttpsServer({cert: readFileSync(CERT), key: readFileSync(KEY)}, (_req, res) => res.end('{"ok":true}'));
	server.on('secureConnection', () => connections++);
	return {port: await listen(server), connections: () => connections};
}

/**
 * A CONNECT proxy that sends every tunnel to 127.0.0.1, whatever host was asked for, unless
 * `refuse` gives the status line to answer instead.
 */
async function connectProxy(refuse?: string): Promise<{port: number; tunnels: string[]; auth: string[]}> {
	const requested: string[] = [];
	const auth: string[] = [];
	const proxy = createServer((_req, res) => res.writeHead(405).end());
	proxy.on('connect', (req, client) => {
		requested.push(req.url ?? '');
		auth.push(req.headers['proxy-authorization'] ?? '');
		if (refuse) {
			client.end(`HTTP/1.1 ${refuse}\r\ncontent-type: text/html\r\n\r\n<html>${refuse}</html>`);
			return;
		}

		const port = Number((req.url ?? '').split(':').pop());
		const upstream = connect(port, '127.0.0.1', () => {
			tunnels.push(client, upstream);
			client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
			upstream.pipe(client);
			client.pipe(upstream);
		});
		upstream.on('error', () => client.destroy());
		client.on('error', () => upstream.destroy());
	});
	return {port: await listen(proxy), tunnels: requested, auth};
}

describe('createAgent', () => {
	it('trusts a self-signed endpoint given with --ca-file and reuses the connection', async () => {
		const target = await httpsServer();
		const agent = createAgent({env: {}, caFile: CERT, keepAlive: true});
		for (let i = 0; i < 3; i++) {
			const response = await fetch(`https://127.0.0.1:${target.port}/`, {agent});
			expect(await response.json()).toEqual({ok: true});
		}

		expect(target.connections()).toBe(1);
		expect(agent.warnings).toEqual([]);
	});

	it('refuses a self-signed endpoint without --ca-file', async () => {
		const target = await httpsServer();
		const agent = createAgent({env: {}, keepAlive: true});
		await expect(fetch(`https://localhost:${target.port}/`, {agent})).rejects.toThrow(/self-signed|self signed/);
	});

	it('keeps NODE_EXTRA_CA_CERTS trusted alongside --ca-file', async () => {
		const target = await httpsServer();
		const other = fixture('key.pem'); // not a certificate: proves the extra file is the one that counts
		expect(() => createAgent({env: {NODE_EXTRA_CA_CERTS: other}, caFile: CERT, keepAlive: true})).toThrow(/NODE_EXTRA_CA_CERTS .* holds no PEM certificate/);
		const agent = createAgent({env: {NODE_EXTRA_CA_CERTS: CERT}, caFile: CERT, keepAlive: true});
		await expect(fetch(`https://127.0.0.1:${target.port}/`, {agent})).resolves.toMatchObject({status: 200});
	});

	it('skips verification with --insecure and returns a warning to print', async () => {
		const target = await httpsServer();
		const agent = createAgent({env: {}, insecure: true, keepAlive: true});
		await expect(fetch(`https://127.0.0.1:${target.port}/`, {agent})).resolves.toMatchObject({status: 200});
		expect(agent.warnings).toEqual([INSECURE_WARNING]);
	});

	it('tunnels HTTPS through HTTPS_PROXY with CONNECT, and proxy credentials become secrets', async () => {
		const target = await httpsServer();
		const proxy = await connectProxy();
		const agent = createAgent({env: {https_proxy: `http://bob:proxy-pass-word@127.0.0.1:${proxy.port}`}, caFile: CERT, keepAlive: true});
		const response = await fetch(`https://localhost:${target.port}/`, {agent});
		expect(await response.json()).toEqual({ok: true});
		expect(proxy.tunnels).toEqual([`localhost:${target.port}`]);
		expect(proxy.auth[0]).toBe(`Basic ${Buffer.from('bob:proxy-pass-word').toString('base64')}`);
		expect(redact('proxy http://bob:proxy-pass-word@x failed; password was proxy-pass-word')).not.toContain('proxy-pass-word');
	});

	it('goes direct for hosts in NO_PROXY', async () => {
		const target = await httpsServer();
		const proxy = await connectProxy();
		const agent = createAgent({env: {HTTPS_PROXY: `http://127.0.0.1:${proxy.port}`, NO_PROXY: 'example.com,localhost'}, caFile: CERT, keepAlive: true});
		await expect(fetch(`https://localhost:${target.port}/`, {agent})).resolves.toMatchObject({status: 200});
		expect(proxy.tunnels).toEqual([]);
	});

	it('rejects a proxy variable that is not a URL', () => {
		expect(() => createAgent({env: {HTTPS_PROXY: 'http://[bad'}, keepAlive: true})).toThrow(/HTTPS_PROXY is not a URL/);
	});
});

describe('noProxyMatcher', () => {
	it.each([
		['*', 'https://anything.example:443/', true],
		['example.com', 'https://example.com/', true],
		['example.com', 'https://api.example.com/', true],
		['example.com', 'https://notexample.com/', false],
		['.example.com', 'https://example.com/', true],
		['.example.com', 'https://a.b.example.com/', true],
		['*.example.com', 'https://a.example.com/', true],
		['example.com:8443', 'https://example.com:8443/', true],
		['example.com:8443', 'https://example.com/', false],
		['example.com:443', 'https://example.com/', true],
		['10.0.0.5', 'http://10.0.0.5:8080/', true],
		['10.0.0.0/8', 'http://10.1.2.3/', true],
		['10.0.0.0/8', 'http://11.1.2.3/', false],
		['::1', 'http://[::1]:3000/', true],
		['[::1]:3000', 'http://[::1]:3000/', true],
		[' Foo.COM , bar.org ', 'https://x.bar.org/', true],
		['', 'https://example.com/', false],
	])('NO_PROXY=%j, %s → bypass %s', (list, url, expected) => {
		expect(noProxyMatcher(list)(new URL(url))).toBe(expected);
	});
});

describe('errors through a proxy name the proxy', () => {
	const clientVia = (env: Record<string, string>, endpoint: string, caFile?: string) =>
		createClient({endpoint, projectId: 'p', auth: tokenAuth('tok-0123456789abcdef'), agent: createAgent({env, caFile, keepAlive: true}), timeoutMs: 5000});

	it('a refused CONNECT is the proxy refusing the tunnel, not ModelArts refusing the token', async () => {
		// Given a proxy that answers every CONNECT with 403
		const target = await httpsServer();
		const proxy = await connectProxy('403 Forbidden by policy');

		// When the client asks for events through it
		const error = await hopFailure(clientVia({HTTPS_PROXY: `http://127.0.0.1:${proxy.port}`}, `https://localhost:${target.port}`, CERT).listEvents('svc', {}));

		// Then it is a permanent proxy error naming the proxy and the tunnel, and the endpoint saw nothing
		expect(error).toMatchObject({kind: 'hop', hop: 'proxy-refused', retryable: false, status: null});
		expect(error.message).toBe(
			`the proxy 127.0.0.1:${proxy.port} (HTTPS_PROXY) refused the tunnel to localhost:${target.port} (403 Forbidden by policy) — its rules do not allow this host or port; ask the proxy's administrator; if localhost can be reached directly, add it to NO_PROXY`,
		);
		expect(target.connections()).toBe(0);
	});

	it('a 407 on CONNECT asks for proxy credentials, and never shows them once given', async () => {
		const target = await httpsServer();
		const proxy = await connectProxy('407 Proxy Authentication Required');

		const without = await hopFailure(clientVia({https_proxy: `http://127.0.0.1:${proxy.port}`}, `https://localhost:${target.port}`, CERT).listEvents('svc', {}));
		const withWrong = await hopFailure(clientVia({https_proxy: `http://carol:wrong-pass-1234@127.0.0.1:${proxy.port}`}, `https://localhost:${target.port}`, CERT).listEvents('svc', {}));

		expect(without).toMatchObject({hop: 'proxy-auth', retryable: false});
		expect(without.message).toMatch(/^the proxy 127\.0\.0\.1:\d+ \(https_proxy\) wants credentials \(407 Proxy Authentication Required\)/);
		expect(withWrong.message).toMatch(/rejected the credentials in https_proxy \(407 Proxy Authentication Required\)/);
		expect(redact(`${withWrong.message} ${withWrong.stack}`)).not.toMatch(/carol|wrong-pass-1234/);
	});

	it('a proxy that is down is named as such, and may be retried', async () => {
		// Given a proxy port where nothing listens
		const closed = await listen(createServer());
		await new Promise((resolve) => servers.pop()!.close(resolve));

		const error = await hopFailure(clientVia({HTTPS_PROXY: `http://127.0.0.1:${closed}`}, 'https://modelarts.invalid').listEvents('svc', {}));

		expect(error).toMatchObject({hop: 'proxy-tcp', retryable: true});
		expect(error.message).toBe(`connection refused by the proxy 127.0.0.1:${closed} (HTTPS_PROXY) — is the proxy running? Check HTTPS_PROXY`);
	});

	it('a proxy that takes the connection and never answers CONNECT is named when time runs out', async () => {
		// Given a "proxy" that accepts TCP connections and stays silent
		const silent = createNetServer((socket) => tunnels.push(socket));
		await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
		const {port} = silent.address() as AddressInfo;
		onTestFinished(() => new Promise<void>((resolve) => silent.close(() => resolve())));
		const client = createClient({endpoint: 'https://modelarts.invalid', projectId: 'p', auth: tokenAuth('tok-0123456789abcdef'), agent: createAgent({env: {HTTPS_PROXY: `http://127.0.0.1:${port}`}, keepAlive: true}), timeoutMs: 300});

		const error = await hopFailure(client.listEvents('svc', {}));

		expect(error).toMatchObject({hop: 'proxy-tcp', retryable: true});
		expect(error.message).toBe(`timed out after 0.3s waiting for the proxy 127.0.0.1:${port} (HTTPS_PROXY) to open the tunnel to modelarts.invalid:443 — check HTTPS_PROXY and the proxy`);
	});

	it('an endpoint certificate no CA vouches for fails at once with advice, inside the tunnel', async () => {
		const target = await httpsServer();
		const proxy = await connectProxy();

		const error = await hopFailure(clientVia({HTTPS_PROXY: `http://127.0.0.1:${proxy.port}`}, `https://localhost:${target.port}`).listEvents('svc', {}));

		expect(error).toMatchObject({hop: 'endpoint-tls', retryable: false});
		expect(error.message).toMatch(new RegExp(`^TLS: the certificate of localhost:${target.port} is not signed by a CA this machine trusts \\(\\w+\\) — pass --ca-file`));
		expect(proxy.tunnels).toEqual([`localhost:${target.port}`]);
	});
});

describe('the endpoint certificate inside a tunnel', () => {
	it('is checked against the endpoint\'s IP address, not against "localhost"', async () => {
		// Given a certificate for 127.0.0.1 and localhost, and a proxy that tunnels any host to it
		const target = await httpsServer();
		const proxy = await connectProxy();
		const agent = createAgent({env: {HTTPS_PROXY: `http://127.0.0.1:${proxy.port}`}, caFile: CERT, keepAlive: true});

		// When the endpoint is an address the certificate does not name
		const error = await hopFailure(createClient({endpoint: `https://127.0.0.2:${target.port}`, projectId: 'p', auth: tokenAuth('tok-0123456789abcdef'), agent}).listEvents('svc', {}));

		// Then the name check fails for that address
		expect(error).toMatchObject({hop: 'endpoint-tls', retryable: false});
		expect(error.message).toMatch(/is not valid for 127\.0\.0\.2 \(ERR_TLS_CERT_ALTNAME_INVALID\)/);
		// And the address it names still passes
		await expect(fetch(`https://127.0.0.1:${target.port}/`, {agent})).resolves.toMatchObject({status: 200});
	});
});

describe('IAM requests through a proxy', () => {
	it('name the proxy that refused the tunnel, prefixed with IAM', async () => {
		const proxy = await connectProxy('403 Access violation');
		const agent = createAgent({env: {HTTPS_PROXY: `http://127.0.0.1:${proxy.port}`}, keepAlive: true});

		const error = await hopFailure(iamRequest({fetch, agent, timeoutMs: 5000}, new URL('https://iam.example.invalid/v3/auth/tokens'), {method: 'POST', headers: {}}));

		expect(error).toMatchObject({hop: 'proxy-refused', retryable: false});
		expect(error.message).toMatch(/^IAM at https:\/\/iam\.example\.invalid: the proxy 127\.0\.0\.1:\d+ \(HTTPS_PROXY\) refused the tunnel to iam\.example\.invalid:443 \(403 Access violation\)/);
	});

	it('name a proxy that never opens the tunnel when time runs out, as for ModelArts requests', async () => {
		const silent = createNetServer((socket) => tunnels.push(socket));
		await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
		const {port} = silent.address() as AddressInfo;
		onTestFinished(() => new Promise<void>((resolve) => silent.close(() => resolve())));
		const agent = createAgent({env: {HTTPS_PROXY: `http://127.0.0.1:${port}`}, keepAlive: true});

		const error = await hopFailure(iamRequest({fetch, agent, timeoutMs: 300}, new URL('https://iam.example.invalid/v3/auth/tokens'), {method: 'POST', headers: {}}));

		expect(error).toMatchObject({hop: 'proxy-tcp', retryable: true});
		expect(error.message).toBe(`IAM at https://iam.example.invalid: timed out after 0.3s waiting for the proxy 127.0.0.1:${port} (HTTPS_PROXY) to open the tunnel to iam.example.invalid:443 — check HTTPS_PROXY and the proxy`);
	});
});

describe('createAgent(…).route', () => {
	it.each([
		[{}, 'https://modelarts.example/', null],
		[{HTTPS_PROXY: 'http://proxy.corp:3128'}, 'https://modelarts.example/', {address: 'proxy.corp:3128', variable: 'HTTPS_PROXY', tunnel: true, withCredentials: false}],
		[{https_proxy: 'http://u:p@proxy.corp', HTTPS_PROXY: 'http://other:1'}, 'https://modelarts.example/', {address: 'proxy.corp:80', variable: 'https_proxy', tunnel: true, withCredentials: true}],
		[{HTTP_PROXY: 'proxy.corp:8080'}, 'http://modelarts.example:8000/', {address: 'proxy.corp:8080', variable: 'HTTP_PROXY', tunnel: false, withCredentials: false}],
		[{HTTP_PROXY: 'proxy.corp:8080'}, 'https://modelarts.example/', null],
		[{HTTPS_PROXY: 'http://proxy.corp:3128', NO_PROXY: '.example'}, 'https://modelarts.example/', null],
	])('env %j, %s → proxy %j', (env, url, proxy) => {
		const route = createAgent({env, keepAlive: true}).route(new URL(url));

		expect(route.proxy).toEqual(proxy);
		expect(route.endpoint).toBe(`${new URL(url).hostname}:${new URL(url).port || (url.startsWith('http:') ? '80' : '443')}`);
	});

	it('treats the Proxy-Authorization value of proxy credentials as a secret too', () => {
		createAgent({env: {HTTPS_PROXY: 'http://dave:s3cr3t-proxy@proxy.corp:3128'}, keepAlive: true});
		const header = Buffer.from('dave:s3cr3t-proxy').toString('base64');

		expect(redact(`Proxy-Authorization was ${header}`)).toBe('Proxy-Authorization was ***');
	});
});
