import {createRequire} from 'node:module';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {canonicalQuery, parseSdkDate, sdkEncode, signRequest} from '../../../source/api/auth/signer.js';

// The official Huawei Cloud SDK signer (CommonJS, dev dependency) is the reference.
const require = createRequire(import.meta.url);
const {AKSKSigner} = require('@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js') as {
	AKSKSigner: {sign(request: object, credential: object): Record<string, string>};
};

const credential = {ak: 'HPUAEXAMPLEAK1234567', sk: 'exampleSecretKeyValue0123456789abcdefGHIJ'};
const sdkCredential = {getAk: () => credential.ak, getSk: () => credential.sk};

type Query = Record<string, string | string[]>;

function officialSignature(endpoint: string, path: string, query: Query, headers: Record<string, string>, method = 'GET') {
	const signed = AKSKSigner.sign({endpoint: endpoint + path, method, headers: {...headers}, queryParams: structuredClone(query)}, sdkCredential);
	return {date: signed['X-Sdk-Date']!, authorization: signed['Authorization']!};
}

function ourSignature(endpoint: string, path: string, query: Query, headers: Record<string, string>, date: string, method = 'GET') {
	const url = new URL(endpoint + path);
	for (const [key, value] of Object.entries(query)) {
		for (const item of Array.isArray(value) ? value : [value]) {
			url.searchParams.append(key, item);
		}
	}

	return signRequest({method, url, headers, body: ''}, credential, new Date(parseSdkDate(date))).Authorization;
}

const endpoints = ['https://modelarts.eu-de.otc.t-systems.com', 'http://127.0.0.1:8080', 'https://modelarts.cn-north-4.myhuaweicloud.com:8443'];
const paths = [
	'/v1/0c9b8a7f6e5d4c3b2a1f0e9d8c7b6a55/services/35de3ca9-1111-2222-3333-444455556666/events',
	'/v1/p/services',
	'/v1/p/services/',
	'/',
	'/v3/projects',
	'/v1/p/services/name-with_under.score~tilde',
	'/v1/p/services/caf\u00e9',
	'/v1/p/services/a+b=c,d;e:f@g!h$i&j*k(l)',
];
const queries: Query[] = [
	{},
	{event_type: 'abnormal', order: 'asc', limit: '1000', offset: '0', sort_by: 'occur_time', start_time: '1562597251764'},
	{service_name: 'my service'},
	{service_name: 'a+b'},
	{service_name: '100%'},
	{service_name: '\u00fcnicode \u4e2d\u6587 \ud83d\ude80'},
	{service_name: 'tilde~dash-dot.under_'},
	{service_name: ''},
	{name: 'eu-de', 'key with space': 'v'},
	{a: ['z', 'b', 'm']},
	{Zeta: '1', alpha: '2', Beta: '3', _under: '4'},
	{'*special*': "!'()", reserved: ':/?#[]@&=+$,;'},
];
const headerSets: Array<Record<string, string>> = [
	{},
	{accept: 'application/json'},
	{accept: 'application/json', 'user-agent': 'modelarts-watch/0.1.0'},
	{'Content-Type': 'application/json', 'X-Project-Id': '0c9b8a7f6e5d4c3b2a1f0e9d8c7b6a55'},
	{'X-Security-Token': 'gQpzdGsTOKEN', 'x-project-id': 'abc', Accept: '*/*'},
];

describe('signRequest matches the official Huawei Cloud SDK signer', () => {
	const cases = endpoints.flatMap(endpoint => paths.flatMap(path => queries.map(query => ({endpoint, path, query}))));

	it.each(cases)('$endpoint $path $query', ({endpoint, path, query}) => {
		for (const headers of headerSets) {
			// Given the same request, When both sign it at the same second, Then they agree.
			const official = officialSignature(endpoint, path, query, headers);
			expect(ourSignature(endpoint, path, query, headers, official.date)).toBe(official.authorization);
		}
	});

	it('agrees for arbitrary query keys and values', () => {
		const text = fc.string({unit: 'grapheme', maxLength: 12});
		fc.assert(
			fc.property(fc.dictionary(text.filter(key => key !== ''), text, {maxKeys: 5}), query => {
				const official = officialSignature(endpoints[0]!, paths[0]!, query, {accept: 'application/json'});
				expect(ourSignature(endpoints[0]!, paths[0]!, query, {accept: 'application/json'}, official.date)).toBe(official.authorization);
			}),
			{numRuns: 200},
		);
	});

	it('agrees for a POST with the method in the signature', () => {
		const official = officialSignature(endpoints[0]!, '/v3/auth/tokens', {}, {'content-type': 'application/json'}, 'POST');
		expect(ourSignature(endpoints[0]!, '/v3/auth/tokens', {}, {'content-type': 'application/json'}, official.date, 'POST')).toBe(
			official.authorization,
		);
	});
});

describe('canonical pieces', () => {
	it.each([
		['abc-_.~XYZ019', 'abc-_.~XYZ019'],
		['a b', 'a%20b'],
		['a+b', 'a%2Bb'],
		['100%', '100%25'],
		["!'()*", '%21%27%28%29%2A'],
		['\u00e9', '%C3%A9'],
	])('sdkEncode(%j) = %j', (input, expected) => {
		expect(sdkEncode(input)).toBe(expected);
	});

	it('sorts keys and the values of repeated keys', () => {
		expect(canonicalQuery(new URL('http://h/?b=2&a=z&a=y&c='))).toBe('a=y&a=z&b=2&c=');
	});

	it('changes the signature when anything signed changes', () => {
		const base = {method: 'GET', url: new URL('https://h/v1/p/services?limit=1'), headers: {accept: 'application/json'}, body: ''};
		const at = new Date('2024-05-01T12:00:00Z');
		const original = signRequest(base, credential, at).Authorization;
		expect(signRequest({...base, url: new URL('https://h/v1/p/services?limit=2')}, credential, at).Authorization).not.toBe(original);
		expect(signRequest({...base, headers: {accept: 'text/plain'}}, credential, at).Authorization).not.toBe(original);
		expect(signRequest(base, credential, new Date('2024-05-01T12:00:01Z')).Authorization).not.toBe(original);
		expect(signRequest(base, {...credential, sk: 'other-secret-key'}, at).Authorization).not.toBe(original);
	});
});
