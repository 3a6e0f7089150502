import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterEach, describe, expect, it} from 'vitest';
import {formatSize, readCapped} from '../../../source/api/http/capped-body.js';
import {createClient} from '../../../source/api/client.js';
import {AuthError, TransientError} from '../../../source/api/errors.js';
import {tokenAuth} from '../token-auth.js';
import {apiFailure} from '../api-failure.js';

const MiB = 1024 * 1024;
const SERVICE = 'svc-1';
const EMPTY_PAGE = '{"total_count":0,"count":0,"events":[]}';

const servers: Server[] = [];
afterEach(async () => {
	await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => {
		server.closeAllConnections();
		server.close(resolve);
	})));
});

/** A server whose every answer is written by `handle`; `sent()` counts the body bytes it got out. */
async function serve(handle: (req: IncomingMessage, res: ServerResponse, count: (bytes: number) => void) => void): Promise<{url: string; sent: () => number; closed: Promise<void>}> {
	let sent = 0;
	let markClosed!: () => void;
	const closed = new Promise<void>((resolve) => (markClosed = resolve));
	const server = createServer((req, res) => {
		res.on('close', markClosed);
		handle(req, res, (bytes) => (sent += bytes));
	});
	servers.push(server);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, sent: () => sent, closed};
}

/** Writes `prefix`, then `total` bytes of blanks as fast as the client takes them. */
function stream(status: number, total: number, prefix = '') {
	return (_req: IncomingMessage, res: ServerResponse, count: (bytes: number) => void) => {
		res.writeHead(status, {'content-type': 'application/json'});
		res.write(prefix);
		const chunk = Buffer.alloc(64 * 1024, 0x20);
		let left = total;
		const pump = (): void => {
			while (left > 0 && !res.destroyed) {
				const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
				left -= piece.length;
				count(piece.length);
				if (!res.write(piece)) return;
			}

			if (left === 0) res.end();
		};
		res.on('drain', pump);
		pump();
	};
}

describe('response bodies are read with a size limit', () => {
	it('aborts a 2xx body that goes past the limit, says so with the flag, and counts it as transient', async () => {
		// Given a server that would stream 1 GiB
		const server = await serve(stream(200, 1024 * MiB));
		const client = createClient({endpoint: server.url, projectId: 'p', auth: tokenAuth('tok-0123456789ab'), maxResponseBytes: 2 * MiB});

		// When events are listed with a 2 MiB limit
		const error = await apiFailure(client.listEvents(SERVICE, {}));

		// Then the request fails as a transient fault naming the limit and how to raise it
		expect(error).toBeInstanceOf(TransientError);
		expect(error.retryable).toBe(true);
		expect(error.message).toMatch(/^the answer from 127\.0\.0\.1:\d+ is over the 2 MiB limit \(--max-response-size\) — reading stopped; .* e\.g\. --max-response-size 4MiB$/);
		// And the connection was dropped long before the server was done
		await server.closed;
		expect(server.sent()).toBeLessThan(256 * MiB);
	});

	it('refuses a Content-Length over the limit before reading the body', async () => {
		const server = await serve((_req, res) => {
			res.writeHead(200, {'content-type': 'application/json', 'content-length': String(64 * MiB)});
			res.write('{"events":[');
		});
		const client = createClient({endpoint: server.url, projectId: 'p', auth: tokenAuth('tok-0123456789ab'), maxResponseBytes: MiB});

		const error = await apiFailure(client.getService(SERVICE));

		expect(error.message).toMatch(/over the 1 MiB limit/);
	});

	it('reads an answer just under the limit, and a larger limit lets a larger answer through', async () => {
		// Given a page padded to 1.5 MiB
		const padded = JSON.stringify({total_count: 0, count: 0, events: [], padding: ' '.repeat(1.5 * MiB)});
		const server = await serve((_req, res) => res.writeHead(200, {'content-type': 'application/json'}).end(padded));

		// Then 1 MiB is too small, and 2 MiB reads it
		const small = createClient({endpoint: server.url, projectId: 'p', auth: tokenAuth('tok-0123456789ab'), maxResponseBytes: MiB});
		await expect(small.listEvents(SERVICE, {})).rejects.toThrow(/over the 1 MiB limit/);
		const large = createClient({endpoint: server.url, projectId: 'p', auth: tokenAuth('tok-0123456789ab'), maxResponseBytes: 2 * MiB});
		expect((await large.listEvents(SERVICE, {})).events).toEqual([]);
	});

	it('keeps the meaning of an error status whose body is huge', async () => {
		// Given a 401 whose JSON body starts with ModelArts' error and then never ends
		const server = await serve(stream(401, 512 * MiB, '{"error_code":"ModelArts.0203","error_msg":"Invalid token."'));
		const client = createClient({endpoint: server.url, projectId: 'p', auth: tokenAuth('tok-0123456789ab')});

		// Then it is still a rejected credential, read from the first bytes only
		const error = await apiFailure(client.listEvents(SERVICE, {}));
		expect(error).toBeInstanceOf(AuthError);
		expect(error.message).toMatch(/^HTTP 401 — TEST_TOKEN was rejected/);
		await server.closed;
		expect(server.sent()).toBeLessThan(256 * MiB);
	});

	it('gives up on a body that trickles in byte by byte once the request time is spent', async () => {
		// Given a server that sends one byte of a valid page every 50 ms
		const server = await serve((_req, res) => {
			res.writeHead(200, {'content-type': 'application/json'});
			let at = 0;
			const timer = setInterval(() => {
				if (res.destroyed || at >= EMPTY_PAGE.length) return clearInterval(timer);
				res.write(EMPTY_PAGE[at++]!);
			}, 50);
		});
		const client = createClient({endpoint: server.url, projectId: 'p', auth: tokenAuth('tok-0123456789ab'), timeoutMs: 400});

		// Then the time-out covers the body, not only the headers
		const error = await apiFailure(client.listEvents(SERVICE, {}));
		expect(error).toBeInstanceOf(TransientError);
		expect(error.message).toBe('timed out after 0.4s');
	});
});

describe('readCapped', () => {
	async function* chunks(...parts: string[]): AsyncGenerator<Uint8Array> {
		for (const part of parts) yield Buffer.from(part);
	}

	it.each([
		[['{"a":', '1}'], 100, {complete: true, text: '{"a":1}'}],
		[['\ufeff{}'], 100, {complete: true, text: '{}'}],
		[['12345', '67890'], 10, {complete: true, text: '1234567890'}],
		[['12345', '678901'], 10, {complete: false, prefix: '1234567890'}],
		[[], 10, {complete: true, text: ''}],
	] as const)('%j with a limit of %i bytes', async (parts, limit, expected) => {
		expect(await readCapped(chunks(...parts), limit, null)).toEqual(expected);
	});

	it('stops the stream it leaves early', async () => {
		let finished = false;
		async function* endless(): AsyncGenerator<Uint8Array> {
			try {
				for (;;) yield Buffer.alloc(1024);
			} finally {
				finished = true;
			}
		}

		expect((await readCapped(endless(), 4096, null)).complete).toBe(false);
		expect(finished).toBe(true);
	});

	it.each([
		[900, '900 B'],
		[32 * MiB, '32 MiB'],
		[1.5 * 1024 * MiB, '1.5 GiB'],
		[512 * 1024, '512 KiB'],
	])('formatSize(%i) is %s', (bytes, text) => {
		expect(formatSize(bytes)).toBe(text);
	});
});
