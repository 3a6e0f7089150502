import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {ConfigError, CredentialError} from '../../source/config/errors.js';
import {FLAG_CHOICES} from '../../source/config/resolve.js';
import {resolveConfig} from '../../source/cli/resolve-runtime.js';
import type {ConfigEnvironment, RawFlags} from '../../source/config/types.js';
import {DEFAULT_SLOW_THRESHOLDS} from '../../source/core/diagnosis/thresholds.js';

const NOW = Date.parse('2024-05-01T12:00:00Z');
const TOKEN = 'MIItoken-for-resolve-tests';
const base = {env: {MODELARTS_TOKEN: TOKEN, LANG: 'en_US.UTF-8'}, cwd: '/nonexistent', homedir: '/nonexistent', stdoutIsTTY: true, readStdin: async () => ''};

function resolve(flags: RawFlags, environment: Partial<ConfigEnvironment> = {}) {
	return resolveConfig({region: 'eu-de', ...flags}, {...base, ...environment}, {now: () => NOW});
}

describe('resolveConfig: valid input', () => {
	it('applies defaults and derives the OTC endpoint from the region', async () => {
		const {config, auth} = await resolve({serviceIds: ['svc-1']});
		expect(config).toMatchObject({
			serviceId: 'svc-1', endpoint: 'https://modelarts.eu-de.otc.t-systems.com', region: 'eu-de', projectId: null,
			intervalMs: 3000, typeFilter: 'all', order: 'desc', output: 'tty', color: true, ascii: false, timeZone: {kind: 'local'},
			timeoutMs: null, since: null, until: null,
			slowThresholds: DEFAULT_SLOW_THRESHOLDS, deployTimeoutMs: 20 * 60_000,
		});
		expect(auth.source).toBe('MODELARTS_TOKEN');
	});

	it.each([
		[{region: 'cn-north-4'}, {}, 'https://modelarts.cn-north-4.myhuaweicloud.com'],
		[{region: 'eu-nl'}, {}, 'https://modelarts.eu-nl.otc.t-systems.com'],
		[{region: undefined}, {OS_REGION_NAME: 'ap-southeast-3'}, 'https://modelarts.ap-southeast-3.myhuaweicloud.com'],
		[{endpoint: 'http://127.0.0.1:9000//'}, {}, 'http://127.0.0.1:9000'],
	])('endpoint from %j %j is %s', async (flags, env, endpoint) => {
		const {config} = await resolve(flags, {env: {...base.env, ...env}});
		expect(config.endpoint).toBe(endpoint);
	});

	it.each([
		[{interval: '10'}, {intervalMs: 10_000}],
		[{interval: '1.5'}, {intervalMs: 1500}],
		[{timeout: '90s'}, {timeoutMs: 90_000}],
		[{timeout: '1h30m'}, {timeoutMs: 5_400_000}],
		[{timeout: '20'}, {timeoutMs: 20_000}],
		[{since: '2h'}, {since: NOW - 7_200_000}],
		[{since: '2024-04-30T00:00:00Z', until: '1h'}, {since: Date.parse('2024-04-30T00:00:00Z'), until: NOW - 3_600_000}],
		[{type: 'abnormal', order: 'asc'}, {typeFilter: 'abnormal', order: 'asc'}],
		[{json: true}, {output: 'json', color: false}],
		[{output: 'plain'}, {output: 'plain'}],
		[{utc: true}, {timeZone: {kind: 'utc'}}],
		[{tz: 'Asia/Shanghai'}, {timeZone: {kind: 'zone', name: 'Asia/Shanghai'}}],
		[{color: false}, {color: false}],
		[{ascii: true}, {ascii: true}],
		[{}, {maxResponseBytes: 32 * 1024 ** 2}],
		[{maxResponseSize: '64MiB'}, {maxResponseBytes: 64 * 1024 ** 2}],
		[{maxResponseSize: '100MB'}, {maxResponseBytes: 100_000_000}],
		[{maxResponseSize: '128m'}, {maxResponseBytes: 128 * 1024 ** 2}],
		[{maxResponseSize: '1048576'}, {maxResponseBytes: 1024 ** 2}],
		[{slowAfter: 'pull=15m,start=12m'}, {slowThresholds: {...DEFAULT_SLOW_THRESHOLDS, image_pulling: 900_000, model_startup: 720_000}}],
		[{slowAfter: ' Pulling = 1h , schedule=90s'}, {slowThresholds: {...DEFAULT_SLOW_THRESHOLDS, image_pulling: 3_600_000, resource_scheduling: 90_000}}],
		[{slowAfter: 'image_building=30m'}, {slowThresholds: {...DEFAULT_SLOW_THRESHOLDS, image_building: 1_800_000}}],
		[{slowAfter: '20m'}, {slowThresholds: {image_building: 1_200_000, environment_preparation: 1_200_000, resource_scheduling: 1_200_000, image_pulling: 1_200_000, model_startup: 1_200_000}}],
		[{deployTimeout: '45m'}, {deployTimeoutMs: 2_700_000}],
		[{deployTimeout: '2h'}, {deployTimeoutMs: 7_200_000}],
	])('flags %j give %j', async (flags, expected) => {
		const {config} = await resolve(flags);
		expect(config).toMatchObject(expected);
	});

	it.each([
		[{CI: 'true'}, true, 'plain', true],
		[{CI: 'false'}, true, 'tty', true],
		[{CI: '0'}, true, 'tty', true],
		// Set but empty is CI for Ink too: its live view would show nothing until the end.
		[{CI: ''}, true, 'plain', true],
		[{CONTINUOUS_INTEGRATION: '1'}, true, 'plain', true],
		[{}, false, 'plain', false],
		[{NO_COLOR: '1'}, true, 'tty', false],
		[{FORCE_COLOR: '0'}, true, 'tty', false],
		[{FORCE_COLOR: '1'}, false, 'plain', true],
	])('env %j with stdout TTY=%s → output %s, colour %s', async (env, stdoutIsTTY, output, color) => {
		const {config} = await resolve({}, {env: {...base.env, ...env}, stdoutIsTTY});
		expect(config).toMatchObject({output, color});
	});

	it.each([
		[{LANG: 'de_DE.UTF-8'}, false],
		[{LANG: 'C'}, true],
		[{LANG: 'en_US.UTF-8', LC_ALL: 'POSIX'}, true],
		[{LANG: 'en_US.utf8', TERM: 'dumb'}, true],
		[{LANG: undefined}, true],
	])('locale %j → ascii %s', async (env, ascii) => {
		const {config} = await resolve({}, {env: {MODELARTS_TOKEN: TOKEN, ...env}});
		expect(config.ascii).toBe(ascii);
	});

	it('takes the project id from flags before the environment', async () => {
		expect((await resolve({}, {env: {...base.env, OS_PROJECT_ID: 'from-os'}})).config.projectId).toBe('from-os');
		expect((await resolve({projectId: 'from-flag'}, {env: {...base.env, MODELARTS_PROJECT_ID: 'from-env'}})).config.projectId).toBe('from-flag');
	});

	it('uses the demo token and endpoint the caller passes, ignoring other credential flags', async () => {
		const {config, auth} = await resolveConfig(
			{demo: 'success', endpoint: 'http://127.0.0.1:4000', projectId: 'p1', tokenFile: '/missing', auth: 'aksk', cloud: 'nope'},
			{...base, env: {MODELARTS_TOKEN: 'demo-token', HTTPS_PROXY: 'http://proxy.invalid:1'}},
		);
		expect(config).toMatchObject({endpoint: 'http://127.0.0.1:4000', projectId: 'p1'});
		expect(await auth.headers({method: 'GET', url: new URL('http://127.0.0.1:4000'), headers: {}, body: ''})).toEqual({'X-Auth-Token': 'demo-token'});
	});

	it('exports the flag choices for --help', () => {
		expect(FLAG_CHOICES.output).toEqual(['auto', 'tty', 'plain', 'json']);
	});
});

describe('resolveConfig: invalid input names the flag and the choices (exit 2)', () => {
	it.each([
		[{interval: '0.5'}, /--interval "0.5".*at least 1/],
		[{interval: 'fast'}, /--interval/],
		[{type: 'bad'}, /--type "bad" is not valid: use one of all, normal, abnormal/],
		[{order: 'up'}, /--order "up".*desc, asc/],
		[{output: 'html'}, /--output "html".*auto, tty, plain, json/],
		[{json: true, output: 'plain'}, /--json conflicts with --output plain/],
		[{timeout: '0'}, /--timeout/],
		[{timeout: '5 minutes'}, /--timeout "5 minutes"/],
		[{since: 'yesterday'}, /--since "yesterday".*ISO time/],
		[{since: '1h', until: '2h'}, /--until .* must be after --since/],
		[{tz: 'Mars/Olympus'}, /--tz "Mars\/Olympus" is not a time zone/],
		[{tz: 'UTC', utc: true}, /--utc and --tz/],
		[{region: 'Frankfurt'}, /--region "Frankfurt" is not a region/],
		[{region: undefined}, /No endpoint: pass --region/],
		[{endpoint: 'ftp://x'}, /--endpoint must be an http/],
		[{endpoint: 'not a url'}, /--endpoint "not a url" is not a URL/],
		[{projectId: '../etc'}, /--project-id "..\/etc" is not valid/],
		[{auth: 'kerberos'}, /--auth "kerberos".*token, aksk, password, cloud/],
		[{caFile: '/nonexistent/ca.pem'}, /--ca-file \/nonexistent\/ca.pem cannot be read/],
		[{maxResponseSize: '512k'}, /--max-response-size "512k" is not valid: use a size from 1MiB to 256MiB, e\.g\. 64MiB/],
		[{maxResponseSize: '1g'}, /--max-response-size "1g"/],
		[{maxResponseSize: 'lots'}, /--max-response-size "lots"/],
		[{maxResponseSize: '64 parsecs'}, /--max-response-size "64 parsecs"/],
		[{slowAfter: 'pull=fast'}, /--slow-after "pull=fast" is not valid: "fast" is not a duration; .*phases build, env, schedule, pull, start/],
		[{slowAfter: 'download=5m'}, /--slow-after "download=5m" is not valid: "download" is not a phase/],
		[{slowAfter: 'pull=0'}, /--slow-after "pull=0".*"0" is not a duration/],
		[{slowAfter: 'pull=5m=6m'}, /--slow-after "pull=5m=6m"/],
		[{slowAfter: 'soon'}, /--slow-after "soon".*"soon" is not a duration/],
		[{deployTimeout: '2m'}, /--deploy-timeout "2m" is not valid: use a duration from 3m to 120m/],
		[{deployTimeout: '3h'}, /--deploy-timeout "3h"/],
		[{deployTimeout: 'soon'}, /--deploy-timeout "soon"/],
	])('%j', async (flags, message) => {
		const error = await resolve(flags).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(ConfigError);
		expect((error as ConfigError).exitCode).toBe(2);
		expect((error as Error).message).toMatch(message);
	});

	it('refuses --output tty without a terminal', async () => {
		await expect(resolve({output: 'tty'}, {stdoutIsTTY: false})).rejects.toThrow(/--output tty needs a terminal/);
	});

	it('reports a flag typo before looking for credentials', async () => {
		await expect(resolve({type: 'bad'}, {env: {}})).rejects.toBeInstanceOf(ConfigError);
	});
});

describe('resolveConfig: credential sources (exit 3)', () => {
	it('lists the options when there is no credential at all', async () => {
		const error = await resolve({}, {env: {}}).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(CredentialError);
		expect((error as CredentialError).exitCode).toBe(3);
		expect((error as Error).message).toMatch(/MODELARTS_TOKEN.*HUAWEICLOUD_SDK_AK.*OS_USERNAME.*OS_CLOUD/);
	});

	it.each([
		[{}, {MODELARTS_TOKEN: 't-1234', HUAWEICLOUD_SDK_AK: 'ak', HUAWEICLOUD_SDK_SK: 'sk-secret'}, 'MODELARTS_TOKEN'],
		[{}, {HUAWEICLOUD_SDK_AK: 'ak', HUAWEICLOUD_SDK_SK: 'sk-secret', OS_USERNAME: 'u', OS_PASSWORD: 'p-secret', OS_DOMAIN_NAME: 'd', OS_PROJECT_NAME: 'eu-de'}, 'AK/SK (HUAWEICLOUD_SDK_AK)'],
		[{}, {HUAWEICLOUD_SDK_AK: 'ak', OS_USERNAME: 'u', OS_PASSWORD: 'p-secret', OS_DOMAIN_NAME: 'd', OS_PROJECT_ID: 'p'}, 'OS_USERNAME/OS_PASSWORD'],
		[{auth: 'password'}, {MODELARTS_TOKEN: 't-1234', OS_USERNAME: 'u', OS_PASSWORD: 'p-secret', OS_USER_DOMAIN_NAME: 'd', OS_PROJECT_NAME: 'eu-de'}, 'OS_USERNAME/OS_PASSWORD'],
	])('flags %j and env %j pick %s (first complete source wins)', async (flags, env, source) => {
		const {auth} = await resolve(flags, {env});
		expect(auth.source).toBe(source);
	});

	it('names the missing variables when --auth forces an incomplete source', async () => {
		await expect(resolve({auth: 'aksk'}, {env: {HUAWEICLOUD_SDK_AK: 'ak'}})).rejects.toThrow('--auth aksk: missing HUAWEICLOUD_SDK_SK.');
		await expect(resolve({auth: 'password'}, {env: {OS_USERNAME: 'u'}})).rejects.toThrow(
			'--auth password: missing OS_PASSWORD, OS_USER_DOMAIN_NAME (or OS_DOMAIN_NAME), OS_PROJECT_NAME (or OS_PROJECT_ID).',
		);
	});

	it('reads --token-file from a file or standard input, trimmed', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'mw-token-'));
		writeFileSync(join(dir, 'token'), '  MIIfile-token-abc\n');
		const fromFile = await resolve({tokenFile: join(dir, 'token')}, {env: {}});
		expect(await fromFile.auth.headers({method: 'GET', url: new URL('http://h'), headers: {}, body: ''})).toEqual({'X-Auth-Token': 'MIIfile-token-abc'});
		const fromStdin = await resolve({tokenFile: '-'}, {env: {}, readStdin: async () => 'MIIstdin-token\n'});
		expect(fromStdin.auth.source).toBe('--token-file - (standard input)');
	});

	it.each([
		[{tokenFile: '-'}, {env: {}, readStdin: async () => ' \n'}, /--token-file - \(standard input\) is empty/],
		[{tokenFile: '/nonexistent/token'}, {env: {}}, /--token-file \/nonexistent\/token cannot be read \(ENOENT\)/],
		[{}, {env: {MODELARTS_TOKEN: ''}}, /MODELARTS_TOKEN is empty/],
		[{cloud: 'prod'}, {env: {}}, /OS_CLOUD\/--cloud prod: no clouds.yaml found/],
	])('%j fails with a CredentialError', async (flags, environment, message) => {
		const error = await resolve(flags, environment).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(CredentialError);
		expect((error as Error).message).toMatch(message);
	});
});

describe('resolveConfig: which services', () => {
	it.each<[string, RawFlags, object]>([
		['one id', {serviceIds: ['svc-1']}, {serviceId: 'svc-1', serviceName: null, many: null}],
		['one name', {serviceName: [' my-service ']}, {serviceId: null, serviceName: 'my-service', many: null}],
		['none (the picker in a terminal)', {}, {serviceId: null, serviceName: null, many: null}],
		['the same id twice is one service', {serviceIds: ['svc-1', 'svc-1']}, {serviceId: 'svc-1', many: null}],
		['two ids', {serviceIds: ['a', 'b']}, {serviceId: null, serviceName: null, many: {ids: ['a', 'b'], names: [], all: false, includeRunning: false}}],
		['an id and a name', {serviceIds: ['a'], serviceName: ['n']}, {many: {ids: ['a'], names: ['n'], all: false, includeRunning: false}}],
		['--all', {all: true}, {many: {ids: [], names: [], all: true, includeRunning: false}}],
		['--all --include-running', {all: true, includeRunning: true}, {many: {ids: [], names: [], all: true, includeRunning: true}}],
	])('%s', async (_name, flags, expected) => {
		const {config} = await resolve(flags);
		expect(config).toMatchObject(expected);
	});

	it.each<[RawFlags, number]>([
		[{}, 5],
		[{maxRate: '2'}, 2],
		[{maxRate: '0.5'}, 0.5],
	])('--max-rate from %j is %d requests per second', async (flags, rate) => {
		expect((await resolve(flags)).config.maxRate).toBe(rate);
	});

	it.each<[RawFlags, RegExp]>([
		[{includeRunning: true}, /--include-running goes with --all/],
		[{all: true, serviceIds: ['a']}, /--all takes every service in progress/],
		[{waitForService: true}, /--wait-for-service waits for one service named by --service-name/],
		[{waitForService: true, serviceName: ['x', 'y']}, /--wait-for-service waits for one service/],
		[{waitForService: true, serviceName: ['x'], serviceIds: ['a']}, /--wait-for-service waits for one service/],
		[{serviceIds: ['a', 'b/c']}, /service id "b\/c" is not valid/],
		[{maxRate: '0'}, /--max-rate "0" is not valid/],
		[{maxRate: '5/s'}, /--max-rate "5\/s" is not valid/],
	])('%j is a usage error', async (flags, message) => {
		await expect(resolve(flags)).rejects.toThrow(message);
		await expect(resolve(flags)).rejects.toBeInstanceOf(ConfigError);
	});
});
