import {registerSecret} from '../../secrets.js';
import {lookupProjectId} from './project-lookup.js';
import type {ProjectLookup} from './project-lookup.js';
import {signRequest} from './signer.js';
import type {Authenticator, OutgoingRequest} from '../http/authenticator.js';

/** A permanent or temporary access key. */
export interface AccessKey {
	readonly ak: string;
	readonly sk: string;
	/** Set for temporary credentials (STS); sent as X-Security-Token. */
	readonly securityToken?: string;
}

export interface AkSkOptions {
	readonly credential: AccessKey;
	/** Names the source in messages, e.g. "AK/SK (HUAWEICLOUD_SDK_AK)". */
	readonly source: string;
	/** Sent as X-Project-Id when known; otherwise looked up once through IAM. */
	readonly projectId: string | null;
	readonly lookup: ProjectLookup;
	/** Injectable clock: the gateway rejects dates more than 15 minutes off. */
	readonly now?: () => Date;
}

/**
 * Signs every request with SDK-HMAC-SHA256. refresh() always says no: a rejected signature
 * will be rejected again, and repeated failures lock the AK for minutes.
 */
export function createAkSkAuthenticator(options: AkSkOptions): Authenticator {
	const {credential} = options;
	registerSecret(credential.sk);
	registerSecret(credential.securityToken);
	const now = options.now ?? (() => new Date());
	let knownProjectId = options.projectId;

	const sign = async (request: OutgoingRequest, projectId: string | null): Promise<Record<string, string>> => {
		const extra: Record<string, string> = {};
		if (projectId) {
			extra['X-Project-Id'] = projectId;
		}

		if (credential.securityToken) {
			extra['X-Security-Token'] = credential.securityToken;
		}

		const signed = signRequest({...request, headers: {...request.headers, ...extra}}, credential, now());
		return {...extra, ...signed};
	};

	return {
		source: options.source,
		headers: async request => sign(request, knownProjectId),
		refresh: async () => false,
		async projectId(signal) {
			// IAM is a global service: the lookup is signed without X-Project-Id.
			knownProjectId ??= await lookupProjectId(options.lookup, options.source, async request => sign(request, null), signal);
			return knownProjectId;
		},
	};
}
