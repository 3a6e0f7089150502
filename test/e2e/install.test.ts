import {execFileSync} from 'node:child_process';
import {mkdir, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function npm(args: readonly string[], cwd: string): string {
	return execFileSync('npm', [...args], {cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});
}

// What `npx modelarts-watch` will download: the packed tarball must install with
// --omit=dev and no network (no runtime dependencies) and run.
describe('the packed tarball', () => {
	let dir = '';
	let tarball = '';
	let files: string[] = [];

	beforeAll(async () => {
		dir = await mkdtemp(join(tmpdir(), 'modelarts-watch-install-'));
		const [packed] = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', dir], ROOT)) as {filename: string; files: {path: string}[]}[];
		tarball = join(dir, packed!.filename);
		files = packed!.files.map((file) => file.path);
	});

	afterAll(async () => {
		if (dir !== '') await rm(dir, {recursive: true, force: true});
	});

	it('ships the bundled CLI and nothing from the sources or tests', () => {
		expect(files).toContain('dist/cli.js');
		expect(files).toContain('package.json');
		expect(files.filter((file) => /^(source|test|bench|node_modules)\//.test(file))).toEqual([]);
	});

	it('installs offline into an empty folder and answers --version', async () => {
		// Given an empty project
		const app = join(dir, 'app');
		await mkdir(app);
		await writeFile(join(app, 'package.json'), JSON.stringify({name: 'install-check', version: '1.0.0', private: true}));
		// When the tarball is installed without dev dependencies and without network
		npm(['install', '--omit=dev', '--offline', '--no-audit', '--no-fund', tarball], app);
		// Then the bin runs and prints the package version
		const bin = join(app, 'node_modules', '.bin', 'modelarts-watch');
		const version = execFileSync(bin, ['--version'], {encoding: 'utf8'}).trim();
		const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {version: string};
		expect(version).toBe(pkg.version);
	});
});
