import fetch from 'node-fetch';
import {loadCloud} from '../api/auth/clouds-yaml.js';
import type {CloudEntry} from '../api/auth/clouds-yaml.js';
import type {FetchLike} from '../api/auth/http.js';
import {createAuthenticator} from '../api/auth/select.js';
import type {AuthKind} from '../api/auth/select.js';
import {createAgent} from '../api/network.js';
import type {AgentSelector} from '../api/network.js';
import {FLAG_CHOICES} from './choices.js';
import {checkRegion, iamEndpointForRegion, modelArtsEndpoint, modelArtsOverrideVariable, normaliseIamEndpoint, normaliseUrl} from './endpoint.js';
import {ConfigError} from './errors.js';
import {checkedId, choice, resolveSettings} from './settings.js';
import type {Config, ConfigEnvironment, RawFlags, Runtime} from './types.js';

export {FLAG_CHOICES} from './choices.js';

/** Test seams; production uses node-fetch and the system clock. */
export interface ResolveOptions {
	readonly fetch?: FetchLike;
	readonly now?: () => number;
	/** Limit for one IAM request (login, project look-up). Default 30 s. */
	readonly iamTimeoutMs?: number;
}

/** Runtime plus the network agents (share them with the client) and warnings for stderr. */
export interface ResolvedRuntime extends Runtime {
	readonly agent: AgentSelector;
	readonly warnings: readonly string[];
}

/**
 * Validates flags, environment and clouds.yaml into a Config and picks the credential.
 * Throws ConfigError (exit 2) or CredentialError (exit 3).
 *
 * --demo: the caller starts the simulator and passes its URL as `flags.endpoint`, its project
 * as `flags.projectId` and its token as `environment.env.MODELARTS_TOKEN`; resolution then
 * uses exactly that token (ignoring --auth, --token-file, --cloud) and bypasses any proxy.
 */
export async function resolveConfig(flags: RawFlags, environment: ConfigEnvironment, options: ResolveOptions = {}): Promise<ResolvedRuntime> {
	const {env} = environment;
	const now = options.now ?? Date.now;
	const demo = flags.demo !== undefined && flags.demo !== false;
	// Plain flag checks first: a typo is reported before any credential is read.
	const settings = resolveSettings(flags, environment, now());
	const force = demo ? 'token' : parseAuthKind(flags.auth);
	const cloudName = demo ? undefined : flags.cloud || env['OS_CLOUD'] || undefined;
	const cloud = cloudName ? await loadCloud(cloudName, environment) : null;
	const location = resolveLocation(flags, env, cloud);
	const agent = createAgent({env, caFile: flags.caFile, insecure: flags.insecure, keepAlive: true, noProxy: demo});
	const auth = await createAuthenticator({
		env,
		readStdin: environment.readStdin,
		force,
		tokenFile: demo ? undefined : flags.tokenFile,
		cloud,
		region: location.region,
		projectId: location.projectId,
		iamEndpoint: location.iamEndpoint,
		http: {fetch: options.fetch ?? fetch, agent, timeoutMs: options.iamTimeoutMs ?? 30_000, maxResponseBytes: settings.maxResponseBytes},
		now: options.now,
	});
	const config: Config = {
		...settings,
		endpoint: location.endpoint,
		projectId: location.projectId,
		region: location.region,
	};
	return {config, auth, agent, warnings: agent.warnings};
}

interface Location {
	readonly endpoint: string;
	readonly region: string | null;
	readonly projectId: string | null;
	readonly iamEndpoint: string | null;
}

function resolveLocation(flags: RawFlags, env: ConfigEnvironment['env'], cloud: CloudEntry | null): Location {
	const [regionText, regionOrigin] = firstOf([
		[flags.region, '--region'],
		[env['OS_REGION_NAME'], 'OS_REGION_NAME'],
		[env['HUAWEICLOUD_SDK_REGION'], 'HUAWEICLOUD_SDK_REGION'],
		[cloud?.regionName, `region_name in ${cloud?.file}`],
	]);
	const region = regionText ? checkRegion(regionText, regionOrigin) : null;
	// The SDK's per-region override wins over the host table (the SDK may list several: the first is taken).
	const override = region ? env[modelArtsOverrideVariable(region)]?.split(',')[0]?.trim() : undefined;
	const regional = region ? (override ? normaliseUrl(override, modelArtsOverrideVariable(region)) : modelArtsEndpoint(region)) : null;
	const endpoint = flags.endpoint ? normaliseUrl(flags.endpoint, '--endpoint') : regional;
	if (!endpoint) {
		throw new ConfigError('No endpoint: pass --region (e.g. eu-de, cn-north-4) or --endpoint URL, or set OS_REGION_NAME.');
	}

	const [projectText, projectOrigin] = firstOf([
		[flags.projectId, '--project-id'],
		[env['MODELARTS_PROJECT_ID'], 'MODELARTS_PROJECT_ID'],
		[env['HUAWEICLOUD_SDK_PROJECT_ID'], 'HUAWEICLOUD_SDK_PROJECT_ID'],
		[env['OS_PROJECT_ID'], 'OS_PROJECT_ID'],
		[cloud?.projectId, `project_id in ${cloud?.file}`],
	]);
	const [iamText, iamOrigin] = firstOf([
		[cloud?.authUrl, `auth_url in ${cloud?.file}`],
		[env['OS_AUTH_URL'], 'OS_AUTH_URL'],
		[env['HUAWEICLOUD_SDK_IAM_ENDPOINT'], 'HUAWEICLOUD_SDK_IAM_ENDPOINT'],
	]);
	return {
		endpoint,
		region,
		projectId: projectText ? checkedId(projectOrigin, projectText) : null,
		iamEndpoint: iamText ? normaliseIamEndpoint(iamText, iamOrigin) : region ? iamEndpointForRegion(region) : null,
	};
}

function firstOf(candidates: ReadonlyArray<readonly [string | null | undefined, string]>): readonly [string | null, string] {
	const found = candidates.find(([value]) => value !== undefined && value !== null && value.trim() !== '');
	return found ? [found[0]!.trim(), found[1]] : [null, ''];
}

function parseAuthKind(value: string | undefined): AuthKind | null {
	return value === undefined ? null : (choice('auth', value, FLAG_CHOICES.auth) as AuthKind);
}

