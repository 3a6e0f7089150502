import {ConfigError, CredentialError} from '../../config/errors.js';
import {iamRequest, pick} from './http.js';
import type {AuthHttp} from './http.js';
import type {OutgoingRequest} from '../http/authenticator.js';

/** What finding "the project named like the region" needs: where IAM is and how to sign. */
export interface ProjectLookup {
	readonly http: AuthHttp;
	/** e.g. https://iam.eu-de.otc.t-systems.com/v3, or null when unknown. */
	readonly iamEndpoint: string | null;
	readonly region: string | null;
}

const HOW_TO_FIX = 'pass --project-id or set MODELARTS_PROJECT_ID';

/**
 * `GET {iam}/v3/projects?name={region}`: a region's default project carries the region's
 * name. `authHeaders` signs the IAM request the same way the credential signs ModelArts calls.
 */
export async function lookupProjectId(
	lookup: ProjectLookup,
	source: string,
	authHeaders: (request: OutgoingRequest) => Promise<Record<string, string>>,
	signal?: AbortSignal,
): Promise<string> {
	if (!lookup.region || !lookup.iamEndpoint) {
		throw new ConfigError(`The project id is unknown and cannot be looked up without a region: ${HOW_TO_FIX}, or set --region.`);
	}

	const url = new URL(`${lookup.iamEndpoint}/projects`);
	url.searchParams.set('name', lookup.region);
	const headers = {accept: 'application/json'};
	const auth = await authHeaders({method: 'GET', url, headers, body: ''});
	const response = await iamRequest(lookup.http, url, {method: 'GET', headers: {...headers, ...auth}}, signal);
	if (response.status === 401 || response.status === 403) {
		throw new CredentialError(
			`${source} could not list IAM projects (${response.status}) to find the project id of ${lookup.region}: ${HOW_TO_FIX}.`,
		);
	}

	const projects = pick(response.json, 'projects');
	const match = Array.isArray(projects) ? projects.find(project => pick(project, 'name') === lookup.region) : undefined;
	const id = pick(match, 'id');
	if (response.status !== 200 || typeof id !== 'string') {
		throw new ConfigError(`IAM at ${url.origin} returned no project named ${lookup.region} (HTTP ${response.status}): ${HOW_TO_FIX}.`);
	}

	return id;
}
