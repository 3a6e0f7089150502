// Bundles the CLI into one self-contained file so `npx modelarts-watch` downloads a
// single package with no runtime dependencies.
import {build} from 'esbuild';
import {chmod, readFile} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';

// Ink imports react-devtools-core only when DEV=true. Left external, esbuild would hoist it
// into a static import that fails on every start; an empty stand-in keeps the bundle whole.
const withoutDevtools = {
	name: 'without-devtools',
	setup(builder) {
		builder.onResolve({filter: /^react-devtools-core$/}, () => ({path: 'devtools', namespace: 'stub'}));
		builder.onLoad({filter: /.*/, namespace: 'stub'}, () => ({contents: 'export default {connectToDevTools() {}};'}));
	},
};

// Ink 6.8's incremental renderer drifts one row per frame; source/render/log-update.ts
// explains why and replaces it wherever Ink imports it.
const ownLogUpdate = {
	name: 'own-log-update',
	setup(builder) {
		builder.onResolve({filter: /^\.\/log-update\.js$/}, args =>
			/[\\/]ink[\\/]build[\\/]/.test(args.importer)
				? {path: fileURLToPath(new URL('../source/render/log-update.ts', import.meta.url))}
				: undefined,
		);
	},
};

// Ink clears the screen and the scrollback (ESC[2J ESC[3J) whenever the previous frame was
// as tall as the terminal, which happens on every resize that shortens it. Over SSH that
// wipes the user's history; our log-update repaints from the top of the frame instead.
const CLEARING_BRANCH = 'if (this.lastOutputHeight >= this.options.stdout.rows) {';
const noTerminalClears = {
	name: 'no-terminal-clears',
	setup(builder) {
		builder.onLoad({filter: /[\\/]ink[\\/]build[\\/]ink\.js$/}, async ({path}) => {
			const source = await readFile(path, 'utf8');
			if (!source.includes(CLEARING_BRANCH)) {
				throw new Error('Ink changed: re-check the full-screen clear that scripts/build.mjs disables');
			}
			return {contents: source.replace(CLEARING_BRANCH, 'if (false) {'), loader: 'js'};
		});
	},
};

await build({
	entryPoints: ['cli.tsx'],
	outfile: 'dist/cli.js',
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	minify: true,
	legalComments: 'none',
	plugins: [withoutDevtools, ownLogUpdate, noTerminalClears],
	define: {
		'process.env.NODE_ENV': '"production"',
	},
	banner: {
		// Some bundled CommonJS dependencies call require(); give them one.
		js: "#!/usr/bin/env node\nimport {createRequire as __cr} from 'node:module';const require=__cr(import.meta.url);",
	},
	logLevel: 'warning',
});
await chmod('dist/cli.js', 0o755);
