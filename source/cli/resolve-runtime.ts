// Start-up: the configuration resolved, and the I/O objects built from it (the network agent,
// the authenticator and, through it, an IAM login). config/ only checks values; building
// what talks to the network happens here.
import fetch from 'node-fetch';
import {loadCloud} from '../api/auth/clouds-yaml.js';
import {looseCredentialFiles} from '../api/auth/file-permissions.js';
import type {AuthHttp, FetchLike} from '../api/auth/http.js';
import {createAuthenticator} from '../api/auth/select.js';
import type {Authenticator} from '../api/http/authenticator.js';
import {createAgent, type AgentSelector} from '../api/http/network.js';
import {parseAuthKind, resolveLocation} from '../config/resolve.js';
import {resolveSettings} from '../config/settings.js';
import {refuseClearText, type CredentialTarget} from './clear-text.js';
import type {Config, ConfigEnvironment, RawFlags} from '../config/types.js';

/** Test seams; production uses node-fetch and the system clock. */
export interface ResolveOptions {
	readonly fetch?: FetchLike;
	readonly now?: () => number;
	/** Limit for one IAM request (login, project look-up). Default 30 s. */
	readonly iamTimeoutMs?: number;
	/** Told of each IAM request once it has ended (--debug). */
	readonly onIamRequest?: AuthHttp['onRequest'];
}

/** The Config, the credential, the network agents (share them with the client) and warnings for stderr. */
export interface ResolvedRuntime {
	readonly config: Config;
	readonly auth: Authenticator;
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
	// The demo never asks IAM: an IAM URL in the environment is not used, so not judged.
	const targets: CredentialTarget[] = [location.endpointTarget, ...(demo || location.iamTarget === null ? [] : [location.iamTarget])];
	refuseClearText(targets, agent.route, flags.allowHttp === true);
	const auth = await createAuthenticator({
		env,
		readStdin: environment.readStdin,
		force,
		tokenFile: demo ? undefined : flags.tokenFile,
		cloud,
		region: location.region,
		projectId: location.projectId,
		iamEndpoint: location.iamEndpoint,
		http: {fetch: options.fetch ?? fetch, agent, timeoutMs: options.iamTimeoutMs ?? 30_000, maxResponseBytes: settings.maxResponseBytes, onRequest: options.onIamRequest},
		now: options.now,
	});
	const config: Config = {
		...settings,
		endpoint: location.endpoint,
		projectId: location.projectId,
		region: location.region,
	};
	const tokenFile = demo || flags.tokenFile === undefined || flags.tokenFile === '-' ? [] : [flags.tokenFile];
	const loose = await looseCredentialFiles([...tokenFile, ...(cloud?.secretFiles ?? [])]);
	return {config, auth, agent, warnings: [...agent.warnings, ...loose]};
}
