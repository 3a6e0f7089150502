// Bundles the CLI for `npx modelarts-watch`: one package with no runtime dependencies.
// dist/cli.js answers --version and --help and paints the first frame; the watch, Ink and
// the simulator are chunks next to it (dist/*.js) that it imports when it needs them.
//
// Every change made here to a bundled package only makes start-up cheaper; none changes
// what the CLI does (what Ink draws is patched at install time, patches/). Each must apply
// exactly once, or the build fails: a package that changed is re-checked, not skipped.
import {build} from 'esbuild';
import {chmod, mkdir, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {basename, dirname, join, sep} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

/** How often each change applied in this build, checked after it. */
const applied = new Map();
const count = name => applied.set(name, (applied.get(name) ?? 0) + 1);

/** The file a bare import of `specifier` loads, as this project resolves it. */
const resolved = specifier => fileURLToPath(import.meta.resolve(specifier));

/** A plugin that replaces each `from` by its `to`, once, in the file at `path`. */
function replaceIn(name, path, replacements) {
	applied.set(name, 0);
	return {
		name,
		setup(builder) {
			builder.onLoad({filter: /\.js$/}, async args => {
				if (args.path !== path) return undefined;
				let source = await readFile(path, 'utf8');
				for (const [from, to] of replacements) {
					const found = source.split(from).length - 1;
					if (found !== 1) throw new Error(`${name}: expected ${JSON.stringify(from)} once in ${path}, found it ${found} times`);
					source = source.replace(from, () => to);
				}
				count(name);
				return {contents: source, loader: 'js'};
			});
		},
	};
}

/** A plugin that resolves `specifier`, imported from a file matching `importer`, to `contents`. */
function standIn(name, specifier, importer, contents) {
	applied.set(name, 0);
	return {
		name,
		setup(builder) {
			builder.onResolve({filter: specifier}, args => (importer.test(args.importer) ? {path: name, namespace: 'stand-in'} : undefined));
			builder.onLoad({filter: new RegExp(`^${name}$`), namespace: 'stand-in'}, async () => {
				count(name);
				return typeof contents === 'function' ? contents() : {contents, loader: 'js'};
			});
		},
	};
}

const INK_BUILD = /[\\/]node_modules[\\/]ink[\\/]build[\\/]/;

// Ink loads its React DevTools bridge (react-devtools-core, the ws WebSocket client and a
// window polyfill) only when DEV=true. Bundled, that is 50 kB parsed on every start; a
// stand-in for react-devtools-core alone crashed the CLI whenever DEV=true was set (a common
// variable in developer shells). An empty stand-in for Ink's devtools module does neither.
const withoutDevtools = standIn('ink-devtools', /^\.\/devtools\.js$/, INK_BUILD, '');

// node-fetch's Blob falls back to web-streams-polyfill when the runtime has no
// ReadableStream. Node 20 (our minimum) always has one, yet the 60 kB polyfill would be parsed
// on every start; a stand-in that says why it cannot be needed takes its place.
const withoutStreamsPolyfill = standIn(
	'web-streams-polyfill',
	/^web-streams-polyfill([\\/]|$)/,
	/[\\/]node_modules[\\/]fetch-blob[\\/]/,
	"throw new Error('web-streams-polyfill is only needed before Node 18');",
);

// `import process from 'node:process'` makes node build an ES module facade of the process
// object, which reads every property: that creates stdin, stdout and stderr and loads the
// stream modules before anything is written, ~3 ms of --help and of the first frame. The
// global process is the very same object: bundled packages (chalk, Ink, is-in-ci, …) get it
// instead (our own code uses the global).
const PROCESS_IMPORT = /import\s+(?:(\w+)\s*,?\s*)?(?:\{([^}]*)\})?\s*from\s*['"](?:node:)?process['"];?/g;
let processImportsReplaced = 0;
const globalProcess = {
	name: 'global-process',
	setup(builder) {
		builder.onLoad({filter: /[\\/]node_modules[\\/].*\.js$/}, async args => {
			const source = await readFile(args.path, 'utf8');
			if (!/from\s*['"](?:node:)?process['"]/.test(source)) return undefined;
			const contents = source.replace(PROCESS_IMPORT, (_, name, names) => {
				processImportsReplaced++;
				const whole = name && name !== 'process' ? `const ${name} = process;` : '';
				return whole + (names ? `const {${names.replaceAll(/\bas\b/g, ':')}} = process;` : '');
			});
			if (/from\s*['"](?:node:)?process['"]/.test(contents)) throw new Error(`global-process: an import of process left in ${args.path}`);
			return {contents, loader: 'js'};
		});
	},
};

// The painted first frame (source/cli/first-frame.ts) draws the view's components before
// Ink's renderer has loaded. They import <Box> and <Text> from 'ink', whose index also
// imports the reconciler and Yoga; here they get those two component modules alone, the
// same files Ink's index exports, so the chunk they land in does not pull the renderer in.
const inkElementsOnly = standIn('ink-elements', /^ink$/, /[\\/]source[\\/](ui[\\/]|render[\\/]frame-lines\.ts$)/, () => ({
	contents: `export {default as Box} from './Box.js'; export {default as Text} from './Text.js';`,
	resolveDir: join(dirname(resolved('ink')), 'components'),
	loader: 'js',
}));

// Yoga (Ink's layout engine) ships its WebAssembly as a base64 data: URL and, because Node
// 20 has a global fetch, loads it through fetch(): that pulls in Node's whole HTTP client
// (undici) and its data: URL parser before the first frame, ~40 ms of start-up. Decoding the
// string directly, Yoga's own fallback, gives the same bytes.
const yogaWithoutFetch = replaceIn('yoga-without-fetch', join(dirname(resolved('yoga-layout')), '..', 'binaries', 'yoga-wasm-base64-esm.js'), [
	['function ya(){return w||"function"!=typeof fetch?', 'function ya(){return true?'],
]);

// string-width builds an Intl.Segmenter and a RegExp of every emoji sequence when it loads:
// ~8 ms for the first segmenter a process builds (ICU's break rules), ~14 ms for V8 to
// check that pattern. The painted first frame loads string-width but measures the view's
// own glyphs without it (source/render/text-width.ts): both are built on first use.
const stringWidthLazily = replaceIn('string-width-lazily', resolved('string-width'), [
	['const segmenter = new Intl.Segmenter();', 'let segmenter;'],
	['segmenter.segment(string)', '(segmenter ??= new Intl.Segmenter()).segment(string)'],
	['const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;', 'let rgiEmojiRegex;'],
	['rgiEmojiRegex.test(segment)', "(rgiEmojiRegex ??= new RegExp('^\\\\p{RGI_Emoji}$', 'v')).test(segment)"],
]);

// --help prints a text made of the flag choices, the exit codes and the simulator's scenario
// list: loading the scenario registry to write it cost --help ~3 ms. Nothing in it depends
// on the run, so it is written here, by source/cli/help.ts itself, and the bundle's help
// module hands it out (with the description the caller passes in its one place).
const DESCRIPTION_MARK = '\u0000description\u0000';
async function helpTextModule() {
	const dir = await mkdtemp(join(tmpdir(), 'modelarts-watch-help-'));
	try {
		await build({entryPoints: ['source/cli/help.ts'], outfile: join(dir, 'help.mjs'), bundle: true, platform: 'node', format: 'esm', logLevel: 'warning'});
		const {helpText} = await import(pathToFileURL(join(dir, 'help.mjs')).href);
		const text = helpText(DESCRIPTION_MARK);
		if (text.split(DESCRIPTION_MARK).length !== 2) throw new Error('scripts/build.mjs: the --help text no longer holds the description exactly once');
		const [before, after] = text.split(DESCRIPTION_MARK);
		return {contents: `export const helpText = description => ${JSON.stringify(before)} + description + ${JSON.stringify(after)};`, loader: 'js'};
	} finally {
		await rm(dir, {recursive: true, force: true});
	}
}
const prewrittenHelp = standIn('help-text', /^\.\/source\/cli\/help\.js$/, /[\\/]cli\.tsx$/, helpTextModule);

// dist/cli.js reads the version and the description from package.json; shared with the
// watch, the whole file would be a chunk of its own, one more file for --version to load.
const entryPackageFields = standIn('package-fields', /^\.\/package\.json$/, /[\\/]cli\.tsx$/, async () => {
	const {version, description} = JSON.parse(await readFile('package.json', 'utf8'));
	return {contents: `export default ${JSON.stringify({version, description})};`, loader: 'js'};
});

// esbuild's helper for require() in bundled CommonJS (node built-ins) looks for a require in
// its own chunk only; the other chunks (a dozen load before the first frame) need none. It is
// made on first use: createRequire sets up node's CommonJS loader, ~2 ms the first frame
// does not need.
const REQUIRE = "import {createRequire as __cr} from 'node:module';let __rq;const require=id=>(__rq??=__cr(import.meta.url))(id);";
const USES_REQUIRE = 'Dynamic require of';

// What Ink draws is patched at install time (patches/ink+6.8.0.patch, by the prepare
// script). Without it the bundle would ignore our log-update: refuse to build.
const INK_PATCHED = '(options.logUpdate ?? logUpdate).create(';
if (!(await readFile(resolved('ink').replace(/index\.js$/, 'ink.js'), 'utf8')).includes(INK_PATCHED)) {
	throw new Error('scripts/build.mjs: node_modules/ink is not patched; run npm install (it applies patches/ with patch-package)');
}

await rm('dist', {recursive: true, force: true});
const {outputFiles} = await build({
	entryPoints: ['cli.tsx'],
	outdir: 'dist',
	splitting: true,
	// Flat: Ink reads ../package.json next to its chunk when DEV=true.
	chunkNames: '[name]-[hash]',
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	minify: true,
	legalComments: 'none',
	plugins: [withoutDevtools, withoutStreamsPolyfill, inkElementsOnly, prewrittenHelp, entryPackageFields, yogaWithoutFetch, stringWidthLazily, globalProcess],
	define: {
		'process.env.NODE_ENV': '"production"',
	},
	write: false,
	logLevel: 'warning',
});
const missed = [...applied].filter(([, times]) => times !== 1);
if (processImportsReplaced === 0) missed.push(['global-process', 0]);
if (missed.length > 0) {
	throw new Error(`scripts/build.mjs: ${missed.map(([name, times]) => `${name} applied ${times} times`).join(', ')}; expected once each`);
}

// esbuild makes chunks import its helpers chunk for side effects it does not have (it only
// defines helpers; a chunk that calls one imports it by name): one file fewer for
// --version, --help and the first frame.
const helpers = outputFiles.filter(file => file.text.includes(USES_REQUIRE)).map(file => `import"./${basename(file.path)}";`);
// Like the changes above, this one must apply, or the saving is silently lost.
const bareImports = outputFiles.reduce((sum, file) => sum + helpers.reduce((found, bare) => found + file.text.split(bare).length - 1, 0), 0);
if (helpers.length !== 1 || bareImports === 0) {
	throw new Error(`scripts/build.mjs: expected one helpers chunk imported bare by other chunks, found ${helpers.length} chunk(s) and ${bareImports} bare import(s)`);
}

await mkdir('dist', {recursive: true});
for (const file of outputFiles) {
	let text = file.text;
	for (const bare of helpers) text = text.replaceAll(bare, '');
	if (file.text.includes(USES_REQUIRE)) text = `${REQUIRE}\n${text}`;
	if (file.path.endsWith(`${sep}cli.js`)) text = `#!/usr/bin/env node\n${text}`;
	await writeFile(file.path, text);
}

await chmod('dist/cli.js', 0o755);
