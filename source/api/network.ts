// One place decides how bytes leave the machine: proxies, trusted CAs, TLS verification,
// connect time-out and keep-alive. The client and IAM share the agents so polls reuse a
// connection and a proxy or CA setting applies to every request.
import {readFileSync} from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import {BlockList, isIP} from 'node:net';
import type {Socket} from 'node:net';
import {rootCertificates} from 'node:tls';
import {HttpProxyAgent} from 'http-proxy-agent';
import {HttpsProxyAgent} from 'https-proxy-agent';
import type {AgentConnectOpts} from 'agent-base';
import {ConfigError} from '../config/errors.js';
import {registerSecret} from '../secrets.js';

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

/** Picks the agent for a URL (node-fetch's `agent` option); `warnings` are for stderr. */
export type AgentSelector = ((url: URL) => http.Agent) & {readonly warnings: readonly string[]};

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
	const bypass = noProxyMatcher(proxyVariable(options.env, 'no_proxy') ?? '');
	const viaProxy = {
		'http:': proxies.http ? new HttpProxyAgent(proxies.http, {keepAlive: true, timeout: connectTimeoutMs}) : null,
		'https:': proxies.https ? new TunnelAgent(proxies.https, {keepAlive: true, timeout: connectTimeoutMs, ...tls}, tls) : null,
	};
	const select = (url: URL): http.Agent => {
		const protocol = url.protocol === 'http:' ? 'http:' : 'https:';
		const proxied = viaProxy[protocol];
		return proxied && !bypass(url) ? proxied : direct[protocol];
	};

	return Object.assign(select, {warnings: options.insecure ? [INSECURE_WARNING] : []});
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

function proxyVariable(env: AgentOptions['env'], lowerName: string): string | undefined {
	return env[lowerName] || env[lowerName.toUpperCase()] || undefined;
}

function proxySettings(env: AgentOptions['env']): {http?: URL; https?: URL} {
	const parse = (name: string): URL | undefined => {
		const value = proxyVariable(env, name);
		if (!value) {
			return undefined;
		}

		let url: URL;
		try {
			url = new URL(value.includes('://') ? value : `http://${value}`);
		} catch {
			throw new ConfigError(`${name.toUpperCase()} is not a URL (e.g. http://proxy.example:3128).`);
		}

		registerSecret(url.password);
		registerSecret(decodeURIComponent(url.password));
		return url;
	};

	return {http: parse('http_proxy'), https: parse('https_proxy')};
}

/**
 * NO_PROXY as curl reads it: comma-separated; `*` = everything; `example.com`, `.example.com`
 * and `*.example.com` match the domain and its subdomains; `host:port` only that port; IPs
 * and IPv4/IPv6 CIDR ranges match addresses.
 */
export function noProxyMatcher(list: string): (url: URL) => boolean {
	const entries = list
		.split(/[\s,]+/)
		.map(entry => entry.trim().toLowerCase())
		.filter(entry => entry !== '');
	if (entries.includes('*')) {
		return () => true;
	}

	const matchers = entries.map(entryMatcher);
	return url => {
		const host = url.hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
		const port = url.port || (url.protocol === 'http:' ? '80' : '443');
		return matchers.some(matches => matches(host, port));
	};
}

function entryMatcher(entry: string): (host: string, port: string) => boolean {
	const cidr = /^([\d.]+|[\da-f:]+)\/(\d{1,3})$/.exec(entry);
	if (cidr && isIP(cidr[1]!)) {
		const family = isIP(cidr[1]!) === 4 ? 'ipv4' : 'ipv6';
		const block = new BlockList();
		block.addSubnet(cidr[1]!, Number(cidr[2]), family);
		return host => isIP(host) !== 0 && block.check(host, isIP(host) === 4 ? 'ipv4' : 'ipv6');
	}

	const bracketed = /^\[(.+)\](?::(\d+))?$/.exec(entry);
	const hostPort = /^([^:]+):(\d+)$/.exec(entry);
	const [name, port] = bracketed ? [bracketed[1]!, bracketed[2]] : hostPort ? [hostPort[1]!, hostPort[2]] : [entry, undefined];
	const domain = name.replace(/^\*?\./, '');
	return (host, hostPort_) =>
		(port === undefined || port === hostPort_) && (host === domain || (isIP(host) === 0 && host.endsWith(`.${domain}`)));
}

/** Destroys a socket that has not connected within the limit (Agent has no such option). */
function limitConnect(socket: Socket, readyEvent: string, timeoutMs: number): Socket {
	const timer = setTimeout(() => socket.destroy(new Error(`connect timed out after ${timeoutMs} ms`)), timeoutMs);
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

/**
 * HttpsProxyAgent applies its own TLS options only to the proxy hop; the tunnelled TLS
 * session to the endpoint takes the request's options. Our CA and --insecure must reach
 * that inner session too.
 */
class TunnelAgent extends HttpsProxyAgent<string> {
	constructor(
		proxy: URL,
		options: ConstructorParameters<typeof HttpsProxyAgent<string>>[1],
		private readonly tls: {readonly ca: string[] | undefined; readonly rejectUnauthorized: boolean},
	) {
		super(proxy, options);
	}

	override connect(req: http.ClientRequest, opts: AgentConnectOpts): ReturnType<HttpsProxyAgent<string>['connect']> {
		const trust = this.tls.ca ? {ca: this.tls.ca} : {};
		return super.connect(req, {...opts, ...trust, rejectUnauthorized: this.tls.rejectUnauthorized} as AgentConnectOpts);
	}
}
