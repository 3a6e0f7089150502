// `npm run bench`: measures what the CLI costs a terminal, a network and a machine, and
// prints each figure next to its target. It reports; it never fails the build (exit 0).
import {cpus, loadavg, totalmem} from 'node:os';
import {performance} from 'node:perf_hooks';
import {measureEndlessBody} from './endless-body.mjs';
import {measureEvidenceBudget} from './evidence.mjs';
import {measurePackage} from './package.mjs';
import {measureOverviewBytes} from './overview.mjs';
import {measureClears, measureScale, measureSteadyBytes} from './render.mjs';
import {loadSimulator} from './sim.mjs';
import {failed, formatTable} from './stats.mjs';
import {node24} from './node24.mjs';
import {measureJsonMinute, measureLiveMinute} from './minute-memory.mjs';
import {measureFirstFrame, measureHelpAndVersion} from './startup.mjs';
import {measureStreamMemory} from './stream.mjs';
import {measureSync} from './sync.mjs';
import {measureV2Budget} from './v2-budget.mjs';

/**
 * A scenario that stays in one phase (image pulling) for two scenario hours: at 100× it
 * reaches that phase in a fraction of a second and stays there for over a minute.
 */
const STEADY_SCENARIO = 'stuck';
const STEADY_SPEED = 100;

/**
 * `--only TEXT` (repeatable): run only the rows whose step name contains one of the texts,
 * e.g. `node bench/run.mjs --only RSS` for the memory rows. Set-up steps always run.
 */
const only = process.argv.flatMap((arg, index, args) => (arg === '--only' && args[index + 1] ? [args[index + 1]] : []));
if (process.env.BENCH_ONLY) only.push(process.env.BENCH_ONLY);
const wanted = (name) => only.length === 0 || only.some((text) => name.includes(text));

const results = [];
const startedAt = performance.now();
const loadAtStart = loadavg();

async function step(name, target, measure, {setUp = false} = {}) {
	if (!setUp && !wanted(name)) return;
	process.stderr.write(`bench: ${name}…\n`);
	try {
		const rows = await measure();
		results.push(...(Array.isArray(rows) ? rows : [rows]));
	} catch (error) {
		results.push(failed(name, target, error));
	}
}

/** The runtimes the start-up figures are taken on: this one (Node 20) and Node 24. */
const runtimes = [{node: process.execPath, label: `node ${process.version}`}];
await step('node 24', '', () => {
	const {node, version} = node24();
	runtimes.push({node, label: `node ${version}`});
	return [];
}, {setUp: wanted('--help / --version time') || wanted('time to first frame')});

for (const {node, label} of runtimes) {
	await step(`--help / --version time, ${label}`, '<= 1.5x node -e 0', () => measureHelpAndVersion(node, label));
}
await step('package', '<= 1.5 MB', () => measurePackage());

let startSim = null;
let startAnySim = null;
await step('simulator', '', async () => {
	const {startSimulator} = await loadSimulator();
	startSim = () => startSimulator({scenario: STEADY_SCENARIO, speed: STEADY_SPEED});
	startAnySim = startSimulator;
	return [];
}, {setUp: true});

if (startSim) {
	for (const {node, label} of runtimes) {
		await step(`time to first frame, ${label}`, '<= 2x baseline', async () => {
			const sim = await startSim();
			try {
				return await measureFirstFrame(sim, node, label);
			} finally {
				await sim.close();
			}
		});
	}
	for (const [label, options] of [
		['120x40', {cols: 120, rows: 40, history: 0}],
		['80x24, 200 events', {cols: 80, rows: 24, history: 200}],
		['120x40 --low-bandwidth', {cols: 120, rows: 40, history: 0, extra: ['--low-bandwidth']}],
		['80x24, 200 events, --low-bandwidth', {cols: 80, rows: 24, history: 200, extra: ['--low-bandwidth']}],
	]) {
		await step(`steady bytes/s ${label}`, '<= 500 B/s', () => measureSteadyBytes(startSim, {...options, label}));
	}
	// A slow phase puts the Why block on screen, with its own times (whole minutes).
	await step('steady bytes/s 120x40, why-slow', '<= 500 B/s', () =>
		measureSteadyBytes(() => startAnySim({scenario: 'why-slow', speed: 1}), {cols: 120, rows: 40, history: 0, label: '120x40, why-slow (a slow phase)'}),
	);
	await step('steady bytes/s, overview of 10 services', '<= 500 B/s', () => measureOverviewBytes(startAnySim));
	await step('evidence requests (model, pool)', '0 clean; 1 model, pool <= 1 per 30 s slow', () => measureEvidenceBudget(startAnySim));
	await step('v2 request budget', 'deploying <= 1.2 req/s; running <= v1', () => measureV2Budget(startAnySim));
	await step('full clears after first frame', '0', () => measureClears(startSim));
	await step('sync bytes per poll', '', () => measureSync(startSim));
	await step('RSS and frame time with 100k events', '<= 150 MB', () => measureScale(startSim));
	await step('RSS with 100k events, json and plain', '<= 150 MB', () => measureStreamMemory(startSim));
	await step('peak RSS over a minute, live view', '<= 150 MB', () => measureLiveMinute(startSim));
	await step('peak RSS over a minute, --output json, fast reader', '<= 150 MB', () => measureJsonMinute(startSim, {slow: false}));
	await step('peak RSS over a minute, --output json, slow reader', '<= 150 MB', () => measureJsonMinute(startSim, {slow: true}));
}

await step('peak RSS against 4 GiB bodies', '< 200 MB', () => measureEndlessBody());

const table = formatTable(results);
const load = (values) => values.map((value) => value.toFixed(2)).join(' ');
const machine = `${cpus().length} x ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 1024 ** 3).toFixed(1)} GB`;
const header = [
	`modelarts-watch benchmark, ${new Date().toISOString()}, node ${process.version}, ${process.platform}/${process.arch}`,
	`machine: ${machine}; load average (1/5/15 min) ${load(loadAtStart)} at start, ${load(loadavg())} at end; ${((performance.now() - startedAt) / 1000).toFixed(0)} s`,
	'The CLI runs as its own process in a pseudo-terminal; the simulator runs in the bench process, so RSS is the CLI\'s alone.',
].join('\n');
process.stdout.write(`\n${header}\n\n${table}\n`);
process.exit(0);
