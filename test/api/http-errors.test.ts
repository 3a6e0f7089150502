import {describe, expect, it} from 'vitest';
import {errorForNetworkFailure, looksLikeHtml, parseErrorBody} from '../../source/api/http-errors.js';
import {redactUrl, scrubSecrets} from '../../source/api/redact.js';

const systemError = (code: string, message = `connect ${code}`) => Object.assign(new Error(message), {code});

describe('errorForNetworkFailure', () => {
	it.each([
		[systemError('ENOTFOUND'), 'DNS lookup failed for modelarts.example — check the endpoint or region'],
		[systemError('EAI_AGAIN'), 'DNS lookup failed for modelarts.example — check the endpoint or region'],
		[systemError('ECONNREFUSED'), 'connection refused by modelarts.example — check the endpoint'],
		[systemError('ECONNRESET'), 'connection reset'],
		[systemError('EPIPE'), 'connection reset'],
		[new Error('Premature close'), 'connection reset'],
		[{cause: systemError('ECONNRESET')}, 'connection reset'],
		[systemError('ETIMEDOUT'), 'cannot reach modelarts.example (ETIMEDOUT)'],
		[systemError('UNABLE_TO_VERIFY_LEAF_SIGNATURE'), 'TLS certificate problem with modelarts.example (UNABLE_TO_VERIFY_LEAF_SIGNATURE) — pass --ca-file for a private CA'],
		[systemError('EWHATEVER'), 'network error (EWHATEVER)'],
		[new TypeError('bad thing'), 'network error (TypeError: bad thing)'],
	])('describes %o', (error, message) => {
		const mapped = errorForNetworkFailure(error, 'modelarts.example');
		expect(mapped.message).toBe(message);
		expect(mapped.retryable).toBe(true);
		expect(mapped.status).toBeNull();
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
