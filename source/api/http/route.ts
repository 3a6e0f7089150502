// The path one request takes, in the words an error message needs: which host:port is the
// endpoint, and whether a forward proxy (and which variable named it) stands in between.
// It holds no credential, so any part of it may be printed.

/** A forward proxy on the way; its credentials are never kept here. */
export interface ProxyHop {
	/** host:port of the proxy. */
	readonly address: string;
	/** The variable it came from, spelled as it was set (HTTPS_PROXY, https_proxy, …). */
	readonly variable: string;
	/** HTTPS goes through a CONNECT tunnel; plain HTTP is forwarded by the proxy itself. */
	readonly tunnel: boolean;
	/** The proxy URL carries a user name or a password. */
	readonly withCredentials: boolean;
}

/** How one request travels. */
export interface Route {
	/** host:port of the endpoint, with the scheme's default port filled in. */
	readonly endpoint: string;
	/** The endpoint's host name alone, as the certificate must name it. */
	readonly hostname: string;
	readonly proxy: ProxyHop | null;
}

/** "host:port", with 443 or 80 when the URL leaves the port out. */
export function hostPort(url: URL): string {
	return `${url.hostname}:${url.port || (url.protocol === 'http:' ? '80' : '443')}`;
}

/** Straight to the endpoint, no proxy. */
export function directRoute(url: URL): Route {
	return {endpoint: hostPort(url), hostname: url.hostname, proxy: null};
}

/** "the proxy 10.0.0.1:3128 (HTTPS_PROXY)". */
export function describeProxy(proxy: ProxyHop): string {
	return `the proxy ${proxy.address} (${proxy.variable})`;
}
