// Issue #23: a credential file other users may open (a token file, clouds.yaml or
// secure.yaml holding a secret) is used, with one warning naming it and the fix.
import {chmodSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {resolveConfig} from '../../source/cli/resolve-runtime.js';
import type {RawFlags} from '../../source/config/types.js';

/** A file with exactly `mode` (chmod after writing: the umask does not apply). */
function fileWith(dir: string, name: string, text: string, mode: number): string {
	const file = join(dir, name);
	writeFileSync(file, text);
	chmodSync(file, mode);
	return file;
}

function resolveIn(dir: string, flags: RawFlags, env: Record<string, string> = {}) {
	return resolveConfig({region: 'eu-de', serviceIds: ['svc-1'], ...flags}, {env, cwd: dir, homedir: join(dir, 'home'), stdoutIsTTY: false, readStdin: async () => ''});
}

const CLOUD_WITHOUT_PASSWORD = 'clouds:\n  otc:\n    auth:\n      auth_url: https://iam.eu-de.otc.t-systems.com/v3\n      username: alice\n      user_domain_name: d\n      project_name: eu-de\n';
const CLOUD_WITH_PASSWORD = CLOUD_WITHOUT_PASSWORD + '      password: pass-in-clouds-yaml\n';
const SECURE = 'clouds:\n  otc:\n    auth:\n      password: pass-in-secure-yaml\n';

describe('credential files other users may open', () => {
	it.each([0o644, 0o640, 0o604, 0o660, 0o666])('a token file with mode %o: one warning naming it and chmod 600', async mode => {
		const dir = mkdtempSync(join(tmpdir(), 'mw-perm-'));
		const file = fileWith(dir, 'token', 'MIIpermission-token\n', mode);
		const {warnings} = await resolveIn(dir, {tokenFile: file});
		expect(warnings).toEqual([`warning: ${file} holds a credential and other users may open it (mode ${mode.toString(8)}): run chmod 600 ${file}`]);
	});

	it.each([0o600, 0o400])('a token file with mode %o: no warning', async mode => {
		const dir = mkdtempSync(join(tmpdir(), 'mw-perm-'));
		const {warnings} = await resolveIn(dir, {tokenFile: fileWith(dir, 'token', 'MIIpermission-token\n', mode)});
		expect(warnings).toEqual([]);
	});

	it('clouds.yaml with a password, open to others: warned', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'mw-perm-'));
		const clouds = fileWith(dir, 'clouds.yaml', CLOUD_WITH_PASSWORD, 0o644);
		const {warnings} = await resolveIn(dir, {cloud: 'otc'});
		expect(warnings).toEqual([expect.stringContaining(`${clouds} holds a credential`)]);
		expect(warnings[0]).toContain(`chmod 600 ${clouds}`);
		expect(warnings[0]).not.toContain('pass-in-clouds-yaml');
	});

	it('secure.yaml open to others is warned; clouds.yaml without a secret is not', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'mw-perm-'));
		fileWith(dir, 'clouds.yaml', CLOUD_WITHOUT_PASSWORD, 0o644);
		const secure = fileWith(dir, 'secure.yaml', SECURE, 0o664);
		const {warnings} = await resolveIn(dir, {cloud: 'otc'});
		expect(warnings).toEqual([`warning: ${secure} holds a credential and other users may open it (mode 664): run chmod 600 ${secure}`]);
	});

	it('secure.yaml kept private: no warning', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'mw-perm-'));
		fileWith(dir, 'clouds.yaml', CLOUD_WITHOUT_PASSWORD, 0o644);
		fileWith(dir, 'secure.yaml', SECURE, 0o600);
		expect((await resolveIn(dir, {cloud: 'otc'})).warnings).toEqual([]);
	});
});
