import {describe, expect, it} from 'vitest';
import {AuthError, HopError, NotFoundError} from '../../../source/api/errors.js';
import {errorForStatus, looksLikeHtml, parseErrorBody} from '../../../source/api/http/http-errors.js';
import {redactUrl, scrubSecrets} from '../../../source/api/http/redact.js';
import type {Route} from '../../../source/api/http/route.js';

const ROUTE_DIRECT: Route = {endpoint: 'modelarts.example:443', hostname: 'modelarts.example', proxy: null};
const ROUTE_FORWARD: Route = {
	endpoint: 'modelarts.example:80',
	hostname: 'modelarts.example',
	proxy: {address: '127.0.0.1:3128', variable: 'HTTP_PROXY', tunnel: false, withCredentials: false},
};
const ROUTE_TUNNEL: Route = {...ROUTE_FORWARD, endpoint: 'modelarts.example:443', proxy: {...ROUTE_FORWARD.proxy!, tunnel: true, variable: 'HTTPS_PROXY'}};
const MODELARTS_401 = '{"error_code":"ModelArts.0203","error_msg":"Invalid token."}';
const PROXY_PAGE = '<?xml version="1.0" encoding="UTF-8" ?>\n<!DOCTYPE html>\n<html><head><title>407</title></head></html>';

function answer(status: number, text: string, route: Route, headers: Record<string, string> = {}, statusText = '') {
	const lower = new Map(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
	return errorForStatus(status, text, {route, headers: {get: (name) => lower.get(name) ?? null}, statusText, serviceId: null, authSource: 'MODELARTS_TOKEN', retryAfterMs: null});
}

describe('errorForStatus: whose answer it is', () => {
	it.each([
		// A proxy's own answer to a plain-HTTP request: 407, or no Via and no ModelArts body
		['407 through a forward proxy', 407, PROXY_PAGE, ROUTE_FORWARD, {'proxy-authenticate': 'Basic realm="Tinyproxy"'}, 'proxy-auth', /^the proxy 127\.0\.0\.1:3128 \(HTTP_PROXY\) wants credentials \(407 Proxy Authentication Required\)/],
		['403 page without Via through a forward proxy', 403, PROXY_PAGE, ROUTE_FORWARD, {}, 'proxy-refused', /^the proxy 127\.0\.0\.1:3128 \(HTTP_PROXY\) refused the request to modelarts\.example:80 \(403 Access violation\)/],
		['500 page without Via through a forward proxy', 500, PROXY_PAGE, ROUTE_FORWARD, {}, 'proxy-refused', /could not reach modelarts\.example:80 \(500 Access violation\)/],
		['squid error page with Via', 503, PROXY_PAGE, ROUTE_FORWARD, {via: '1.1 squid', 'x-squid-error': 'ERR_DNS_FAIL 0'}, 'proxy-refused', /could not reach modelarts\.example:80/],
		['407 with no proxy configured', 407, PROXY_PAGE, ROUTE_DIRECT, {}, 'proxy-auth', /^a proxy between this machine and modelarts\.example:443 wants credentials/],
		// A page instead of ModelArts' JSON: something in front of ModelArts said no
		['HTML 401', 401, '<html><body>Login</body></html>', ROUTE_DIRECT, {}, 'gateway', /^HTTP 401 \(an HTML page, not a ModelArts answer\) from modelarts\.example:443 — something in front of ModelArts/],
		['HTML 403 through a tunnel', 403, '<html><body>Blocked</body></html>', ROUTE_TUNNEL, {}, 'gateway', /^HTTP 403 \(an HTML page, not a ModelArts answer\) from modelarts\.example:443/],
	] as const)('%s is not a ModelArts answer', (_name, status, text, route, headers, hop, message) => {
		const error = answer(status, text, route, headers, status === 407 ? 'Proxy Authentication Required' : 'Access violation');

		expect(error).toBeInstanceOf(HopError);
		expect(error).toMatchObject({hop, status: null});
		expect(error.message).toMatch(message);
		expect(error.message).not.toMatch(/token|MODELARTS_TOKEN/i);
	});

	it.each([
		['direct', ROUTE_DIRECT, {}],
		['forwarded by a proxy (Via)', ROUTE_FORWARD, {via: '1.1 vm (tinyproxy/1.11.1)'}],
		['through a tunnel', ROUTE_TUNNEL, {}],
	] as const)('a ModelArts 401 %s stays a credential problem', (_name, route, headers) => {
		const error = answer(401, MODELARTS_401, route, headers);

		expect(error).toBeInstanceOf(AuthError);
		expect(error.message).toMatch(/MODELARTS_TOKEN was rejected/);
	});

	it('a 502 page forwarded by the proxy (Via) is the gateway behind it, retried', () => {
		const error = answer(502, '<html>bad gateway</html>', ROUTE_FORWARD, {via: '1.1 proxy'});

		expect(error).toMatchObject({kind: 'hop', hop: 'gateway', retryable: true, answerStatus: 502, status: null});
		expect(error.message).toBe('HTTP 502 (an HTML page, not a ModelArts answer) from modelarts.example:80 — a gateway or load balancer in front of ModelArts could not serve the request');
	});

	it('never lets a server error message drive the terminal', () => {
		const body = JSON.stringify({error_code: 'ModelArts.3502', error_msg: 'no \u001b[2J\u001b]0;t\u0007 such'});
		const error = answer(404, body, ROUTE_DIRECT);

		expect(error).toBeInstanceOf(NotFoundError);
		expect(error.message).toContain('no ␛[2J␛]0;t␇ such');
		expect(error.message).not.toMatch(/[\u0000-\u001f]/);
	});
});

describe('parseErrorBody and looksLikeHtml', () => {
	it.each([
		['{"error_code":"APIGW.0308","error_msg":"over","request_id":"r1"}', {errorCode: 'APIGW.0308', errorMsg: 'over', requestId: 'r1'}],
		['{"error_msg":"only a message"}', {errorCode: null, errorMsg: 'only a message', requestId: null}],
		['{"events":[]}', null],
		['<html></html>', null],
		['null', null],
	])('reads %s', (text, expected) => {
		expect(parseErrorBody(text)).toEqual(expected);
	});

	it.each([
		['<!DOCTYPE html><html>', true],
		['  <html>\r\n<head>', true],
		['{"a":1}', false],
		['plain text', false],
	])('%j is HTML: %s', (text, expected) => {
		expect(looksLikeHtml(text)).toBe(expected);
	});
});

describe('redaction', () => {
	it.each([
		['https://user:pw@modelarts.example/v1/p/services?limit=5', 'https://modelarts.example/v1/p/services?limit=5'],
		['https://modelarts.example/x?token=abc&limit=1', 'https://modelarts.example/x?token=***&limit=1'],
		['https://modelarts.example/x?X-Amz-Signature=abc', 'https://modelarts.example/x?X-Amz-Signature=***'],
		['https://modelarts.example/v2/p/services/s/events?sort_key=update_at&api_key=k', 'https://modelarts.example/v2/p/services/s/events?sort_key=update_at&api_key=***'],
		['not a url', '(invalid URL)'],
	])('redactUrl(%s)', (href, expected) => {
		expect(redactUrl(href)).toBe(expected);
	});

	it('scrubs header values, and the words inside a signature header', () => {
		const headers = ['SDK-HMAC-SHA256 Access=AKIAEXAMPLE123456, SignedHeaders=host;x-sdk-date, Signature=0123456789abcdef0123'];
		expect(scrubSecrets('server said: bad key AKIAEXAMPLE123456 and sig 0123456789abcdef0123', headers)).toBe('server said: bad key *** and sig ***');
		expect(scrubSecrets('token tok-3f9a8b7c6d5e4f3a2b1c echoed', ['tok-3f9a8b7c6d5e4f3a2b1c'])).toBe('token *** echoed');
		expect(scrubSecrets('short values like json stay', ['json'])).toBe('short values like json stay');
	});
});
