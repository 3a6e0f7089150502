// HTTPS through a forward proxy: a CONNECT tunnel, then TLS with the endpoint inside it.
import type http from 'node:http';
import {checkServerIdentity, type PeerCertificate} from 'node:tls';
import type {AgentConnectOpts} from 'agent-base';
import {HttpsProxyAgent} from 'https-proxy-agent';
import {currentHopTrace} from './hop-trace.js';

/** The error a refused CONNECT ends in; the trace says which status the proxy gave. */
export class TunnelRefusedError extends Error {
	readonly code = 'ERR_PROXY_TUNNEL_REFUSED';
}

type TunnelOptions = ConstructorParameters<typeof HttpsProxyAgent<string>>[1];

/**
 * Three things HttpsProxyAgent does not do for us:
 * - It applies its TLS options only to the proxy hop; the tunnelled TLS session to the
 *   endpoint takes the request's options. Our CA and --insecure must reach that session too.
 * - On a CONNECT answered with anything but 200 it replays the proxy's answer as if the
 *   endpoint had sent it, so a proxy's 403 would read as ModelArts refusing the token. Here
 *   the request fails instead, and the hop trace records the proxy's status.
 * - It checks the endpoint's certificate against the right name only for host names.
 */
export class TunnelAgent extends HttpsProxyAgent<string> {
	constructor(
		proxy: URL,
		options: TunnelOptions,
		private readonly tls: {readonly ca: string[] | undefined; readonly rejectUnauthorized: boolean},
	) {
		super(proxy, options);
	}

	override async connect(req: http.ClientRequest, opts: AgentConnectOpts): ReturnType<HttpsProxyAgent<string>['connect']> {
		const trace = currentHopTrace();
		const seen: {answer?: ConnectAnswer} = {};
		req.once('proxyConnect', (answer: ConnectAnswer) => (seen.answer = answer));
		const trust = this.tls.ca ? {ca: this.tls.ca} : {};
		// https-proxy-agent leaves `host` out of the inner tls.connect, so without this an IP
		// endpoint would be checked against "localhost" instead of its own address.
		const identity = {checkServerIdentity: (_host: string, cert: PeerCertificate) => checkServerIdentity(opts.host ?? '', cert)};
		let socket: Awaited<ReturnType<HttpsProxyAgent<string>['connect']>>;
		if (trace) trace.tunnel = 'asked';
		try {
			socket = await super.connect(req, {...opts, ...trust, ...identity, rejectUnauthorized: this.tls.rejectUnauthorized} as AgentConnectOpts);
		} catch (error) {
			if (trace) trace.proxyLegFailure = error;
			throw error;
		}

		if (!seen.answer || seen.answer.statusCode === 200) {
			if (trace) trace.tunnel = 'open';
			return socket;
		}

		socket.destroy();
		const {statusCode, statusText} = seen.answer;
		if (trace) trace.refusal = {status: statusCode, statusText};
		throw new TunnelRefusedError(`the proxy answered CONNECT with ${statusCode}`);
	}
}

/** The part of the proxy's CONNECT answer that https-proxy-agent reports. */
interface ConnectAnswer {
	readonly statusCode: number;
	readonly statusText: string;
}
