// One place decides how bytes leave the machine: proxies, trusted CAs, TLS verification,
// connect time-out and keep-alive. The client and IAM share the agents so polls reuse a
// connection and a proxy or CA setting applies to every request.
import {readFileSync} from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type {Socket} from 'node:net';
import {rootCertificates} from 'node:tls';
import {HttpProxyAgent} from 'http-proxy-agent';
import {ConfigError} from '../../config/errors.js';
import {registerSecret} from '../../secrets.js';
import {noProxyMatcher} from './no-proxy.js';
import {TunnelAgent} from './proxy-tunnel.js';
import {directRoute, hostPort, type ProxyHop, type Route} from './route.js';

export interface AgentOptions {
	readonly env: Readonly<Record<string, string | undefined>>;
	/** --ca-file: a PEM added to the default roots. */
	readonly caFile?: string;
	/** --insecure: skip TLS verification. */
	readonly insecure?: boolean;
	readonly keepAlive: true;
	/** TCP connect (plus TLS handshake) limit; default 10 s. */
	readonly connectTimeoutMs?: number;
	/** Ignore proxy variables (the embedded simulator on localhost). */
	readonly noProxy?: boolean;
}

/**
 * Picks the agent for a URL (node-fetch's `agent` option); `route` says which way that
 * agent sends it (for error messages); `warnings` are for stderr.
 */
export type AgentSelector = ((url: URL) => http.Agent) & {
	readonly warnings: readonly string[];
	readonly route: (url: URL) => Route;
};

const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

export const INSECURE_WARNING =
	'warning: --insecure: TLS certificates are not verified; anyone on the network path can read and change this traffic, including credentials.';

/** Builds the agents once; the returned function hands out the right one per URL. */
export function createAgent(options: AgentOptions): AgentSelector {
	const tls = {
		ca: trustedCertificates(options),
		rejectUnauthorized: options.insecure !== true,
	};
	const connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
	const direct = {
		'http:': new TimedHttpAgent({keepAlive: true}, connectTimeoutMs),
		'https:': new TimedHttpsAgent({keepAlive: true, ...tls}, connectTimeoutMs),
	};
	const proxies = options.noProxy ? {} : proxySettings(options.env);
	const bypass = noProxyMatcher(proxyVariable(options.env, 'no_proxy')?.value ?? '');
	const viaProxy = {
		'http:': proxies.http ? {agent: new HttpProxyAgent(proxies.http.url, {keepAlive: true, timeout: connectTimeoutMs}), hop: proxyHop(proxies.http, false)} : null,
		'https:': proxies.https ? {agent: new TunnelAgent(proxies.https.url, {keepAlive: true, timeout: connectTimeoutMs, ...tls}, tls), hop: proxyHop(proxies.https, true)} : null,
	};
	const proxyFor = (url: URL) => {
		const proxied = viaProxy[url.protocol === 'http:' ? 'http:' : 'https:'];
		return proxied && !bypass(url) ? proxied : null;
	};
	const select = (url: URL): http.Agent => proxyFor(url)?.agent ?? direct[url.protocol === 'http:' ? 'http:' : 'https:'];
	const route = (url: URL): Route => ({...directRoute(url), proxy: proxyFor(url)?.hop ?? null});

	return Object.assign(select, {warnings: options.insecure ? [INSECURE_WARNING] : [], route});
}

function proxyHop(setting: ProxySetting, tunnel: boolean): ProxyHop {
	return {address: hostPort(setting.url), variable: setting.variable, tunnel, withCredentials: setting.url.username !== '' || setting.url.password !== ''};
}

// Passing `ca` replaces Node's whole default store, including NODE_EXTRA_CA_CERTS, so when a
// --ca-file is given both are added back explicitly. Without one, Node's defaults stay.
function trustedCertificates(options: AgentOptions): string[] | undefined {
	if (!options.caFile) {
		return undefined;
	}

	const extra = options.env['NODE_EXTRA_CA_CERTS'];
	return [...rootCertificates, ...(extra ? [readPem(extra, 'NODE_EXTRA_CA_CERTS')] : []), readPem(options.caFile, '--ca-file')];
}

function readPem(path: string, origin: string): string {
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch (error) {
		throw new ConfigError(`${origin} ${path} cannot be read (${String((error as {code?: unknown}).code ?? 'error')}).`);
	}

	if (!text.includes('-----BEGIN CERTIFICATE-----')) {
		throw new ConfigError(`${origin} ${path} holds no PEM certificate (-----BEGIN CERTIFICATE-----).`);
	}

	return text;
}

/** A proxy variable's value and its name as set (lower case wins, as curl reads them). */
function proxyVariable(env: AgentOptions['env'], lowerName: string): {readonly variable: string; readonly value: string} | undefined {
	for (const variable of [lowerName, lowerName.toUpperCase()]) {
		const value = env[variable];
		if (value) return {variable, value};
	}

	return undefined;
}

interface ProxySetting {
	readonly url: URL;
	readonly variable: string;
}

function proxySettings(env: AgentOptions['env']): {http?: ProxySetting; https?: ProxySetting} {
	const parse = (name: string): ProxySetting | undefined => {
		const found = proxyVariable(env, name);
		if (!found) {
			return undefined;
		}

		let url: URL;
		try {
			url = new URL(found.value.includes('://') ? found.value : `http://${found.value}`);
		} catch {
			throw new ConfigError(`${found.variable} is not a URL (e.g. http://proxy.example:3128).`);
		}

		if (url.username || url.password) {
			registerSecret(url.password);
			registerSecret(decodeURIComponent(url.password));
			// The Proxy-Authorization value the agents send: a dump of it must not reveal the pair either.
			registerSecret(Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64'));
		}

		return {url, variable: found.variable};
	};

	return {http: parse('http_proxy'), https: parse('https_proxy')};
}

/** Destroys a socket that has not connected within the limit (Agent has no such option). */
function limitConnect(socket: Socket, readyEvent: string, timeoutMs: number): Socket {
	const timer = setTimeout(() => socket.destroy(Object.assign(new Error(`connect timed out after ${timeoutMs} ms`), {code: 'ETIMEDOUT'})), timeoutMs);
	timer.unref();
	socket.once(readyEvent, () => clearTimeout(timer));
	socket.once('close', () => clearTimeout(timer));
	return socket;
}

class TimedHttpAgent extends http.Agent {
	constructor(
		options: http.AgentOptions,
		private readonly connectTimeoutMs: number,
	) {
		super(options);
	}

	override createConnection(...args: Parameters<http.Agent['createConnection']>): ReturnType<http.Agent['createConnection']> {
		const socket = super.createConnection(...args);
		return limitConnect(socket as Socket, 'connect', this.connectTimeoutMs);
	}
}

class TimedHttpsAgent extends https.Agent {
	constructor(
		options: https.AgentOptions,
		private readonly connectTimeoutMs: number,
	) {
		super(options);
	}

	override createConnection(...args: Parameters<https.Agent['createConnection']>): ReturnType<https.Agent['createConnection']> {
		const socket = super.createConnection(...args);
		return limitConnect(socket as Socket, 'secureConnect', this.connectTimeoutMs);
	}
}
