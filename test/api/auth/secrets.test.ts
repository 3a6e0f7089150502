import {describe, expect, it} from 'vitest';
import {loadToken} from '../../../source/api/auth/token.js';
import {resolveConfig} from '../../../source/cli/resolve-runtime.js';
import {redact, registerSecret} from '../../../source/secrets.js';

describe('redact', () => {
	it('hides every registered secret, also JSON-escaped and URL-encoded', () => {
		registerSecret('pa"ss w/rd+1');
		const text = `plain pa"ss w/rd+1, json ${JSON.stringify('pa"ss w/rd+1')}, url ${encodeURIComponent('pa"ss w/rd+1')}`;
		expect(redact(text)).toBe('plain ***, json "***", url ***');
	});

	it.each([
		['X-Auth-Token: MIIabc.def', 'X-Auth-Token: ***'],
		['authorization: SDK-HMAC-SHA256 Access=AK, SignedHeaders=host, Signature=abc', 'authorization: ***'],
		['{"x-auth-token":"MIIabc","accept":"application/json"}', '{"x-auth-token":"***","accept":"application/json"}'],
		['{"password": "hunter22", "name": "alice"}', '{"password": "***", "name": "alice"}'],
		['password=hunter22&user=alice', 'password=***&user=alice'],
		['auth:\n  password: hunter22\n  username: alice', 'auth:\n  password: ***\n  username: alice'],
		['proxy http://bob:s3cr3t@proxy:3128 refused', 'proxy http://bob:***@proxy:3128 refused'],
		['nothing secret here', 'nothing secret here'],
	])('%j → %j', (input, expected) => {
		expect(redact(input)).toBe(expected);
	});

	it('ignores values too short to hide meaningfully', () => {
		registerSecret('ab');
		expect(redact('a tab bar')).toBe('a tab bar');
	});
});

describe('every credential source registers its secrets on load', () => {
	const environment = {cwd: '/nonexistent', homedir: '/nonexistent', stdoutIsTTY: false, readStdin: async () => ''};

	it.each([
		[{MODELARTS_TOKEN: 'MIItoken-registered-1'}, 'MIItoken-registered-1'],
		[{HUAWEICLOUD_SDK_AK: 'AKVALUE', HUAWEICLOUD_SDK_SK: 'sk-registered-2', HUAWEICLOUD_SDK_SECURITY_TOKEN: 'sts-registered-3'}, 'sk-registered-2'],
		[{HUAWEICLOUD_SDK_AK: 'AKVALUE', HUAWEICLOUD_SDK_SK: 'sk-registered-2', HUAWEICLOUD_SDK_SECURITY_TOKEN: 'sts-registered-3'}, 'sts-registered-3'],
		[{OS_USERNAME: 'u', OS_PASSWORD: 'password-registered-4', OS_DOMAIN_NAME: 'd', OS_PROJECT_NAME: 'eu-de'}, 'password-registered-4'],
	])('%j', async (env, secret) => {
		await resolveConfig({region: 'eu-de'}, {...environment, env});
		expect(redact(`crash: ${secret} in a stack`)).toBe('crash: *** in a stack');
	});

	it('registers a token read from standard input', async () => {
		await loadToken({env: {}, tokenFile: '-', readStdin: async () => 'MIIstdin-registered-5\n'});
		expect(redact('MIIstdin-registered-5')).toBe('***');
	});
});
