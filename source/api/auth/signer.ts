// SDK-HMAC-SHA256, byte for byte as the Huawei Cloud SDKs sign (modelarts-api.md §4). The
// gateway recomputes the same canonical request from what it received, so every detail
// (encoding table, sort order, trailing slash) matters. The simulator verifies with this too.
import {createHash, createHmac} from 'node:crypto';

export const ALGORITHM = 'SDK-HMAC-SHA256';

const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** Everything the signature covers. Header names may be in any case. */
export interface SignableRequest {
	readonly method: string;
	readonly url: URL;
	readonly headers: Readonly<Record<string, string>>;
	readonly body: string;
}

/** Percent-encodes all but A-Z a-z 0-9 - _ . ~ (UTF-8), as the SDKs' urlEncode. */
export function sdkEncode(text: string): string {
	return encodeURIComponent(text).replace(/[!'()*]/g, char => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `YYYYMMDDTHHMMSSZ` in UTC. */
export function formatSdkDate(date: Date): string {
	return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** Parses `YYYYMMDDTHHMMSSZ`; NaN when malformed. */
export function parseSdkDate(value: string): number {
	const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
	return match ? Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!, +match[4]!, +match[5]!, +match[6]!) : Number.NaN;
}

/** Each path segment decoded from the URL and re-encoded; always ends in `/`. */
export function canonicalUri(url: URL): string {
	const path = url.pathname
		.split('/')
		.map(segment => sdkEncode(safeDecode(segment)))
		.join('/');
	return path.endsWith('/') ? path : `${path}/`;
}

/** Keys sorted by UTF-16 code unit; a repeated key's values sorted too; `k=v` joined by `&`. */
export function canonicalQuery(url: URL): string {
	const values = new Map<string, string[]>();
	for (const [key, value] of url.searchParams) {
		values.set(key, [...(values.get(key) ?? []), value]);
	}

	return [...values.keys()]
		.sort()
		.flatMap(key => values.get(key)!.sort().map(value => `${sdkEncode(key)}=${sdkEncode(value)}`))
		.join('&');
}

/** `name:value\n` lines sorted by lower-case name, and the names joined by `;`. */
export function canonicalHeaders(headers: Readonly<Record<string, string>>): {text: string; signedHeaders: string} {
	const entries = Object.entries(headers)
		.map(([name, value]) => [name.toLowerCase(), value.trim()] as const)
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return {
		text: entries.map(([name, value]) => `${name}:${value}\n`).join(''),
		signedHeaders: entries.map(([name]) => name).join(';'),
	};
}

/** The canonical request over the given headers (which must include host and X-Sdk-Date). */
export function canonicalRequest(request: SignableRequest): {text: string; signedHeaders: string} {
	const headers = canonicalHeaders(request.headers);
	const payloadHash = headerValue(request.headers, 'x-sdk-content-sha256') ?? hashBody(request.body);
	const text = [
		request.method.toUpperCase(),
		canonicalUri(request.url),
		canonicalQuery(request.url),
		headers.text,
		headers.signedHeaders,
		payloadHash,
	].join('\n');
	return {text, signedHeaders: headers.signedHeaders};
}

/** hex(HMAC-SHA256(sk, "SDK-HMAC-SHA256\n{date}\n{hex(sha256(canonical))}")). */
export function computeSignature(secretKey: string, sdkDate: string, canonical: string): string {
	const stringToSign = [ALGORITHM, sdkDate, sha256Hex(canonical)].join('\n');
	return createHmac('sha256', secretKey).update(stringToSign).digest('hex');
}

/**
 * Signs a request: returns the X-Sdk-Date and Authorization headers to add. The signature
 * covers every header in `request.headers` plus `host` (from the URL) and X-Sdk-Date.
 */
export function signRequest(
	request: SignableRequest,
	credential: {readonly ak: string; readonly sk: string},
	now: Date,
): {'X-Sdk-Date': string; Authorization: string} {
	const sdkDate = formatSdkDate(now);
	const covered = {...request.headers, host: request.url.host, 'x-sdk-date': sdkDate};
	const canonical = canonicalRequest({...request, headers: covered});
	const signature = computeSignature(credential.sk, sdkDate, canonical.text);
	return {
		'X-Sdk-Date': sdkDate,
		Authorization: `${ALGORITHM} Access=${credential.ak}, SignedHeaders=${canonical.signedHeaders}, Signature=${signature}`,
	};
}

/** The parts of an Authorization header this algorithm produces, or null for anything else. */
export function parseAuthorization(value: string): {access: string; signedHeaders: readonly string[]; signature: string} | null {
	const match = /^SDK-HMAC-SHA256\s+Access=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]+)$/.exec(value.trim());
	return match ? {access: match[1]!, signedHeaders: match[2]!.split(';'), signature: match[3]!} : null;
}

function hashBody(body: string): string {
	return body === '' ? EMPTY_BODY_SHA256 : sha256Hex(body);
}

function sha256Hex(text: string): string {
	return createHash('sha256').update(text).digest('hex');
}

function headerValue(headers: Readonly<Record<string, string>>, lowerName: string): string | undefined {
	return Object.entries(headers).find(([name]) => name.toLowerCase() === lowerName)?.[1];
}

function safeDecode(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}
