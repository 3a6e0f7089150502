// The simulator's credential check: X-Auth-Token (IAM tokens that expire) or an AK/SK
// signature recomputed with the client's own signer, as the API gateway does. Replaces the
// default single-token check via `startSimulator({auth})`.
import {timingSafeEqual} from 'node:crypto';
import {canonicalRequest, computeSignature, parseAuthorization, parseSdkDate} from '../../api/auth/signer.js';
import type {SimAuth} from './responder.js';

/** What a token lookup says: valid, unknown (false) or expired. */
export type TokenState = boolean | 'expired';

/** An access key the simulated gateway accepts. */
export interface SimAccessKey {
	readonly ak: string;
	readonly sk: string;
	readonly securityToken?: string;
}

export interface SimAuthOptions {
	readonly tokens: (token: string) => TokenState;
	readonly aksk?: SimAccessKey;
	readonly projectId: string;
	readonly now?: () => number;
}

type CheckRequest = Parameters<SimAuth['check']>[0];
type CheckResult = ReturnType<SimAuth['check']>;

const MAX_SKEW_MS = 15 * 60_000;

function reject(status: number, errorCode: string, errorMsg: string): CheckResult {
	return {ok: false, status, body: {error_code: errorCode, error_msg: errorMsg, request_id: 'sim-auth'}};
}

const BAD_SIGNATURE = reject(401, 'APIGW.0301', 'Incorrect IAM authentication information: verify aksk signature fail');

/** True when the request carries a correct SDK-HMAC-SHA256 signature by `key`, dated within ±15 min. */
export function verifySignature(request: CheckRequest, key: SimAccessKey, now: number): boolean {
	const parsed = parseAuthorization(request.headers['authorization'] ?? '');
	const sdkDate = request.headers['x-sdk-date'] ?? '';
	if (!parsed || parsed.access !== key.ak || !parsed.signedHeaders.includes('host') || !parsed.signedHeaders.includes('x-sdk-date')) {
		return false;
	}

	if (!(Math.abs(now - parseSdkDate(sdkDate)) <= MAX_SKEW_MS)) {
		return false;
	}

	if (key.securityToken !== undefined && request.headers['x-security-token'] !== key.securityToken) {
		return false;
	}

	const signed: Record<string, string> = {};
	for (const name of parsed.signedHeaders) {
		const value = request.headers[name];
		if (value === undefined) {
			return false;
		}

		signed[name] = value;
	}

	const canonical = canonicalRequest({method: request.method, url: request.url, headers: signed, body: request.body});
	const expected = Buffer.from(computeSignature(key.sk, sdkDate, canonical.text));
	const actual = Buffer.from(parsed.signature);
	return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** A SimAuth accepting valid IAM tokens and, when configured, one AK/SK. */
export function createSimAuth(options: SimAuthOptions): SimAuth {
	const now = options.now ?? Date.now;
	return {
		check(request) {
			const token = request.headers['x-auth-token'];
			if (token) {
				const state = options.tokens(token);
				if (state === 'expired') {
					return reject(401, 'ModelArts.0202', 'The token has expired.');
				}

				return state ? {ok: true} : reject(401, 'ModelArts.0203', 'Invalid token.');
			}

			if (request.headers['authorization']) {
				if (!options.aksk || !verifySignature(request, options.aksk, now())) {
					return BAD_SIGNATURE;
				}

				const project = request.headers['x-project-id'];
				return project === undefined || project === options.projectId
					? {ok: true}
					: reject(403, 'ModelArts.0210', 'The project ID in the URL does not match the X-Project-Id.');
			}

			return reject(401, 'ModelArts.0201', 'The request has no token. Add X-Auth-Token to the header.');
		},
	};
}
