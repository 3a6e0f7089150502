// `npm pack` and `npm publish` ship package.json as it is on disk. Its `prepare` script
// (patch-package after `npm ci`) is for development: in the package it would be an
// install-time script, which npm 11 warns about and which cannot run without the patches.
// `strip` (prepack, after the build) sets the file aside and writes it without that script;
// `restore` (postpack) puts the original back. A strip after a pack that failed half-way
// restores first, so the set-aside copy is always the developer's own file.
import {existsSync} from 'node:fs';
import {mkdir, readFile, rename, writeFile} from 'node:fs/promises';

const MANIFEST = 'package.json';
const SET_ASIDE = '.tmp/package.json.before-pack';
/** Scripts npm runs on its own when a package is installed; none of them may ship. */
const INSTALL_TIME = ['preinstall', 'install', 'postinstall', 'prepare'];

async function restore() {
	if (existsSync(SET_ASIDE)) await rename(SET_ASIDE, MANIFEST);
}

async function strip() {
	await restore();
	const text = await readFile(MANIFEST, 'utf8');
	const manifest = JSON.parse(text);
	for (const name of INSTALL_TIME) delete manifest.scripts?.[name];
	await mkdir('.tmp', {recursive: true});
	await writeFile(SET_ASIDE, text);
	await writeFile(MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
}

const command = process.argv[2];
if (command === 'strip') await strip();
else if (command === 'restore') await restore();
else throw new Error(`usage: node scripts/pack-manifest.mjs strip|restore (got ${command})`);
