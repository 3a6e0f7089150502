// Bundles the CLI into one self-contained file so `npx modelarts-watch` downloads a
// single package with no runtime dependencies.
import {build} from 'esbuild';
import {chmod, readFile} from 'node:fs/promises';

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));

await build({
	entryPoints: ['cli.tsx'],
	outfile: 'dist/cli.js',
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	minify: true,
	legalComments: 'none',
	// Ink loads react-devtools-core only when DEV=true; it is never shipped.
	external: ['react-devtools-core'],
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
