// One sentence per rejected credential that names where it came from, what the server said
// and what to do next, e.g. "MODELARTS_TOKEN was rejected (401 ModelArts.0203): invalid or
// expired token; get a new one…". Used by the CLI for exit code 3.
import {redact} from '../../secrets.js';
import type {ApiError} from '../errors.js';
import type {Authenticator} from '../http/authenticator.js';

const MEANINGS: Readonly<Record<string, string>> = {
	'ModelArts.0201': 'no token was sent',
	'ModelArts.0202': 'the token has expired',
	'ModelArts.0203': 'invalid or expired token',
	'ModelArts.0206': 'invalid AK/SK',
	'ModelArts.0210': 'the project id does not match the credential',
	'ModelArts.0212': 'the token is not scoped to a project',
	'APIGW.0301': 'incorrect IAM authentication information',
	'APIG.0301': 'incorrect IAM authentication information',
};

/** What to change, by kind of source. */
function remedy(auth: Authenticator, error: ApiError): string {
	const code = error.body?.errorCode ?? '';
	if (error.status === 403) {
		return code === 'ModelArts.0210'
			? 'check --project-id (or MODELARTS_PROJECT_ID): it must be the project of this region that the credential belongs to'
			: 'the credential is valid but not allowed here: check the project, the region and the user\'s ModelArts permissions';
	}

	if (code === 'ModelArts.0212') {
		return 'request a project-scoped token (scope.project in the IAM call)';
	}

	if (/ak\/sk/i.test(auth.source)) {
		return 'check the access key and secret key (and the security token for temporary keys), and that the system clock is right (±15 min)';
	}

	if (/token/i.test(auth.source)) {
		return 'get a new token (tokens last 24 h) and set MODELARTS_TOKEN or --token-file again';
	}

	return 'check the user name, password, domain and project';
}

/** "<source> was rejected (<status> <code>): <meaning>; <what to do>." Never holds the secret. */
export function describeAuthFailure(auth: Authenticator, error: ApiError): string {
	const code = error.body?.errorCode ?? null;
	const status = error.status === null ? 'no status' : String(error.status);
	const meaning = (code && MEANINGS[code]) ?? error.body?.errorMsg ?? (error.status === 403 ? 'access denied' : 'authentication failed');
	const verb = error.status === 403 ? 'was refused' : 'was rejected';
	return redact(`${auth.source} ${verb} (${status}${code ? ` ${code}` : ''}): ${meaning}; ${remedy(auth, error)}.`);
}
