// TLS failures by what a person can do about them: trust the CA, fix the clock, use the
// host name the certificate names, or talk TLS to a port that speaks it. None of these
// passes by asking again, so they end the watch at once; only unclassified TLS trouble is
// retried like any other network fault.
import {HopError} from '../errors.js';
import {describeProxy, type ProxyHop, type Route} from './route.js';

/** Verification failed because no trusted CA vouches for the certificate. */
const UNTRUSTED = new Set([
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'UNABLE_TO_GET_ISSUER_CERT',
	'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
	'SELF_SIGNED_CERT_IN_CHAIN',
	'DEPTH_ZERO_SELF_SIGNED_CERT',
	'CERT_UNTRUSTED',
	'CERT_SIGNATURE_FAILURE',
]);
const OUT_OF_DATE = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);
const WRONG_NAME = new Set(['ERR_TLS_CERT_ALTNAME_INVALID', 'HOSTNAME_MISMATCH']);
/** Any other reason a certificate was not accepted (revoked, wrong purpose, bad chain). */
const OTHER_CERTIFICATE = new Set(['CERT_REVOKED', 'CERT_REJECTED', 'INVALID_CA', 'PATH_LENGTH_EXCEEDED', 'INVALID_PURPOSE', 'CERT_CHAIN_TOO_LONG']);
/** The other side does not speak TLS here (plain HTTP, or another protocol). */
const NOT_TLS = /^ERR_SSL_(WRONG_VERSION_NUMBER|PACKET_LENGTH_TOO_LONG|HTTP_REQUEST|RECORD_LAYER_FAILURE)$/;
/** Both sides speak TLS but agree on no version or cipher. */
const NO_COMMON_GROUND = /^ERR_SSL_(UNSUPPORTED_PROTOCOL|TLSV1_ALERT_PROTOCOL_VERSION|NO_PROTOCOLS_AVAILABLE|VERSION_TOO_LOW|SSLV3_ALERT_HANDSHAKE_FAILURE|NO_SHARED_CIPHER|NO_CIPHERS_AVAILABLE)$/;

/** Where the TLS session was: with the endpoint (inside the tunnel, if any) or with the proxy. */
export type TlsPeer = {readonly route: Route} | {readonly proxy: ProxyHop};

/** OpenSSL reasons that Node reports only inside an EPROTO message ("…:ssl3_get_record:wrong version number:…"). */
const EPROTO_REASONS = /:(wrong version number|packet length too long|http request|unsupported protocol|tlsv1 alert protocol version|no protocols available|version too low|sslv3 alert handshake failure|no shared cipher):/;

/** The ERR_SSL_… code an EPROTO stands for, read from its OpenSSL reason; else `code` itself. */
function precise(code: string, message: string): string {
	const reason = code === 'EPROTO' ? EPROTO_REASONS.exec(message)?.[1] : undefined;
	return reason ? `ERR_SSL_${reason.toUpperCase().replaceAll(' ', '_')}` : code;
}

/** The typed error for a TLS failure (its code, and the message that may refine it), or null when it is not about TLS. */
export function tlsFailure(nodeCode: string, message: string, peer: TlsPeer): HopError | null {
	const code = precise(nodeCode, message);
	const hop = 'proxy' in peer ? 'proxy-tls' : 'endpoint-tls';
	const who = 'proxy' in peer ? describeProxy(peer.proxy) : peer.route.endpoint;
	const hostSetting = 'proxy' in peer ? `the host name in ${peer.proxy.variable}` : '--endpoint or --region';
	const permanent = (message: string): HopError => new HopError(`TLS: ${message}`, hop, false);
	if (UNTRUSTED.has(code)) {
		const inspecting = 'route' in peer && peer.route.proxy ? '; a proxy that inspects TLS signs with its own CA: trust that one' : '';
		return permanent(`the certificate of ${who} is not signed by a CA this machine trusts (${code}) — pass --ca-file with the CA certificate (PEM), or set NODE_EXTRA_CA_CERTS to it${inspecting}`);
	}

	if (OUT_OF_DATE.has(code)) {
		return permanent(`the certificate of ${who} has expired or is not valid yet (${code}) — check this machine's clock; if it is right, the server's certificate needs renewing`);
	}

	if (WRONG_NAME.has(code)) {
		const name = 'route' in peer ? ` ${peer.route.hostname}` : ' its host name';
		return permanent(`the certificate of ${who} is not valid for${name} (${code}) — check ${hostSetting}: use a host name the certificate names`);
	}

	if (OTHER_CERTIFICATE.has(code)) {
		return permanent(`the certificate of ${who} was not accepted (${code}) — check ${hostSetting}, and the CA given with --ca-file or NODE_EXTRA_CA_CERTS`);
	}

	if (NOT_TLS.test(code)) {
		return permanent(`${who} does not answer with TLS (${code}) — is this an HTTPS port? Check ${hostSetting}: http:// or https://, and the port`);
	}

	if (NO_COMMON_GROUND.test(code)) {
		return permanent(`${who} and this machine share no TLS version or cipher (${code}) — the server must offer TLS 1.2 or newer`);
	}

	if (/^ERR_SSL_|^ERR_TLS_|^EPROTO$/.test(code)) {
		return new HopError(`TLS with ${who} failed (${code})`, hop, true);
	}

	return null;
}
