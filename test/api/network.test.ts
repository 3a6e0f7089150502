import {readFileSync} from 'node:fs';
import {createServer} from 'node:http';
import type {Server} from 'node:http';
import {createServer as createHttpsServer} from 'node:https';
import {connect} from 'node:net';
import type {AddressInfo} from 'node:net';
import {fileURLToPath} from 'node:url';
import fetch from 'node-fetch';
import {afterEach, describe, expect, it} from 'vitest';
import {createAgent, INSECURE_WARNING, noProxyMatcher} from '../../source/api/network.js';
import {redact} from '../../source/secrets.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/auth/${name}`, import.meta.url));
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

/** A CONNECT proxy that sends every tunnel to 127.0.0.1, whatever host was asked for. */
async function connectProxy(): Promise<{port: number; tunnels: string[]; auth: string[]}> {
	const requested: string[] = [];
	const auth: string[] = [];
	const proxy = createServer((_req, res) => res.writeHead(405).end());
	proxy.on('connect', (req, client) => {
		requested.push(req.url ?? '');
		auth.push(req.headers['proxy-authorization'] ?? '');
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
