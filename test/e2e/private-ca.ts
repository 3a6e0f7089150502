// A private CA and a server certificate for `localhost` signed by it, made with openssl at
// test time (nothing secret is committed), and an HTTPS front for the simulator that uses
// them: the CLI meets the TLS set-up a corporate endpoint has.
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {connect, type AddressInfo, type Socket} from 'node:net';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {createServer, type Server} from 'node:tls';

export interface PrivateCa {
	/** The CA certificate (PEM file): what --ca-file or NODE_EXTRA_CA_CERTS must name. */
	readonly caFile: string;
	readonly serverCert: string;
	readonly serverKey: string;
}

/** Makes the CA and a leaf for DNS:localhost only (so 127.0.0.1 is a host-name mismatch). */
export function makePrivateCa(): PrivateCa {
	const dir = mkdtempSync(path.join(tmpdir(), 'mw-ca-'));
	const file = (name: string) => path.join(dir, name);
	const openssl = (...args: string[]) => execFileSync('openssl', args, {stdio: ['ignore', 'ignore', 'pipe']});
	openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', file('ca.key'), '-out', file('ca.pem'), '-days', '2', '-subj', '/CN=modelarts-watch test CA');
	openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', file('server.key'), '-out', file('server.csr'), '-subj', '/CN=localhost');
	writeFileSync(file('server.ext'), 'subjectAltName=DNS:localhost\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n');
	openssl('x509', '-req', '-in', file('server.csr'), '-CA', file('ca.pem'), '-CAkey', file('ca.key'), '-CAcreateserial', '-out', file('server.pem'), '-days', '2', '-extfile', file('server.ext'));
	return {caFile: file('ca.pem'), serverCert: readFileSync(file('server.pem'), 'utf8'), serverKey: readFileSync(file('server.key'), 'utf8')};
}

export interface HttpsFront {
	readonly port: number;
	/** TLS handshakes begun (each connection that reached this server). */
	readonly connections: () => number;
	close(): Promise<void>;
}

/** Terminates TLS with the private CA's certificate and passes the bytes to `targetPort` on 127.0.0.1. */
export async function startHttpsFront(ca: PrivateCa, targetPort: number): Promise<HttpsFront> {
	let connections = 0;
	const sockets = new Set<Socket>();
	const server: Server = createServer({cert: ca.serverCert, key: ca.serverKey}, (secure) => {
		const upstream = connect(targetPort, '127.0.0.1');
		sockets.add(upstream);
		secure.pipe(upstream).pipe(secure);
		upstream.on('error', () => secure.destroy());
		secure.on('error', () => upstream.destroy());
	});
	server.on('connection', (socket: Socket) => {
		connections++;
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	server.on('tlsClientError', () => undefined);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		port: (server.address() as AddressInfo).port,
		connections: () => connections,
		close: () => new Promise((resolve) => {
			for (const socket of sockets) socket.destroy();
			server.close(() => resolve());
		}),
	};
}
