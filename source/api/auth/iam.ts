import {CredentialError} from '../../config/errors.js';
import {registerSecret} from '../../secrets.js';
import {TransientError} from '../errors.js';
import {iamRequest, pick} from './http.js';
import type {AuthHttp} from './http.js';
import type {Authenticator} from '../http/authenticator.js';

/** A user's password login, scoped to one project (by name or id). */
export interface PasswordLogin {
	readonly username: string;
	readonly password: string;
	readonly domain: string;
	readonly project: {readonly name: string} | {readonly id: string};
}

export interface IamOptions {
	readonly login: PasswordLogin;
	/** e.g. https://iam.eu-de.otc.t-systems.com/v3 */
	readonly iamEndpoint: string;
	/** Names the source in messages, e.g. "OS_USERNAME/OS_PASSWORD". */
	readonly source: string;
	readonly http: AuthHttp;
	readonly now?: () => number;
}

interface IssuedToken {
	readonly token: string;
	readonly projectId: string | null;
	/** When to log in again: before expires_at, never after it. */
	readonly renewAt: number;
}

const RENEW_MARGIN_MS = 5 * 60_000;

/**
 * Logs in on first use, sends X-Auth-Token, logs in again shortly before the token expires
 * and once when ModelArts answers 401 (revoked). Concurrent callers share one login.
 */
export function createIamAuthenticator(options: IamOptions): Authenticator {
	registerSecret(options.login.password);
	const now = options.now ?? Date.now;
	let current: Promise<IssuedToken> | null = null;

	const login = (signal?: AbortSignal): Promise<IssuedToken> => {
		const attempt = requestToken(options, now(), signal);
		current = attempt;
		attempt.catch(() => {
			// A failed login must not poison later attempts (the network may come back).
			if (current === attempt) {
				current = null;
			}
		});
		return attempt;
	};

	const valid = async (signal?: AbortSignal): Promise<IssuedToken> => {
		const issued = current ? await current : await login(signal);
		return now() < issued.renewAt ? issued : login(signal);
	};

	return {
		source: options.source,
		headers: async (_request, signal) => ({'X-Auth-Token': (await valid(signal)).token}),
		async refresh(signal) {
			await login(signal);
			return true;
		},
		projectId: async signal => (await valid(signal)).projectId,
	};
}

async function requestToken(options: IamOptions, issuedAt: number, signal?: AbortSignal): Promise<IssuedToken> {
	const {login} = options;
	const body = JSON.stringify({
		auth: {
			identity: {
				methods: ['password'],
				password: {user: {name: login.username, password: login.password, domain: {name: login.domain}}},
			},
			scope: {project: 'id' in login.project ? {id: login.project.id} : {name: login.project.name}},
		},
	});
	const url = new URL(`${options.iamEndpoint}/auth/tokens`);
	const headers = {'content-type': 'application/json;charset=utf8', accept: 'application/json'};
	const response = await iamRequest(options.http, url, {method: 'POST', headers, body}, signal);
	const token = response.headers.get('x-subject-token');
	if (response.status === 401 || response.status === 403 || response.status === 400) {
		throw new CredentialError(
			`IAM at ${url.origin} rejected ${options.source} for user ${login.username} in domain ${login.domain} (HTTP ${response.status}${errorCode(response.json)}): check the user name, password, domain and project.`,
		);
	}

	if (response.status >= 500 || response.status === 429) {
		throw new TransientError(`IAM at ${url.origin} answered HTTP ${response.status} to the login of ${options.source}.`, response.status);
	}

	if ((response.status !== 201 && response.status !== 200) || !token) {
		throw new CredentialError(
			`IAM at ${url.origin} answered HTTP ${response.status} without a token to the login of ${options.source}: check the IAM endpoint (OS_AUTH_URL, HUAWEICLOUD_SDK_IAM_ENDPOINT or auth_url).`,
		);
	}

	registerSecret(token);
	const expiresAt = Date.parse(String(pick(response.json, 'token', 'expires_at')));
	const projectId = pick(response.json, 'token', 'project', 'id');
	return {
		token,
		projectId: typeof projectId === 'string' ? projectId : null,
		renewAt: renewalTime(issuedAt, expiresAt),
	};
}

/** Five minutes before expiry, or halfway through a lifetime shorter than ten minutes. */
export function renewalTime(issuedAt: number, expiresAt: number): number {
	if (!Number.isFinite(expiresAt)) {
		// No expiry given: IAM tokens last 24 h; renew well before that.
		return issuedAt + 12 * 60 * 60_000;
	}

	const lifetime = expiresAt - issuedAt;
	return expiresAt - Math.min(RENEW_MARGIN_MS, Math.max(0, lifetime / 2));
}

function errorCode(json: unknown): string {
	const code = pick(json, 'error_code') ?? pick(json, 'error', 'code');
	return typeof code === 'string' || typeof code === 'number' ? ` ${code}` : '';
}
