import {describe, expect, it} from 'vitest';
import {ConfigError} from '../../source/config/errors.js';
import {iamEndpointForRegion, isOpenTelekomEndpoint, modelArtsEndpoint} from '../../source/config/endpoint.js';
import {resolveConfig} from '../../source/cli/resolve-runtime.js';
import type {RawFlags} from '../../source/config/types.js';

const base = {env: {MODELARTS_TOKEN: 'MIItoken-v2-settings'}, cwd: '/nonexistent', homedir: '/nonexistent', stdoutIsTTY: false, readStdin: async () => ''};
const resolve = (flags: RawFlags, env: Record<string, string> = {}) => resolveConfig({serviceIds: ['svc-1'], ...flags}, {...base, env: {...base.env, ...env}}, {now: () => 0});

describe('region hosts as the SDK tables them', () => {
	it.each([
		['cn-north-4', 'https://modelarts.cn-north-4.myhuaweicloud.com', 'https://iam.cn-north-4.myhuaweicloud.com/v3'],
		['ap-southeast-1', 'https://modelarts.ap-southeast-1.myhuaweicloud.cn', 'https://iam.ap-southeast-1.myhuaweicloud.com/v3'],
		['eu-de', 'https://modelarts.eu-de.otc.t-systems.com', 'https://iam.eu-de.otc.t-systems.com/v3'],
		['eu-ch2', 'https://modelarts.eu-ch2.sc.otc.t-systems.com', 'https://iam-pub.eu-ch2.sc.otc.t-systems.com/v3'],
	])('%s → %s, IAM %s', (region, modelarts, iam) => {
		expect(modelArtsEndpoint(region)).toBe(modelarts);
		expect(iamEndpointForRegion(region)).toBe(iam);
	});

	it('tells Open Telekom Cloud endpoints, where v2 is never tried', () => {
		expect(isOpenTelekomEndpoint('https://modelarts.eu-de.otc.t-systems.com')).toBe(true);
		expect(isOpenTelekomEndpoint('https://modelarts.eu-ch2.sc.otc.t-systems.com/')).toBe(true);
		expect(isOpenTelekomEndpoint('https://modelarts.cn-north-4.myhuaweicloud.com')).toBe(false);
		expect(isOpenTelekomEndpoint('https://nototc.t-systems.com.example')).toBe(false);
	});

	it('honours HUAWEICLOUD_SDK_REGION_MODELARTS_<REGION>, taking the first of several', async () => {
		const {config} = await resolve({region: 'cn-north-4'}, {HUAWEICLOUD_SDK_REGION_MODELARTS_CN_NORTH_4: 'https://modelarts-proxy.example.com/, https://second.example.com'});
		expect(config.endpoint).toBe('https://modelarts-proxy.example.com');
		const flagged = await resolve({region: 'cn-north-4', endpoint: 'https://flag.example.com'}, {HUAWEICLOUD_SDK_REGION_MODELARTS_CN_NORTH_4: 'https://modelarts-proxy.example.com'});
		expect(flagged.config.endpoint).toBe('https://flag.example.com');
	});
});

describe('--api and --lang', () => {
	it('default to auto and en', async () => {
		expect((await resolve({region: 'cn-north-4'})).config).toMatchObject({api: 'auto', lang: 'en'});
		expect((await resolve({region: 'cn-north-4', api: 'v2', lang: 'zh', type: 'warning'})).config).toMatchObject({api: 'v2', lang: 'zh', typeFilter: 'warning'});
	});

	it.each([[{api: 'v3'}, /--api "v3" is not valid: use one of auto, v1, v2/], [{lang: 'de'}, /--lang "de" is not valid: use one of en, zh/]])('refuses %o', async (flags, message) => {
		await expect(resolve({region: 'cn-north-4', ...flags})).rejects.toThrow(ConfigError);
		await expect(resolve({region: 'cn-north-4', ...flags})).rejects.toThrow(message);
	});
});
