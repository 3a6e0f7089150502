// Names the hop that failed when no answer came from ModelArts: the DNS lookup or the TCP
// connection of the endpoint or of the proxy, the proxy's answer, or TLS. Each message says
// that hop's host:port and what to check; proxy credentials never appear (the route holds
// none). Whether to retry follows what can change: a refused connection may pass, a
// certificate that does not verify or a proxy that wants credentials will not.
import {sanitizeForTerminal} from '../../core/events/sanitize.js';
import {HopError, TransientError, type ApiError} from '../errors.js';
import type {HopTrace} from './hop-trace.js';
import {describeProxy, type ProxyHop, type Route} from './route.js';
import {tlsFailure} from './tls-errors.js';

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME']);
const UNREACHABLE_CODES = new Set(['ETIMEDOUT', 'ENETUNREACH', 'EHOSTUNREACH', 'EADDRNOTAVAIL']);
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'ERR_STREAM_PREMATURE_CLOSE', 'UND_ERR_SOCKET', 'ECONNABORTED']);

/** The typed error for a request that got no answer from ModelArts (network, proxy, TLS). */
export function errorForNetworkFailure(error: unknown, route: Route, trace: HopTrace): ApiError {
	if (trace.refusal) {
		return errorForProxyAnswer(trace.refusal.status, trace.refusal.statusText, route);
	}

	const cause = trace.proxyLegFailure ?? error;
	const code = networkCode(cause);
	// Through a tunnel, only what failed before CONNECT was answered is the proxy's; a plain
	// HTTP request through a proxy only ever has a socket to the proxy.
	const proxy = route.proxy && (!route.proxy.tunnel || trace.proxyLegFailure !== null) ? route.proxy : null;
	const tls = code ? tlsFailure(code, messageOf(cause), proxy ? {proxy} : {route}) : null;
	if (tls) {
		return tls;
	}

	if (code && DNS_CODES.has(code)) {
		return proxy
			? new HopError(`DNS lookup failed for ${describeProxy(proxy)} — check the proxy's host name in ${proxy.variable}`, 'proxy-dns', true)
			: new HopError(`DNS lookup failed for ${route.endpoint} — check --endpoint or --region${route.proxy ? '' : ' (or set HTTPS_PROXY if this network resolves names only through a proxy)'}`, 'endpoint-dns', true);
	}

	if (code === 'ECONNREFUSED') {
		return proxy
			? new HopError(`connection refused by ${describeProxy(proxy)} — is the proxy running? Check ${proxy.variable}`, 'proxy-tcp', true)
			: new HopError(`connection refused by ${route.endpoint} — check --endpoint`, 'endpoint-tcp', true);
	}

	if (code && UNREACHABLE_CODES.has(code)) {
		return proxy
			? new HopError(`cannot reach ${describeProxy(proxy)} (${code}) — check ${proxy.variable} and the network to the proxy`, 'proxy-tcp', true)
			: new HopError(`cannot reach ${route.endpoint} (${code}) — check --endpoint, or set HTTPS_PROXY if this network needs a proxy`, 'endpoint-tcp', true);
	}

	if ((code && RESET_CODES.has(code)) || /premature close|socket hang up|ended before receiving CONNECT/i.test(messageOf(cause))) {
		return new TransientError(proxy ? `connection reset by ${describeProxy(proxy)}` : 'connection reset');
	}

	if (code?.startsWith('HPE_')) {
		// Node's HTTP parser met bytes that are not HTTP: often http:// to a TLS port, or the wrong port.
		const who = proxy ? describeProxy(proxy) : route.endpoint;
		const check = proxy ? `check ${proxy.variable}` : 'check --endpoint (https:// for a TLS port) and its port';
		return new HopError(`the answer from ${who} is not HTTP (${code}) — ${check}`, proxy ? 'proxy-tcp' : 'endpoint-tcp', true);
	}

	const detail = code ?? (cause instanceof Error ? `${cause.name}: ${sanitizeForTerminal(cause.message.slice(0, 120))}` : null);
	return new TransientError(detail ? `network error (${detail})` : 'network error');
}

/**
 * The request time ran out. When a tunnel was asked for and never opened, the proxy is
 * the one that kept us waiting (a proxy that accepts connections and then goes silent).
 */
export function errorForTimeout(timeoutMs: number, route: Route, trace: HopTrace): ApiError {
	const after = `timed out after ${Number((timeoutMs / 1000).toFixed(1))}s`;
	if (route.proxy && trace.tunnel === 'asked' && trace.refusal === null) {
		return new HopError(`${after} waiting for ${describeProxy(route.proxy)} to open the tunnel to ${route.endpoint} — check ${route.proxy.variable} and the proxy`, 'proxy-tcp', true);
	}

	return new TransientError(after);
}

/**
 * A proxy's own answer: to CONNECT, or to a plain-HTTP request it did not forward. 407 (or
 * a 401 to the credentials we sent) is about the proxy's credentials, 403 and other 4xx are
 * its rules, 5xx means it could not reach the endpoint. `route.proxy` is null for a proxy
 * nobody configured (one on the path that answers 407 by itself).
 */
export function errorForProxyAnswer(status: number, statusText: string, route: Route): HopError {
	const proxy = route.proxy;
	const who = proxy ? describeProxy(proxy) : `a proxy between this machine and ${route.endpoint}`;
	const answer = `${status}${statusText ? ` ${printable(statusText)}` : ''}`;
	const target = proxy?.tunnel === false ? `the request to ${route.endpoint}` : `the tunnel to ${route.endpoint}`;
	if (status === 407 || (status === 401 && proxy?.withCredentials)) {
		return new HopError(credentialsMessage(who, answer, proxy), 'proxy-auth', false, status);
	}

	if (status >= 500) {
		return new HopError(
			`${who} could not reach ${route.endpoint} (${answer}) — the proxy resolves and connects to the endpoint itself: check --endpoint or --region, and the proxy's own network`,
			'proxy-refused',
			true,
			status,
		);
	}

	const hint = proxy ? `; if ${route.hostname} can be reached directly, add it to NO_PROXY` : '';
	return new HopError(`${who} refused ${target} (${answer}) — its rules do not allow this host or port; ask the proxy's administrator${hint}`, 'proxy-refused', false, status);
}

// The URL shape is told in words: `scheme://user:password@` would be masked by redact().
function credentialsMessage(who: string, answer: string, proxy: ProxyHop | null): string {
	if (!proxy) {
		return `${who} wants credentials (${answer}) — set HTTPS_PROXY to that proxy's URL, with USER:PASSWORD@ before its host`;
	}

	const shape = `USER:PASSWORD@ before ${proxy.address}, special characters percent-encoded`;
	return proxy.withCredentials
		? `${who} rejected the credentials in ${proxy.variable} (${answer}) — check the user name and password there (${shape})`
		: `${who} wants credentials (${answer}) — put them in ${proxy.variable} as ${shape}`;
}

/** A status text from the network, fit for one terminal line. */
function printable(text: string): string {
	return sanitizeForTerminal(text.slice(0, 60));
}

function networkCode(error: unknown): string | null {
	for (let current: unknown = error, depth = 0; current && depth < 4; depth++) {
		const code = (current as {code?: unknown}).code;
		if (typeof code === 'string') {
			return code;
		}

		current = (current as {cause?: unknown}).cause;
	}

	return null;
}

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
