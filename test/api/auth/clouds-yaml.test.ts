import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {loadCloud} from '../../../source/api/auth/clouds-yaml.js';
import {CredentialError} from '../../../source/config/errors.js';
import {resolveConfig} from '../../../source/cli/resolve-runtime.js';

function dirs() {
	const root = mkdtempSync(join(tmpdir(), 'mw-clouds-'));
	const cwd = join(root, 'work');
	const homedir = join(root, 'home');
	const systemDir = join(root, 'etc');
	for (const dir of [cwd, join(homedir, '.config', 'openstack'), systemDir]) {
		mkdirSync(dir, {recursive: true});
	}

	return {cwd, homedir, systemDir, env: {}};
}

const OTC_CLOUDS = `clouds:
  otc:
    profile: otc
    auth:
      auth_url: https://iam.eu-de.otc.t-systems.com:443/v3
      username: alice
      user_domain_name: OTC-EU-DE-00000000001000000001
      project_name: eu-de_project
    region_name: eu-de
  keys:
    region_name: eu-nl
    auth:
      project_id: 0123456789abcdef0123456789abcdef
    ak: TOPLEVELAK
    sk: top-level-secret-key
`;

describe('loadCloud', () => {
	it('reads the cloud from ~/.config/openstack and merges secure.yaml over it', async () => {
		const search = dirs();
		writeFileSync(join(search.homedir, '.config', 'openstack', 'clouds.yaml'), OTC_CLOUDS);
		writeFileSync(join(search.systemDir, 'secure.yaml'), 'clouds:\n  otc:\n    auth:\n      password: from-secure-yaml\n');
		const cloud = await loadCloud('otc', search);
		expect(cloud).toMatchObject({
			authUrl: 'https://iam.eu-de.otc.t-systems.com:443/v3', username: 'alice', password: 'from-secure-yaml',
			domainName: 'OTC-EU-DE-00000000001000000001', projectName: 'eu-de_project', regionName: 'eu-de', ak: null,
		});
	});

	it('prefers ./clouds.yaml over the home directory, and reads top-level ak/sk', async () => {
		const search = dirs();
		writeFileSync(join(search.cwd, 'clouds.yaml'), OTC_CLOUDS);
		writeFileSync(join(search.homedir, '.config', 'openstack', 'clouds.yaml'), 'clouds: {}\n');
		expect(await loadCloud('keys', search)).toMatchObject({ak: 'TOPLEVELAK', sk: 'top-level-secret-key', regionName: 'eu-nl', projectId: '0123456789abcdef0123456789abcdef'});
	});

	it('reads ak/sk inside the auth block', async () => {
		const search = dirs();
		writeFileSync(join(search.systemDir, 'clouds.yaml'), 'clouds:\n  x:\n    auth: {ak: AUTHAK, sk: auth-secret-key}\n    regions: [cn-north-4]\n');
		expect(await loadCloud('x', search)).toMatchObject({ak: 'AUTHAK', sk: 'auth-secret-key', regionName: 'cn-north-4'});
	});

	it('names the known clouds when the requested one is missing', async () => {
		const search = dirs();
		writeFileSync(join(search.cwd, 'clouds.yaml'), OTC_CLOUDS);
		await expect(loadCloud('prod', search)).rejects.toThrow(/has no cloud named "prod" \(known: otc, keys\)/);
	});

	it('reports invalid YAML by line without quoting it', async () => {
		const search = dirs();
		writeFileSync(join(search.cwd, 'clouds.yaml'), 'clouds:\n  x:\n    auth: {password: "s3cret-yaml-pass\n');
		const error = await loadCloud('x', search).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(CredentialError);
		expect((error as Error).message).not.toContain('s3cret-yaml-pass');
	});
});

describe('resolveConfig with OS_CLOUD', () => {
	it('takes region, project and credential from the cloud', async () => {
		const search = dirs();
		writeFileSync(join(search.cwd, 'clouds.yaml'), OTC_CLOUDS);
		const {config, auth} = await resolveConfig({}, {...search, env: {OS_CLOUD: 'keys', LANG: 'C.UTF-8'}, stdoutIsTTY: false, readStdin: async () => ''});
		expect(config).toMatchObject({region: 'eu-nl', endpoint: 'https://modelarts.eu-nl.otc.t-systems.com', projectId: '0123456789abcdef0123456789abcdef'});
		expect(auth.source).toMatch(/^clouds.yaml cloud "keys" AK\/SK/);
	});

	it('says what is missing from an incomplete cloud', async () => {
		const search = dirs();
		writeFileSync(join(search.cwd, 'clouds.yaml'), OTC_CLOUDS);
		await expect(resolveConfig({cloud: 'otc'}, {...search, env: {}, stdoutIsTTY: false, readStdin: async () => ''})).rejects.toThrow(
			/clouds.yaml cloud "otc" .* is incomplete: add auth.password \(or secure.yaml\)/,
		);
	});
});
