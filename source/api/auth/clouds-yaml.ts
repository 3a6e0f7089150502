import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {parse} from 'yaml';
import {CredentialError} from '../../config/errors.js';
import {registerSecret} from '../../secrets.js';

/** One cloud from clouds.yaml (with secure.yaml merged over it), in the fields we use. */
export interface CloudEntry {
	readonly name: string;
	/** The clouds.yaml file it came from, for messages. */
	readonly file: string;
	readonly authUrl: string | null;
	readonly username: string | null;
	readonly password: string | null;
	readonly domainName: string | null;
	readonly projectName: string | null;
	readonly projectId: string | null;
	readonly regionName: string | null;
	readonly ak: string | null;
	readonly sk: string | null;
	readonly securityToken: string | null;
	/** clouds.yaml and secure.yaml, each when its part of this cloud holds a secret. */
	readonly secretFiles: readonly string[];
}

/** Where to look, injectable so tests need no real home or /etc. */
export interface CloudsSearch {
	readonly env: Readonly<Record<string, string | undefined>>;
	readonly cwd: string;
	readonly homedir: string;
	readonly systemDir?: string;
}

type Tree = Record<string, unknown>;

/** The directories OpenStack tools search, in order: ./, ~/.config/openstack/, /etc/openstack/. */
export function searchDirectories(search: CloudsSearch): string[] {
	return [search.cwd, join(search.homedir, '.config', 'openstack'), search.systemDir ?? '/etc/openstack'];
}

/** Loads cloud `name`; CredentialError when no clouds.yaml exists or it lacks that cloud. */
export async function loadCloud(name: string, search: CloudsSearch): Promise<CloudEntry> {
	const dirs = searchDirectories(search);
	const clouds = await firstFile(search.env['OS_CLIENT_CONFIG_FILE'], dirs, 'clouds.yaml');
	if (!clouds) {
		throw new CredentialError(`OS_CLOUD/--cloud ${name}: no clouds.yaml found in ${dirs.join(', ')}.`);
	}

	const secure = await firstFile(search.env['OS_CLIENT_SECURE_FILE'], dirs, 'secure.yaml');
	const base = asTree(asTree(clouds.tree['clouds'])[name]);
	if (Object.keys(base).length === 0) {
		const known = Object.keys(asTree(clouds.tree['clouds']));
		throw new CredentialError(
			`${clouds.path} has no cloud named "${name}" (known: ${known.length > 0 ? known.join(', ') : 'none'}): check OS_CLOUD or --cloud.`,
		);
	}

	const over = asTree(asTree(secure?.tree['clouds'])[name]);
	const secretFiles = [holdsSecret(base) ? clouds.path : null, secure && holdsSecret(over) ? secure.path : null].filter(file => file !== null);
	return {...toEntry(name, clouds.path, deepMerge(base, over)), secretFiles};
}

/** Whether a cloud's part of a file sets a password, secret key or security token. */
function holdsSecret(cloud: Tree): boolean {
	const {password, sk, securityToken} = toEntry('', '', cloud);
	return password !== null || sk !== null || securityToken !== null;
}

function toEntry(name: string, file: string, cloud: Tree): Omit<CloudEntry, 'secretFiles'> {
	const auth = asTree(cloud['auth']);
	const field = (...keys: string[]): string | null => {
		for (const source of [auth, cloud]) {
			for (const key of keys) {
				const value = source[key];
				if (typeof value === 'string' && value !== '') {
					return value;
				}
			}
		}

		return null;
	};

	const regions = cloud['regions'];
	const firstRegion = Array.isArray(regions) ? (regions as unknown[]).find(region => typeof region === 'string') : undefined;
	const entry = {
		name,
		file,
		authUrl: field('auth_url'),
		username: field('username', 'user_name'),
		password: field('password'),
		domainName: field('user_domain_name', 'domain_name', 'project_domain_name'),
		projectName: field('project_name', 'tenant_name'),
		projectId: field('project_id', 'tenant_id'),
		regionName: field('region_name') ?? (typeof firstRegion === 'string' ? firstRegion : null),
		ak: field('ak', 'access_key'),
		sk: field('sk', 'secret_key', 'secret'),
		securityToken: field('security_token'),
	};
	registerSecret(entry.password);
	registerSecret(entry.sk);
	registerSecret(entry.securityToken);
	return entry;
}

async function firstFile(explicit: string | undefined, dirs: readonly string[], fileName: string): Promise<{path: string; tree: Tree} | null> {
	const candidates = explicit ? [explicit] : dirs.map(dir => join(dir, fileName));
	for (const path of candidates) {
		const text = await readIfPresent(path);
		if (text !== null) {
			return {path, tree: parseYaml(path, text)};
		}
	}

	return null;
}

async function readIfPresent(path: string): Promise<string | null> {
	try {
		return await readFile(path, 'utf8');
	} catch (error) {
		const code = (error as {code?: unknown}).code;
		if (code === 'ENOENT' || code === 'ENOTDIR') {
			return null;
		}

		throw new CredentialError(`${path} cannot be read (${String(code ?? 'error')}): check its permissions.`);
	}
}

function parseYaml(path: string, text: string): Tree {
	try {
		return asTree(parse(text));
	} catch (error) {
		// The YAML parser quotes the offending line, which may hold a password: position only.
		const position = (error as {linePos?: Array<{line: number}>}).linePos?.[0]?.line;
		throw new CredentialError(`${path} is not valid YAML${position ? ` (line ${position})` : ''}: fix the file.`);
	}
}

function asTree(value: unknown): Tree {
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Tree) : {};
}

function deepMerge(base: Tree, over: Tree): Tree {
	const result: Tree = {...base};
	for (const [key, value] of Object.entries(over)) {
		const existing = result[key];
		result[key] = isTree(existing) && isTree(value) ? deepMerge(existing, value) : value;
	}

	return result;
}

function isTree(value: unknown): value is Tree {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
