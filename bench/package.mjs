// What users download: the packed tarball's size, and that it installs and runs with no
// dependencies (a local tarball install needs no network).
import {execFileSync} from 'node:child_process';
import {mkdir, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath, URL} from 'node:url';
import {formatBytes, result} from './stats.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const npm = (args, cwd) => execFileSync('npm', args, {cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});

export async function measurePackage() {
	const dir = await mkdtemp(join(tmpdir(), 'modelarts-watch-pack-'));
	try {
		const [packed] = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', dir], ROOT));
		const app = join(dir, 'app');
		await mkdir(app);
		await writeFile(join(app, 'package.json'), JSON.stringify({name: 'install-check', version: '1.0.0', private: true}));
		npm(['install', '--omit=dev', '--offline', '--no-audit', '--no-fund', join(dir, packed.filename)], app);
		const version = execFileSync(join(app, 'node_modules', '.bin', 'modelarts-watch'), ['--version'], {encoding: 'utf8'}).trim();
		const expected = JSON.parse(npm(['pkg', 'get', 'version'], ROOT));
		const installed = JSON.parse(await readFile(join(app, 'node_modules', 'modelarts-watch', 'package.json'), 'utf8'));
		const dependencies = Object.keys({...installed.dependencies, ...installed.optionalDependencies, ...installed.peerDependencies});
		return [
			result('packed tarball size', `${formatBytes(packed.size)} (${packed.entryCount} files, ${formatBytes(packed.unpackedSize)} unpacked)`, '<= 1.5 MB', packed.size <= 1.5 * 1024 * 1024),
			result('runtime dependencies', String(dependencies.length), '0', dependencies.length === 0, dependencies.join(', ')),
			result('install from tarball, --version', version, expected, version === expected, '--omit=dev --offline in an empty folder'),
		];
	} finally {
		await rm(dir, {recursive: true, force: true});
	}
}
