// The package.json that `npm pack` ships (scripts/pack-manifest.mjs, run by prepack and
// postpack): no install-time script in it, and the developer's file back afterwards.
import {execFileSync} from 'node:child_process';
import {copyFileSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';

const SCRIPT = path.resolve('scripts/pack-manifest.mjs');
const original = readFileSync('package.json', 'utf8');
const dirs: string[] = [];
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, {recursive: true, force: true});
});

function project(): string {
	const dir = mkdtempSync(path.join(tmpdir(), 'mw-pack-manifest-'));
	dirs.push(dir);
	copyFileSync('package.json', path.join(dir, 'package.json'));
	return dir;
}

const run = (dir: string, command: string) => execFileSync(process.execPath, [SCRIPT, command], {cwd: dir});
const manifest = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {scripts: Record<string, string>; bin: unknown};

describe('pack-manifest', () => {
	it('ships package.json without install-time scripts, and restores the original after the pack', () => {
		// Given the project's package.json, which runs patch-package on install for development
		const dir = project();
		expect(manifest(dir).scripts.prepare).toBeDefined();

		// When prepack strips it
		run(dir, 'strip');

		// Then no script npm runs on install is left, and the rest is as it was
		const packed = manifest(dir);
		for (const name of ['preinstall', 'install', 'postinstall', 'prepare']) expect(packed.scripts[name]).toBeUndefined();
		expect(packed.bin).toEqual(JSON.parse(original).bin);
		// And postpack gives the developer's file back, byte for byte
		run(dir, 'restore');
		expect(readFileSync(path.join(dir, 'package.json'), 'utf8')).toBe(original);
	});

	it('after a pack that failed before postpack, the next strip keeps the original, not the stripped copy', () => {
		const dir = project();
		run(dir, 'strip');
		run(dir, 'strip');
		run(dir, 'restore');
		expect(readFileSync(path.join(dir, 'package.json'), 'utf8')).toBe(original);
	});
});
