// A real tinyproxy for the tests that prove the whole proxy path: started by the test on a
// free port with a generated configuration, stopped by it. Where tinyproxy is not
// installed the suite is skipped with a message, unless MW_REQUIRE_TINYPROXY=1 (set by
// .ci/run, which installs it) says it must run.
import {spawn, type ChildProcess} from 'node:child_process';
import {accessSync, constants, mkdtempSync, writeFileSync} from 'node:fs';
import {createServer, connect, type AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import path from 'node:path';

/** The tinyproxy binary on PATH (or in the sbin folders), or null. */
export function findTinyproxy(): string | null {
	const folders = [...(process.env['PATH'] ?? '').split(':'), '/usr/sbin', '/usr/local/sbin'];
	for (const folder of folders.filter(Boolean)) {
		const candidate = path.join(folder, 'tinyproxy');
		try {
			accessSync(candidate, constants.X_OK);
			return candidate;
		} catch {
			// not here
		}
	}

	return null;
}

/** Null when the suite may run; otherwise why it is skipped. Throws when it must run and cannot. */
export function tinyproxySkipReason(): string | null {
	if (findTinyproxy()) return null;
	if (process.env['MW_REQUIRE_TINYPROXY'] === '1') {
		throw new Error('MW_REQUIRE_TINYPROXY=1 but tinyproxy is not installed: apt-get install tinyproxy-bin');
	}

	return 'tinyproxy is not installed (apt-get install tinyproxy-bin): the real-proxy suite is skipped';
}

export interface TinyproxyOptions {
	/** BasicAuth user and password the proxy demands. */
	readonly credentials?: {readonly user: string; readonly password: string};
	/** Ports CONNECT may reach; tinyproxy refuses any other with 403. Unset: any port. */
	readonly connectPorts?: readonly number[];
}

export interface Tinyproxy {
	readonly port: number;
	/** What tinyproxy logged so far (one line per connection and CONNECT). */
	readonly log: () => string;
	stop(): Promise<void>;
}

async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	await new Promise((resolve) => server.close(resolve));
	return port;
}

/**
 * Whether something accepts connections on `port` within `withinMs`. A port that was free when
 * picked may be taken by the time tinyproxy binds it (other suites pick ports too); tinyproxy
 * then keeps running without listening, so the caller tries another port.
 */
async function acceptsConnections(port: number, child: ChildProcess, withinMs: number): Promise<boolean> {
	const deadline = Date.now() + withinMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) return false;
		const open = await new Promise<boolean>((resolve) => {
			const socket = connect(port, '127.0.0.1', () => {
				socket.destroy();
				resolve(true);
			});
			socket.on('error', () => resolve(false));
		});
		if (open) return true;
		await new Promise((resolve) => setTimeout(resolve, 50));
	}

	return false;
}

export async function startTinyproxy(options: TinyproxyOptions = {}): Promise<Tinyproxy> {
	for (let attempt = 1; ; attempt += 1) {
		const started = await startOnFreePort(options);
		if (started !== null) return started;
		if (attempt === 3) throw new Error('tinyproxy did not listen on any of three free ports');
	}
}

async function startOnFreePort(options: TinyproxyOptions): Promise<Tinyproxy | null> {
	const binary = findTinyproxy();
	if (!binary) throw new Error('tinyproxy is not installed');
	const port = await freePort();
	const lines = [`Port ${port}`, 'Listen 127.0.0.1', 'Timeout 30', 'MaxClients 20', 'LogLevel Connect'];
	if (options.credentials) lines.push(`BasicAuth ${options.credentials.user} ${options.credentials.password}`);
	for (const allowed of options.connectPorts ?? []) lines.push(`ConnectPort ${allowed}`);
	const config = path.join(mkdtempSync(path.join(tmpdir(), 'mw-tinyproxy-')), 'tinyproxy.conf');
	writeFileSync(config, `${lines.join('\n')}\n`);

	// -d: stay in the foreground and log to stderr, so the test owns the process and its log.
	const child = spawn(binary, ['-d', '-c', config], {stdio: ['ignore', 'pipe', 'pipe']});
	let log = '';
	child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
	child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const stop = async () => {
		if (child.exitCode === null) child.kill('SIGTERM');
		await exited;
	};

	if (!(await acceptsConnections(port, child, 10_000))) {
		await stop();
		return null;
	}

	return {port, log: () => log, stop};
}
