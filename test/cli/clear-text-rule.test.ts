import {describe, expect, it} from 'vitest';
import {directRoute, type Route} from '../../source/api/http/route.js';
import {isLoopback, refuseClearText} from '../../source/cli/clear-text.js';
import {ConfigError} from '../../source/config/errors.js';

const direct = (url: URL): Route => directRoute(url);
const viaProxy = (address: string) => (url: URL): Route => ({...directRoute(url), proxy: {address, variable: 'HTTP_PROXY', tunnel: false, withCredentials: false}});

describe('isLoopback', () => {
	it.each([
		['localhost', true],
		['LOCALHOST', true],
		['sim.localhost', true],
		['127.0.0.1', true],
		['127.3.2.1', true],
		['[::1]', true],
		['::1', true],
		['128.0.0.1', false],
		['10.0.0.1', false],
		['localhost.example.com', false],
		['127.0.0.1.nip.io', false],
		['[::2]', false],
	])('%s → %s', (host, expected) => {
		expect(isLoopback(host)).toBe(expected);
	});
});

describe('refuseClearText', () => {
	it.each([
		['https to another machine', 'https://modelarts.eu-de.otc.t-systems.com', direct],
		['http to this machine', 'http://127.0.0.1:8080', direct],
		['http to localhost through a proxy on this machine', 'http://localhost:8080', viaProxy('127.0.0.1:3128')],
		['https through a proxy elsewhere (CONNECT keeps it encrypted)', 'https://modelarts.example.invalid', viaProxy('proxy.corp:3128')],
	])('lets %s pass', (_what, url, route) => {
		expect(() => refuseClearText([{url, origin: '--endpoint'}], route, false)).not.toThrow();
	});

	it('refuses http to another machine with a usage error naming the URL, its origin and --allow-http', () => {
		const refuse = () => refuseClearText([{url: 'http://modelarts.example.invalid', origin: '--endpoint'}], direct, false);
		expect(refuse).toThrow(ConfigError);
		expect(refuse).toThrow(/^--endpoint http:\/\/modelarts\.example\.invalid is plain http:\/\/: .*to modelarts\.example\.invalid.*--allow-http/);
	});

	it('refuses http to this machine when a proxy elsewhere would carry it', () => {
		expect(() => refuseClearText([{url: 'http://127.0.0.1:8080', origin: '--endpoint'}], viaProxy('proxy.corp:3128'), false)).toThrow(
			/through the proxy proxy\.corp:3128 \(HTTP_PROXY\)/,
		);
	});

	it('refuses an http IAM endpoint, named by the variable that set it', () => {
		const targets = [
			{url: 'https://modelarts.example.invalid', origin: '--endpoint'},
			{url: 'http://iam.example.invalid/v3', origin: 'OS_AUTH_URL'},
		];
		expect(() => refuseClearText(targets, direct, false)).toThrow(/^OS_AUTH_URL http:\/\/iam\.example\.invalid\/v3 is plain/);
	});

	it('lets everything pass with --allow-http', () => {
		expect(() => refuseClearText([{url: 'http://modelarts.example.invalid', origin: '--endpoint'}], direct, true)).not.toThrow();
	});
});
