// The built CLI behind a real tinyproxy, against an HTTPS endpoint with a private CA: each
// failure a user can meet on that path, with the message they read and the exit code.
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {startSimulator, type Simulator} from '../../source/sim/server.js';
import {records, runCli, type CliResult} from '../cli/harness.js';
import {killAllSessions, PtySession} from './harness.js';
import {makePrivateCa, startHttpsFront, type HttpsFront, type PrivateCa} from './private-ca.js';
import {startTinyproxy, tinyproxySkipReason, type Tinyproxy} from './tinyproxy.js';

const skipReason = tinyproxySkipReason();
if (skipReason) console.warn(`proxy.test.ts: ${skipReason}`);

const USER = 'watcher';
const PASSWORD = 'pr0xy-Pa55word';
const WRONG_PASSWORD = 'not-the-pr0xy-password';

describe.skipIf(skipReason !== null)('behind a real tinyproxy', () => {
	let ca: PrivateCa;
	let sim: Simulator;
	let front: HttpsFront;
	let open: Tinyproxy;
	let guarded: Tinyproxy;
	let strict: Tinyproxy;
	let closedPort: number;

	beforeAll(async () => {
		ca = makePrivateCa();
		sim = await startSimulator({scenario: 'success', speed: 200});
		front = await startHttpsFront(ca, new URL(sim.url).port ? Number(new URL(sim.url).port) : 80);
		[open, guarded, strict] = await Promise.all([
			startTinyproxy(),
			startTinyproxy({credentials: {user: USER, password: PASSWORD}}),
			// Only 443 may be tunnelled: the endpoint's port is refused with 403.
			startTinyproxy({connectPorts: [443]}),
		]);
		// A port that was free a moment ago: a proxy that is down.
		const down = await startTinyproxy();
		closedPort = down.port;
		await down.stop();
	});

	afterAll(async () => {
		await Promise.all([open?.stop(), guarded?.stop(), strict?.stop(), front?.close(), sim?.close()]);
	});

	afterEach(killAllSessions);

	const endpoint = () => `https://localhost:${front.port}`;
	const proxyUrl = (proxy: {port: number}, credentials = '') => `http://${credentials}127.0.0.1:${proxy.port}`;
	/** `--once --json` of the simulator's service through `env`'s proxy settings. */
	const watchOnce = (env: Record<string, string>, extra: readonly string[] = [], at = endpoint()): Promise<CliResult> =>
		runCli([sim.serviceId, '--endpoint', at, '--project-id', sim.projectId, '--once', '--json', ...extra], {env: {MODELARTS_TOKEN: sim.token, ...env}});

	/** A failure that names the proxy or TLS, never the token, and exits 1 without a retry. */
	function expectHopFailure(result: CliResult, message: RegExp): void {
		expect(result.stderr).toMatch(message);
		expect(result.stderr).not.toMatch(/token/i);
		expect(result.stderr).not.toMatch(/retrying/);
		expect(result.stdout).toBe('');
		expect(result.code).toBe(1);
	}

	it('watches over HTTPS through the CONNECT tunnel with --ca-file', async () => {
		const result = await watchOnce({HTTPS_PROXY: proxyUrl(open)}, ['--ca-file', ca.caFile]);

		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		expect(records(result.stdout).at(-1)).toMatchObject({kind: 'summary', service_id: sim.serviceId});
		expect(open.log()).toMatch(new RegExp(`CONNECT localhost:${front.port}`));
	});

	it('trusts the private CA from NODE_EXTRA_CA_CERTS as well', async () => {
		const result = await watchOnce({HTTPS_PROXY: proxyUrl(open), NODE_EXTRA_CA_CERTS: ca.caFile});

		expect(result.code).toBe(0);
		expect(records(result.stdout).at(-1)).toMatchObject({kind: 'summary'});
	});

	it('without the CA, fails after one attempt and says how to trust it', async () => {
		// Given the endpoint's CA is not trusted
		const before = front.connections();

		// When the watch starts
		const result = await watchOnce({HTTPS_PROXY: proxyUrl(open)});

		// Then it names the endpoint and the two ways to trust the CA, and tried only once
		expectHopFailure(result, new RegExp(`^modelarts-watch: TLS: the certificate of localhost:${front.port} is not signed by a CA this machine trusts \\(\\w+\\) — pass --ca-file with the CA certificate \\(PEM\\), or set NODE_EXTRA_CA_CERTS to it`));
		expect(front.connections() - before).toBe(1);
	});

	it('a host name the certificate does not name is a TLS error about that name', async () => {
		const result = await watchOnce({HTTPS_PROXY: proxyUrl(open)}, ['--ca-file', ca.caFile], `https://127.0.0.1:${front.port}`);

		expectHopFailure(result, new RegExp(`TLS: the certificate of 127\\.0\\.0\\.1:${front.port} is not valid for 127\\.0\\.0\\.1 \\(ERR_TLS_CERT_ALTNAME_INVALID\\) — check --endpoint or --region`));
	});

	it('goes around the proxy for a host in NO_PROXY', async () => {
		const result = await watchOnce({HTTPS_PROXY: proxyUrl({port: closedPort}), NO_PROXY: 'example.com,localhost'}, ['--ca-file', ca.caFile]);

		expect(result.code).toBe(0);
		expect(records(result.stdout).at(-1)).toMatchObject({kind: 'summary'});
	});

	it('a proxy that is down is named, retried five times, and exits 1', async () => {
		const result = await watchOnce({HTTPS_PROXY: proxyUrl({port: closedPort})}, ['--ca-file', ca.caFile]);

		expect(result.stderr).toMatch(/retrying in \d+s \(connection refused by the proxy 127\.0\.0\.1:\d+ \(HTTPS_PROXY\), attempt 1\)/);
		expect(result.stderr).toContain(`modelarts-watch: could not reach ModelArts after 5 attempts: connection refused by the proxy 127.0.0.1:${closedPort} (HTTPS_PROXY) — is the proxy running? Check HTTPS_PROXY`);
		expect(result.stderr).not.toMatch(/token|check --endpoint/i);
		expect(result.code).toBe(1);
	}, 60_000);

	it('a tunnel the proxy refuses (403) is the proxy\'s refusal, at once', async () => {
		const result = await watchOnce({HTTPS_PROXY: proxyUrl(strict)}, ['--ca-file', ca.caFile]);

		expectHopFailure(result, new RegExp(`^modelarts-watch: the proxy 127\\.0\\.0\\.1:${strict.port} \\(HTTPS_PROXY\\) refused the tunnel to localhost:${front.port} \\(403 Access violation\\) — its rules do not allow this host or port`));
	});

	it('a proxy that wants credentials says where to put them (407)', async () => {
		const result = await watchOnce({https_proxy: proxyUrl(guarded)}, ['--ca-file', ca.caFile]);

		expectHopFailure(result, new RegExp(`^modelarts-watch: the proxy 127\\.0\\.0\\.1:${guarded.port} \\(https_proxy\\) wants credentials \\(407 Proxy Authentication Required\\) — put them in https_proxy as USER:PASSWORD@ before 127\\.0\\.0\\.1:${guarded.port}, special characters percent-encoded$`, 'm'));
	});

	it('wrong proxy credentials are the proxy rejecting them, and are never printed, not even with --debug', async () => {
		const result = await watchOnce({HTTPS_PROXY: proxyUrl(guarded, `${USER}:${WRONG_PASSWORD}@`)}, ['--ca-file', ca.caFile, '--debug']);

		expectHopFailure(result, new RegExp(`modelarts-watch: the proxy 127\\.0\\.0\\.1:${guarded.port} \\(HTTPS_PROXY\\) rejected the credentials in HTTPS_PROXY \\(401 Unauthorized\\) — check the user name and password`));
		expect(result.stderr).not.toContain(WRONG_PASSWORD);
		expect(result.stderr).not.toContain(Buffer.from(`${USER}:${WRONG_PASSWORD}`).toString('base64'));
	});

	it('the right proxy credentials open the tunnel', async () => {
		const result = await watchOnce({HTTPS_PROXY: proxyUrl(guarded, `${USER}:${PASSWORD}@`)}, ['--ca-file', ca.caFile, '--debug']);

		expect(result.code).toBe(0);
		expect(records(result.stdout).at(-1)).toMatchObject({kind: 'summary'});
		expect(result.stderr).not.toContain(PASSWORD);
	});

	it('a 407 to a plain-HTTP request the proxy forwards is the proxy\'s, not ModelArts\'', async () => {
		const result = await watchOnce({HTTP_PROXY: proxyUrl(guarded)}, [], sim.url);

		expectHopFailure(result, new RegExp(`^modelarts-watch: the proxy 127\\.0\\.0\\.1:${guarded.port} \\(HTTP_PROXY\\) wants credentials \\(407 Proxy Authentication Required\\)`));
	});

	it('in the live view, a refused tunnel ends the watch with the proxy\'s message and exit 1', async () => {
		// Given the terminal UI pointed through the strict proxy
		const session = PtySession.start({
			args: [sim.serviceId, '--endpoint', endpoint(), '--project-id', sim.projectId, '--ca-file', ca.caFile, '--output', 'tty'],
			env: {MODELARTS_TOKEN: sim.token, HTTPS_PROXY: proxyUrl(strict)},
		});

		// Then the screen says the proxy refused the tunnel, and the exit code is 1
		const exit = await session.exit;
		await session.flush();
		const seen = session.scrollbackText().replace(/\s*\n\s*/g, ' ');
		expect(seen).toContain(`the proxy 127.0.0.1:${strict.port} (HTTPS_PROXY) refused the tunnel to localhost:${front.port} (403 Access violation)`);
		expect(seen).not.toMatch(/token/i);
		expect(exit.code).toBe(1);
	});
});
