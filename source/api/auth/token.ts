import {readFile} from 'node:fs/promises';
import {CredentialError} from '../../config/errors.js';
import {registerSecret} from '../../secrets.js';
import {lookupProjectId} from './project-lookup.js';
import type {ProjectLookup} from './project-lookup.js';
import {projectIdFromToken} from './token-body.js';
import type {Authenticator} from '../http/authenticator.js';

/** A token and where it came from, for messages. */
export interface LoadedToken {
	readonly token: string;
	readonly source: string;
}

/**
 * Reads the token from --token-file (`-` = standard input) or MODELARTS_TOKEN; null when
 * neither is set. There is no flag that takes the token itself: it would show in `ps`.
 */
export async function loadToken(options: {
	readonly env: Readonly<Record<string, string | undefined>>;
	readonly tokenFile?: string;
	readonly readStdin: () => Promise<string>;
}): Promise<LoadedToken | null> {
	if (options.tokenFile !== undefined) {
		const source = options.tokenFile === '-' ? '--token-file - (standard input)' : `--token-file ${options.tokenFile}`;
		const text = options.tokenFile === '-' ? await options.readStdin() : await readTokenFile(options.tokenFile);
		return checked(text, source, 'put the token (the X-Subject-Token value from IAM) in it');
	}

	const fromEnv = options.env['MODELARTS_TOKEN'];
	if (fromEnv === undefined) {
		return null;
	}

	return checked(fromEnv, 'MODELARTS_TOKEN', 'set it to an IAM token (the X-Subject-Token value)');
}

async function readTokenFile(path: string): Promise<string> {
	try {
		return await readFile(path, 'utf8');
	} catch (error) {
		const code = (error as {code?: unknown}).code;
		throw new CredentialError(`--token-file ${path} cannot be read (${String(code ?? 'error')}): check the path and its permissions.`);
	}
}

function checked(text: string, source: string, fix: string): LoadedToken {
	const token = text.trim();
	if (token === '') {
		throw new CredentialError(`${source} is empty: ${fix}.`);
	}

	if (/[\s\u0000-\u001f]/.test(token)) {
		throw new CredentialError(`${source} holds more than one line or word: a token is a single line; ${fix}.`);
	}

	registerSecret(token);
	return {token, source};
}

/** Sends the token as X-Auth-Token; a token cannot renew itself, so refresh() says no. */
export function createTokenAuthenticator(loaded: LoadedToken, lookup: ProjectLookup): Authenticator {
	const headers = async () => ({'X-Auth-Token': loaded.token});
	let projectId: Promise<string> | null = null;
	return {
		source: loaded.source,
		headers,
		refresh: async () => false,
		async projectId(signal) {
			const embedded = projectIdFromToken(loaded.token);
			if (embedded) {
				return embedded;
			}

			projectId ??= lookupProjectId(lookup, loaded.source, headers, signal);
			projectId.catch(() => {
				projectId = null;
			});
			return projectId;
		},
	};
}
