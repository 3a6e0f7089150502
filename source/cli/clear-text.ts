// A credential never crosses the network unencrypted unless the user says so. A plain
// http:// endpoint is refused when it leads to another machine: its host is not this one,
// or a forward proxy that is not on this machine would carry it (a proxy forwards plain
// http:// as it is; https:// goes through it in a CONNECT tunnel and stays encrypted).
import type {Route} from '../api/http/route.js';
import {ConfigError} from '../config/errors.js';
import type {CredentialTarget} from '../config/resolve.js';

export type {CredentialTarget} from '../config/resolve.js';

/** Whether `hostname` (as URL.hostname or a host:port spells it) names this machine. */
export function isLoopback(hostname: string): boolean {
	const host = hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
	return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** The host of "host:port" (an IPv6 address in brackets keeps them). */
const hostOf = (address: string) => address.replace(/:\d+$/, '');

/**
 * Throws a ConfigError (exit 2) for the first target that would carry the credential in
 * clear text to another machine, unless `allowHttp` (--allow-http).
 */
export function refuseClearText(targets: readonly CredentialTarget[], route: (url: URL) => Route, allowHttp: boolean): void {
	if (allowHttp) return;
	for (const {url, origin} of targets) {
		const parsed = new URL(url);
		if (parsed.protocol !== 'http:') continue;
		const {proxy} = route(parsed);
		const way = isLoopback(parsed.hostname) ? (proxy === null || isLoopback(hostOf(proxy.address)) ? null : `through the proxy ${proxy.address} (${proxy.variable})`) : `to ${parsed.host}`;
		if (way === null) continue;
		throw new ConfigError(
			`${origin} ${url} is plain http://: the credential would go ${way} unencrypted. Use https://, or pass --allow-http on a network where clear text is acceptable.`,
		);
	}
}
