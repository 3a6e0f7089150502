// The benchmark drives the embedded simulator in this process (to add events and read its
// request log). Node 20 cannot import TypeScript, so source/sim (and any other TypeScript
// the bench needs) is bundled once with esbuild.
import {build} from 'esbuild';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath, URL} from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
let loaded = null;

/** Imports source/sim/server.ts and the scenario names (bundled into a temporary .mjs). */
export async function loadSimulator() {
	loaded ??= await importTypeScript("export * from './source/sim/server.ts'; export {SCENARIO_NAMES} from './source/sim/scenarios/registry.ts';");
	return loaded;
}

/** Bundles `contents` (TypeScript, paths relative to the project root) and imports the result. */
export async function importTypeScript(contents) {
	const dir = await mkdtemp(join(tmpdir(), 'modelarts-watch-bench-'));
	const outfile = join(dir, 'bundle.mjs');
	await build({
		stdin: {
			contents,
			resolveDir: ROOT,
			loader: 'ts',
		},
		outfile,
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		packages: 'external',
		logLevel: 'error',
	});
	const module = await import(outfile);
	await rm(dir, {recursive: true, force: true});
	return module;
}

/** `count` old events, one per 10 ms ending an hour before now; every seventh abnormal. */
export function historyEvents(count, endAt = Date.now() - 3_600_000) {
	return Array.from({length: count}, (_, index) => ({
		event_type: index % 7 === 0 ? 'abnormal' : 'normal',
		event_info: `bench history event ${index + 1} of ${count}`,
		occur_time: endAt - (count - index) * 10,
	}));
}

/** The CLI arguments and environment that watch the simulator's main service in a pty. */
export function watchArgs(sim, extra = []) {
	return {
		args: [sim.serviceId, '--endpoint', sim.url, '--project-id', sim.projectId, '--output', 'tty', ...extra],
		env: {MODELARTS_TOKEN: sim.token},
	};
}
