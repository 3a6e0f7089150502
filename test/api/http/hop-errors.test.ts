import {describe, expect, it} from 'vitest';
import {HopError, TransientError} from '../../../source/api/errors.js';
import {errorForNetworkFailure, errorForProxyAnswer} from '../../../source/api/http/hop-errors.js';
import {createHopTrace, type HopTrace} from '../../../source/api/http/hop-trace.js';
import type {ProxyHop, Route} from '../../../source/api/http/route.js';
import {redact} from '../../../source/secrets.js';

const systemError = (code: string, message = `connect ${code}`) => Object.assign(new Error(message), {code});

const tunnelProxy: ProxyHop = {address: 'proxy.corp:3128', variable: 'HTTPS_PROXY', tunnel: true, withCredentials: false};
const ROUTES = {
	direct: {endpoint: 'modelarts.example:443', hostname: 'modelarts.example', proxy: null},
	tunnel: {endpoint: 'modelarts.example:443', hostname: 'modelarts.example', proxy: tunnelProxy},
	tunnelWithCredentials: {endpoint: 'modelarts.example:443', hostname: 'modelarts.example', proxy: {...tunnelProxy, withCredentials: true}},
	forward: {endpoint: 'modelarts.example:80', hostname: 'modelarts.example', proxy: {...tunnelProxy, variable: 'http_proxy', tunnel: false}},
} as const satisfies Record<string, Route>;

/** The trace of a tunnel whose leg to the proxy failed with `error`. */
const proxyLeg = (error: unknown): HopTrace => ({...createHopTrace(), proxyLegFailure: error});
/** The trace of a CONNECT the proxy answered with `status`. */
const refused = (status: number, statusText: string): HopTrace => ({...createHopTrace(), refusal: {status, statusText}});

describe('errorForNetworkFailure', () => {
	it.each([
		// DNS: the endpoint's name, or the proxy's
		['direct', systemError('ENOTFOUND'), createHopTrace(), 'endpoint-dns', true, /^DNS lookup failed for modelarts\.example:443 — check --endpoint or --region/],
		['direct', systemError('EAI_AGAIN'), createHopTrace(), 'endpoint-dns', true, /^DNS lookup failed for modelarts\.example:443/],
		['tunnel', {cause: systemError('ENOTFOUND')}, proxyLeg(systemError('ENOTFOUND')), 'proxy-dns', true, /^DNS lookup failed for the proxy proxy\.corp:3128 \(HTTPS_PROXY\) — check the proxy's host name in HTTPS_PROXY$/],
		['forward', systemError('ENOTFOUND'), createHopTrace(), 'proxy-dns', true, /^DNS lookup failed for the proxy proxy\.corp:3128 \(http_proxy\)/],
		// TCP: whoever we opened the socket to
		['direct', systemError('ECONNREFUSED'), createHopTrace(), 'endpoint-tcp', true, /^connection refused by modelarts\.example:443 — check --endpoint$/],
		['tunnel', systemError('ECONNREFUSED'), proxyLeg(systemError('ECONNREFUSED')), 'proxy-tcp', true, /^connection refused by the proxy proxy\.corp:3128 \(HTTPS_PROXY\) — is the proxy running\? Check HTTPS_PROXY$/],
		['forward', systemError('ECONNREFUSED'), createHopTrace(), 'proxy-tcp', true, /^connection refused by the proxy proxy\.corp:3128 \(http_proxy\)/],
		['direct', systemError('ETIMEDOUT'), createHopTrace(), 'endpoint-tcp', true, /^cannot reach modelarts\.example:443 \(ETIMEDOUT\) — check --endpoint, or set HTTPS_PROXY/],
		['tunnel', systemError('EHOSTUNREACH'), proxyLeg(systemError('EHOSTUNREACH')), 'proxy-tcp', true, /^cannot reach the proxy proxy\.corp:3128 \(HTTPS_PROXY\) \(EHOSTUNREACH\)/],
		// Bytes that are not HTTP: from the endpoint, or from the proxy a plain request went to
		['direct', systemError('HPE_INVALID_CONSTANT'), createHopTrace(), 'endpoint-tcp', true, /^the answer from modelarts\.example:443 is not HTTP \(HPE_INVALID_CONSTANT\) — check --endpoint \(https:\/\/ for a TLS port\) and its port$/],
		['forward', systemError('HPE_INVALID_HEADER_TOKEN'), createHopTrace(), 'proxy-tcp', true, /^the answer from the proxy proxy\.corp:3128 \(http_proxy\) is not HTTP \(HPE_INVALID_HEADER_TOKEN\) — check http_proxy$/],
		// TLS with the endpoint, inside the tunnel or not
		['direct', systemError('UNABLE_TO_VERIFY_LEAF_SIGNATURE'), createHopTrace(), 'endpoint-tls', false, /^TLS: the certificate of modelarts\.example:443 is not signed by a CA this machine trusts \(UNABLE_TO_VERIFY_LEAF_SIGNATURE\) — pass --ca-file .* NODE_EXTRA_CA_CERTS/],
		['tunnel', systemError('SELF_SIGNED_CERT_IN_CHAIN'), createHopTrace(), 'endpoint-tls', false, /modelarts\.example:443 .*--ca-file.*a proxy that inspects TLS signs with its own CA/],
		['direct', systemError('CERT_HAS_EXPIRED'), createHopTrace(), 'endpoint-tls', false, /^TLS: the certificate of modelarts\.example:443 has expired or is not valid yet .* check this machine's clock/],
		['direct', systemError('ERR_TLS_CERT_ALTNAME_INVALID'), createHopTrace(), 'endpoint-tls', false, /^TLS: the certificate of modelarts\.example:443 is not valid for modelarts\.example \(ERR_TLS_CERT_ALTNAME_INVALID\) — check --endpoint or --region/],
		['direct', systemError('ERR_SSL_WRONG_VERSION_NUMBER'), createHopTrace(), 'endpoint-tls', false, /^TLS: modelarts\.example:443 does not answer with TLS .* is this an HTTPS port\?/],
		['direct', systemError('ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION'), createHopTrace(), 'endpoint-tls', false, /share no TLS version or cipher .* TLS 1\.2 or newer/],
		['direct', systemError('EPROTO', 'request to https://x/ failed, reason: write EPROTO 80DC:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:../deps/openssl/ssl3_record.c:350:'), createHopTrace(), 'endpoint-tls', false, /^TLS: modelarts\.example:443 does not answer with TLS \(ERR_SSL_WRONG_VERSION_NUMBER\)/],
		['direct', systemError('EPROTO', 'write EPROTO something else'), createHopTrace(), 'endpoint-tls', true, /^TLS with modelarts\.example:443 failed \(EPROTO\)$/],
		['direct', systemError('ERR_SSL_SOMETHING_NEW'), createHopTrace(), 'endpoint-tls', true, /^TLS with modelarts\.example:443 failed \(ERR_SSL_SOMETHING_NEW\)$/],
		// TLS with an https:// proxy happens before the tunnel exists
		['tunnel', systemError('DEPTH_ZERO_SELF_SIGNED_CERT'), proxyLeg(systemError('DEPTH_ZERO_SELF_SIGNED_CERT')), 'proxy-tls', false, /^TLS: the certificate of the proxy proxy\.corp:3128 \(HTTPS_PROXY\) is not signed by a CA/],
		// The proxy's answer to CONNECT
		['tunnel', new Error('tunnel refused'), refused(403, 'Access violation'), 'proxy-refused', false, /^the proxy proxy\.corp:3128 \(HTTPS_PROXY\) refused the tunnel to modelarts\.example:443 \(403 Access violation\) — .*NO_PROXY/],
		['tunnel', new Error('tunnel refused'), refused(407, 'Proxy Authentication Required'), 'proxy-auth', false, /^the proxy proxy\.corp:3128 \(HTTPS_PROXY\) wants credentials \(407 Proxy Authentication Required\) — put them in HTTPS_PROXY as USER:PASSWORD@ before proxy\.corp:3128, special characters percent-encoded$/],
		['tunnelWithCredentials', new Error('tunnel refused'), refused(401, 'Unauthorized'), 'proxy-auth', false, /^the proxy proxy\.corp:3128 \(HTTPS_PROXY\) rejected the credentials in HTTPS_PROXY \(401 Unauthorized\)/],
		['tunnel', new Error('tunnel refused'), refused(500, 'Unable to connect'), 'proxy-refused', true, /^the proxy proxy\.corp:3128 \(HTTPS_PROXY\) could not reach modelarts\.example:443 \(500 Unable to connect\)/],
	] as const)('%s: %o names the hop', (route, error, trace, hop, retryable, message) => {
		// Given a failure on that route, when it is mapped
		const mapped = errorForNetworkFailure(error, ROUTES[route], trace);

		// Then it is a HopError for that hop, retried only when that can help, with no status from ModelArts
		expect(mapped).toBeInstanceOf(HopError);
		expect(mapped).toMatchObject({hop, retryable, status: null});
		expect(mapped.message).toMatch(message);
	});

	it.each([
		['direct', systemError('ECONNRESET'), createHopTrace(), 'connection reset'],
		['direct', new Error('Premature close'), createHopTrace(), 'connection reset'],
		['tunnel', new Error('Proxy connection ended before receiving CONNECT response'), proxyLeg(new Error('Proxy connection ended before receiving CONNECT response')), 'connection reset by the proxy proxy.corp:3128 (HTTPS_PROXY)'],
		['direct', systemError('EWHATEVER'), createHopTrace(), 'network error (EWHATEVER)'],
		['direct', new TypeError('bad \x1b[2J thing'), createHopTrace(), 'network error (TypeError: bad ␛[2J thing)'],
	] as const)('%s: %o stays a retryable TransientError', (route, error, trace, message) => {
		const mapped = errorForNetworkFailure(error, ROUTES[route], trace);

		expect(mapped).toBeInstanceOf(TransientError);
		expect(mapped.message).toBe(message);
		expect(mapped.retryable).toBe(true);
	});
});

describe('errorForProxyAnswer', () => {
	it('words a 407 from a proxy nobody configured as a proxy on the path', () => {
		const error = errorForProxyAnswer(407, '', ROUTES.direct);

		expect(error).toMatchObject({hop: 'proxy-auth', retryable: false, answerStatus: 407});
		expect(error.message).toBe("a proxy between this machine and modelarts.example:443 wants credentials (407) — set HTTPS_PROXY to that proxy's URL, with USER:PASSWORD@ before its host");
		// The advice survives the redaction every printed line goes through.
		expect(redact(error.message)).toBe(error.message);
	});

	it('says "the request" for a plain-HTTP request the proxy refused to forward', () => {
		expect(errorForProxyAnswer(403, 'Filtered', ROUTES.forward).message).toMatch(/^the proxy proxy\.corp:3128 \(http_proxy\) refused the request to modelarts\.example:80 \(403 Filtered\)/);
	});

	it('never lets a status text drive the terminal', () => {
		expect(errorForProxyAnswer(403, 'No\x1b]0;pwned\x07 way', ROUTES.tunnel).message).toContain('(403 No␛]0;pwned␇ way)');
	});
});
