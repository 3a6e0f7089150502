// Bundles the CLI into one self-contained file so `npx modelarts-watch` downloads a
// single package with no runtime dependencies.
import {build} from 'esbuild';
import {chmod, readFile} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';

// Ink loads its React DevTools bridge (react-devtools-core, the ws WebSocket client and a
// window polyfill) only when DEV=true. Bundled, that is 50 kB parsed on every start; a
// stand-in for react-devtools-core alone crashed the CLI whenever DEV=true was set (a common
// variable in developer shells). An empty stand-in for Ink's devtools module does neither.
const withoutDevtools = {
	name: 'without-devtools',
	setup(builder) {
		builder.onResolve({filter: /^\.\/devtools\.js$/}, args =>
			/[\\/]ink[\\/]build[\\/]/.test(args.importer) ? {path: 'ink-devtools', namespace: 'stub'} : undefined,
		);
		builder.onLoad({filter: /^ink-devtools$/, namespace: 'stub'}, () => ({contents: '', loader: 'js'}));
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

// Yoga (Ink's layout engine) ships its WebAssembly as a base64 data: URL and, because Node
// 20 has a global fetch, loads it through fetch(): that pulls in Node's whole HTTP client
// (undici) and its data: URL parser before the first frame, ~40 ms of start-up. Decoding the
// string directly, Yoga's own fallback, gives the same bytes.
const YOGA_FETCH = 'function ya(){return w||"function"!=typeof fetch?';
const yogaWithoutFetch = {
	name: 'yoga-without-fetch',
	setup(builder) {
		builder.onLoad({filter: /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/}, async ({path}) => {
			const source = await readFile(path, 'utf8');
			if (!source.includes(YOGA_FETCH)) {
				throw new Error('yoga-layout changed: re-check how scripts/build.mjs makes it load its wasm without fetch');
			}
			return {contents: source.replace(YOGA_FETCH, 'function ya(){return true?'), loader: 'js'};
		});
	},
};

// node-fetch's Blob falls back to web-streams-polyfill when the runtime has no
// ReadableStream. Node 20 (our minimum) always has one, yet the 60 kB polyfill would be parsed
// on every start; a stand-in that says why it cannot be needed takes its place.
const withoutStreamsPolyfill = {
	name: 'without-streams-polyfill',
	setup(builder) {
		builder.onResolve({filter: /^web-streams-polyfill([\\/]|$)/}, () => ({path: 'web-streams-polyfill', namespace: 'stub'}));
		builder.onLoad({filter: /^web-streams-polyfill$/, namespace: 'stub'}, () => ({
			contents: "throw new Error('web-streams-polyfill is only needed before Node 18');",
			loader: 'js',
		}));
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
	plugins: [withoutDevtools, withoutStreamsPolyfill, ownLogUpdate, noTerminalClears, yogaWithoutFetch],
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
