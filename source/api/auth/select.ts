import {CredentialError} from '../../config/errors.js';
import {registerSecret} from '../../secrets.js';
import {createAkSkAuthenticator} from './aksk.js';
import type {CloudEntry} from './clouds-yaml.js';
import type {AuthHttp} from './http.js';
import {createIamAuthenticator} from './iam.js';
import type {PasswordLogin} from './iam.js';
import type {ProjectLookup} from './project-lookup.js';
import {createTokenAuthenticator, loadToken} from './token.js';
import type {Authenticator} from '../http/authenticator.js';

/** The values of --auth. */
export const AUTH_KINDS = ['token', 'aksk', 'password', 'cloud'] as const;
export type AuthKind = (typeof AUTH_KINDS)[number];

/** What choosing a credential may look at. */
export interface AuthSelection {
	readonly env: Readonly<Record<string, string | undefined>>;
	readonly readStdin: () => Promise<string>;
	/** --auth: forces one source. */
	readonly force: AuthKind | null;
	readonly tokenFile?: string;
	/** The cloud named by --cloud / OS_CLOUD, already loaded; null when none was named. */
	readonly cloud: CloudEntry | null;
	readonly region: string | null;
	/** The project id from flags or environment, when given. */
	readonly projectId: string | null;
	/** IAM endpoint (…/v3) for project look-ups and password login; null when unknown. */
	readonly iamEndpoint: string | null;
	readonly http: AuthHttp;
	readonly now?: () => number;
}

type Candidate = (selection: AuthSelection) => Promise<Authenticator | string[]>;

/**
 * First complete source wins: token, AK/SK variables, IAM password variables, clouds.yaml.
 * A candidate answers with an authenticator, or with the names it is missing (for messages).
 */
export async function createAuthenticator(selection: AuthSelection): Promise<Authenticator> {
	const candidates: ReadonlyArray<[AuthKind, Candidate]> = [
		['token', fromToken],
		['aksk', fromAkSkEnv],
		['password', fromPasswordEnv],
		['cloud', fromCloud],
	];
	for (const [kind, candidate] of candidates) {
		if (selection.force && selection.force !== kind) {
			continue;
		}

		const result = await candidate(selection);
		if (!Array.isArray(result)) {
			return result;
		}

		if (selection.force) {
			throw new CredentialError(`--auth ${kind}: missing ${result.join(', ')}.`);
		}
	}

	throw new CredentialError(
		'No credentials found. Set one of: MODELARTS_TOKEN (or --token-file); HUAWEICLOUD_SDK_AK + HUAWEICLOUD_SDK_SK; ' +
			'OS_USERNAME + OS_PASSWORD + OS_USER_DOMAIN_NAME + OS_PROJECT_NAME; or OS_CLOUD (--cloud) with a clouds.yaml.',
	);
}

function lookupOf(selection: AuthSelection): ProjectLookup {
	return {http: selection.http, iamEndpoint: selection.iamEndpoint, region: selection.region};
}

async function fromToken(selection: AuthSelection): Promise<Authenticator | string[]> {
	const loaded = await loadToken({env: selection.env, tokenFile: selection.tokenFile, readStdin: selection.readStdin});
	return loaded ? createTokenAuthenticator(loaded, lookupOf(selection)) : ['MODELARTS_TOKEN or --token-file'];
}

async function fromAkSkEnv(selection: AuthSelection): Promise<Authenticator | string[]> {
	const {env} = selection;
	const ak = env['HUAWEICLOUD_SDK_AK'];
	const sk = env['HUAWEICLOUD_SDK_SK'];
	registerSecret(sk);
	const missing = [ak ? null : 'HUAWEICLOUD_SDK_AK', sk ? null : 'HUAWEICLOUD_SDK_SK'].filter(name => name !== null);
	if (!ak || !sk) {
		return missing;
	}

	return createAkSkAuthenticator({
		credential: {ak, sk, securityToken: env['HUAWEICLOUD_SDK_SECURITY_TOKEN'] || undefined},
		source: 'AK/SK (HUAWEICLOUD_SDK_AK)',
		projectId: selection.projectId,
		lookup: lookupOf(selection),
		now: selection.now ? () => new Date(selection.now!()) : undefined,
	});
}

async function fromPasswordEnv(selection: AuthSelection): Promise<Authenticator | string[]> {
	const {env} = selection;
	registerSecret(env['OS_PASSWORD']);
	const domain = env['OS_USER_DOMAIN_NAME'] || env['OS_DOMAIN_NAME'];
	const projectName = env['OS_PROJECT_NAME'];
	const projectId = env['OS_PROJECT_ID'];
	const missing = [
		env['OS_USERNAME'] ? null : 'OS_USERNAME',
		env['OS_PASSWORD'] ? null : 'OS_PASSWORD',
		domain ? null : 'OS_USER_DOMAIN_NAME (or OS_DOMAIN_NAME)',
		projectName || projectId ? null : 'OS_PROJECT_NAME (or OS_PROJECT_ID)',
	].filter(name => name !== null);
	if (missing.length > 0) {
		return missing;
	}

	const login: PasswordLogin = {
		username: env['OS_USERNAME']!,
		password: env['OS_PASSWORD']!,
		domain: domain!,
		project: projectName ? {name: projectName} : {id: projectId!},
	};
	return passwordAuthenticator(selection, login, 'OS_USERNAME/OS_PASSWORD', 'OS_AUTH_URL (or --region)');
}

async function fromCloud(selection: AuthSelection): Promise<Authenticator | string[]> {
	const {cloud} = selection;
	if (!cloud) {
		return ['OS_CLOUD or --cloud'];
	}

	const source = `clouds.yaml cloud "${cloud.name}" (${cloud.file})`;
	if (cloud.ak && cloud.sk) {
		return createAkSkAuthenticator({
			credential: {ak: cloud.ak, sk: cloud.sk, securityToken: cloud.securityToken ?? undefined},
			source: `clouds.yaml cloud "${cloud.name}" AK/SK (${cloud.file})`,
			projectId: selection.projectId,
			lookup: lookupOf(selection),
			now: selection.now ? () => new Date(selection.now!()) : undefined,
		});
	}

	const project = cloud.projectName ?? selection.region;
	const missing = [
		cloud.username ? null : 'auth.username',
		cloud.password ? null : 'auth.password (or secure.yaml)',
		cloud.domainName ? null : 'auth.user_domain_name',
		project || cloud.projectId ? null : 'auth.project_name (or region_name)',
	].filter(name => name !== null);
	if (missing.length > 0) {
		throw new CredentialError(`${source} is incomplete: add ${missing.join(', ')}, or ak and sk.`);
	}

	const login: PasswordLogin = {
		username: cloud.username!,
		password: cloud.password!,
		domain: cloud.domainName!,
		project: project ? {name: project} : {id: cloud.projectId!},
	};
	return passwordAuthenticator(selection, login, source, 'auth.auth_url (or region_name)');
}

function passwordAuthenticator(selection: AuthSelection, login: PasswordLogin, source: string, endpointHint: string): Authenticator {
	if (!selection.iamEndpoint) {
		throw new CredentialError(`${source}: the IAM endpoint is unknown: set ${endpointHint}.`);
	}

	return createIamAuthenticator({login, iamEndpoint: selection.iamEndpoint, source, http: selection.http, now: selection.now});
}
