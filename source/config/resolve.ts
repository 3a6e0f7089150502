// Where the watch goes, from flags, environment and a clouds.yaml entry already read: pure
// checks, no I/O. The start-up code (cli/resolve-runtime.ts) reads clouds.yaml and builds the
// network agent and the authenticator from what this returns.
import {FLAG_CHOICES} from './choices.js';
import {checkRegion, iamEndpointForRegion, modelArtsEndpoint, modelArtsOverrideVariable, normaliseIamEndpoint, normaliseUrl} from './endpoint.js';
import {ConfigError} from './errors.js';
import {checkedId, choice} from './settings.js';
import type {ConfigEnvironment, RawFlags} from './types.js';

export {FLAG_CHOICES} from './choices.js';

/** The values of --auth. */
export type AuthChoice = (typeof FLAG_CHOICES.auth)[number];

/** What a clouds.yaml entry says about where to go (api/auth/clouds-yaml.ts reads the file). */
export interface CloudLocation {
	/** The clouds.yaml file it came from, for messages. */
	readonly file: string;
	readonly authUrl: string | null;
	readonly projectId: string | null;
	readonly regionName: string | null;
}

/** An http(s) URL the credential would be sent to, and the flag or variable that set it. */
export interface CredentialTarget {
	readonly url: string;
	readonly origin: string;
}

/** The endpoints, region and project of the watch. */
export interface Location {
	readonly endpoint: string;
	readonly region: string | null;
	readonly projectId: string | null;
	readonly iamEndpoint: string | null;
	/** The endpoint and the IAM endpoint, with what set them (for the clear-text check). */
	readonly endpointTarget: CredentialTarget;
	readonly iamTarget: CredentialTarget | null;
}

export function resolveLocation(flags: RawFlags, env: ConfigEnvironment['env'], cloud: CloudLocation | null): Location {
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
	const iamEndpoint = iamText ? normaliseIamEndpoint(iamText, iamOrigin) : region ? iamEndpointForRegion(region) : null;
	return {
		endpoint,
		region,
		projectId: projectText ? checkedId(projectOrigin, projectText) : null,
		iamEndpoint,
		endpointTarget: {url: endpoint, origin: flags.endpoint ? '--endpoint' : '--region'},
		iamTarget: iamEndpoint === null ? null : {url: iamEndpoint, origin: iamText ? iamOrigin : '--region'},
	};
}

function firstOf(candidates: ReadonlyArray<readonly [string | null | undefined, string]>): readonly [string | null, string] {
	const found = candidates.find(([value]) => value !== undefined && value !== null && value.trim() !== '');
	return found ? [found[0]!.trim(), found[1]] : [null, ''];
}

/** --auth, checked against its choices; null when not given. */
export function parseAuthKind(value: string | undefined): AuthChoice | null {
	return value === undefined ? null : (choice('auth', value, FLAG_CHOICES.auth) as AuthChoice);
}

