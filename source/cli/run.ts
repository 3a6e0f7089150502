// A watch from flags to exit code: demo simulator, configuration, credential, client, then
// the run mode. Ink is imported only when the terminal UI is chosen.
import {homedir} from 'node:os';
import v8 from 'node:v8';
import pkg from '../../package.json' with {type: 'json'};
import type {Authenticator} from '../api/http/authenticator.js';
import {createClient, type RequestLog} from '../api/client.js';
import {gatedGet} from '../api/evidence/client.js';
import {createRequestGate, gatedClient} from '../api/poll/request-gate.js';
import {gatedV2Client} from '../api/v2/request-gate.js';
import {createV2Client} from '../api/v2/client.js';
import type {WatcherFactory} from '../api/poll/watcher-types.js';
import {ConfigError} from '../config/errors.js';
import {resolveConfig, type ResolvedRuntime} from './resolve-runtime.js';
import type {Config, RawFlags} from '../config/types.js';
import type {WatchMessage} from '../core/watch/data.js';
import {createDataNotes} from '../output/data-notes.js';
import {parseDenyPlan, type DenyPlan} from '../sim/endpoints/deny.js';
import {startSimulator, type Simulator} from '../sim/server.js';
import {DEFAULT_SCENARIO, SCENARIO_NAMES} from '../sim/scenarios/registry.js';
import {exitCodeForError, isExpectedError} from './exit-status.js';
import {openDebugLog, type DebugLog} from './debug-log.js';
import {describeFailure} from './failure.js';
import {createLineWriter, type LineWriter} from './line-writer.js';
import {printNote, reportUnexpected} from './process-io.js';
import {runStream} from './run-stream.js';
import {runStreamMany} from './run-stream-many.js';
import {createGenerationRouting} from './api-generation.js';
import {serviceIdNamed, servicesToWatch, type ServiceLister} from './service-lookup.js';
import {waitForService} from './wait-for-service.js';
import {nearestName} from './unknown-flag.js';
import type {Session} from './session.js';

function readStdin(): Promise<string> {
	return new Promise((resolve, reject) => {
		let text = '';
		process.stdin.setEncoding('utf8');
		process.stdin.on('data', chunk => (text += chunk));
		process.stdin.once('end', () => resolve(text));
		process.stdin.once('error', reject);
	});
}

/** The scenarios --demo asks for (one service each, in one project), or null without --demo. */
function demoScenarios(flags: RawFlags): string[] | null {
	if (flags.demo === undefined || flags.demo === false) return null;
	return flags.demo === true ? [DEFAULT_SCENARIO] : flags.demo.split(',');
}

/** The APIs --demo-deny makes the demo refuse; only with --demo. */
function demoDenyPlan(flags: RawFlags): DenyPlan {
	if (flags.demoDeny === undefined) return {};
	if (demoScenarios(flags) === null) throw new ConfigError('--demo-deny works only with --demo: it makes the demo simulator refuse APIs.');
	const parsed = parseDenyPlan(flags.demoDeny);
	if ('error' in parsed) throw new ConfigError(`--demo-deny: ${parsed.error}.`);
	return parsed.plan;
}

async function startDemo(flags: RawFlags): Promise<Simulator | null> {
	const deny = demoDenyPlan(flags);
	const scenarios = demoScenarios(flags);
	if (scenarios === null) return null;
	// The demo makes its own services: a word after --demo that names no scenario is a typo, not an id.
	const stray = flags.serviceIds?.[0];
	if (stray !== undefined) {
		const meant = nearestName(stray, SCENARIO_NAMES);
		throw new ConfigError(`--demo takes scenario names, and "${stray}" is not one${meant === null ? '' : ` (did you mean ${meant}?)`}; the scenarios are ${SCENARIO_NAMES.join(', ')}.`);
	}

	try {
		return await startSimulator({scenarios, deny});
	} catch (error) {
		throw new ConfigError(`--demo: ${error instanceof Error ? error.message : String(error)}`);
	}
}

function requestLogger(debugLog: DebugLog): (log: RequestLog) => void {
	return log => debugLog.write(`debug: ${log.method} ${log.url} → ${log.status ?? 'no response'} in ${log.ms} ms${log.error ? ` (${log.error})` : ''}`);
}

/** Update logs that are not there change nothing a person sees: one note in --debug, in every output mode. */
function withDebugNotes(onMessage: (message: WatchMessage) => void, debugLog: DebugLog | null): (message: WatchMessage) => void {
	if (debugLog === null) return onMessage;
	return message => {
		if (message.type === 'update-logs-unavailable') debugLog.write(`debug: update logs unavailable (${message.reason}): no update line`);
		if (message.type === 'evidence') for (const note of message.notes) debugLog.write(`debug: ${note}`);
		onMessage(message);
	};
}

/** The project from the flags, or from the credential; asked once, before polling starts. */
async function projectIdOf(config: Config, auth: Authenticator): Promise<string> {
	const projectId = config.projectId ?? (await auth.projectId());
	if (!projectId) {
		throw new ConfigError(`No project id: pass --project-id, or set MODELARTS_PROJECT_ID (the credential from ${auth.source} does not name one).`);
	}

	return projectId;
}

const NO_SERVICE = 'No service to watch: pass a service id (or several), --service-name NAME, or --all.';

/** Whether the flags name any service to watch (ids, names, --all, or --demo's); --wait-for-service's own check says what it lacks. */
function namesAService(flags: RawFlags): boolean {
	return (flags.serviceIds?.length ?? 0) > 0 || (flags.serviceName?.length ?? 0) > 0 || flags.all === true || demoScenarios(flags) !== null || flags.waitForService === true;
}

/**
 * Whether a run without a service id can open the service picker: it needs keys (stdin a
 * terminal) and the terminal UI (not --json or --output plain/json; not a pipe unless
 * --output tty). Checked before anything else, so a script gets its usage error at once.
 */
function mayOpenPicker(flags: RawFlags): boolean {
	if (process.stdin.isTTY !== true || flags.json === true) return false;
	if (flags.output === 'tty') return true;
	return (flags.output === undefined || flags.output === 'auto') && process.stdout.isTTY === true;
}

/** The resolved configuration asks for the picker: no service named, terminal UI, keys. */
function opensPicker(config: Config): boolean {
	return !config.serviceId && !config.serviceName && config.many === null && config.output === 'tty' && process.stdin.isTTY === true;
}

function resolve(flags: RawFlags, demo: Simulator | null, onIamRequest: (log: RequestLog) => void): Promise<ResolvedRuntime> {
	const env = demo ? {...process.env, MODELARTS_TOKEN: demo.token} : process.env;
	// With --wait-for-service the demo's service is waited for by its name, as CI would.
	const demoServices = flags.waitForService === true ? {serviceName: flags.serviceName ?? demo?.services.map(service => service.name)} : {serviceIds: demo?.services.map(service => service.id)};
	const demoFlags = demo ? {endpoint: demo.url, projectId: demo.projectId, ...demoServices} : {};
	return resolveConfig({...flags, ...demoFlags}, {
		env,
		cwd: process.cwd(),
		homedir: homedir(),
		stdoutIsTTY: process.stdout.isTTY === true,
		readStdin,
	}, {onIamRequest});
}

/**
 * The one service a watch follows: by id, by name, or (--wait-for-service) by a name waited
 * for; the wait spends part of --timeout, so the watch gets what is left (and a time-out
 * still names the whole --timeout).
 */
async function oneService(config: Config, list: ServiceLister): Promise<{readonly serviceId: string | null; readonly config: Config}> {
	const name = config.serviceName;
	if (config.serviceId !== null || name === null) return {serviceId: config.serviceId, config};
	if (!config.waitForService) return {serviceId: await serviceIdNamed(list, name), config};
	const started = Date.now();
	// Said on stderr at once, also before the live view (whose painted first frame it takes back).
	const serviceId = await waitForService({list, name, intervalMs: config.intervalMs, timeoutMs: config.timeoutMs, note: printNote});
	return {serviceId, config: {...config, timeoutSpentMs: Date.now() - started}};
}

interface ConnectOptions {
	readonly debugLog: DebugLog | null;
	readonly note: (line: string) => void;
	/** Paces the poll loops by what stdout has taken (plain and JSON); undefined for the live view. */
	readonly readyForMore: (() => Promise<void>) | undefined;
}

/**
 * The client, bound to the project, and the run it serves: one service (looked up when given
 * by name), several (their requests through one rate gate), or the picker.
 */
async function connect({config, auth, agent}: ResolvedRuntime, {debugLog, note, readyForMore}: ConnectOptions): Promise<Session> {
	const notes = createDataNotes(note);
	const clientOptions = {
		onProblem: (problem: string) => notes.problem(problem),
		endpoint: config.endpoint,
		projectId: await projectIdOf(config, auth),
		auth,
		agent,
		maxResponseBytes: config.maxResponseBytes,
		userAgent: `modelarts-watch/${pkg.version}`,
		onRequest: debugLog ? requestLogger(debugLog) : undefined,
	};
	const direct = createClient(clientOptions);
	const {many} = config;
	// One service polls about once a second at most; several share a cap (--max-rate).
	const gate = many === null ? null : createRequestGate({ratePerSecond: config.maxRate});
	const client = gate === null ? direct : gatedClient(direct, gate, Date.now);
	const projectGet = gate === null ? direct.projectGet : gatedGet(direct.projectGet, gate);
	const v2 = gate === null ? createV2Client(clientOptions) : gatedV2Client(createV2Client(clientOptions), gate, Date.now);
	const {since, until, intervalMs, exitStatus} = config;
	// A service of several that has ended is polled once more, then no more.
	const stopAfterTerminal = exitStatus || many !== null;
	const routing = createGenerationRouting({
		config,
		v1: client,
		v2,
		onProblem: clientOptions.onProblem,
		onChoice: debugLog ? (id, generation, why) => debugLog.write(`debug: service ${id} is watched through the ${generation} API (${why})`) : undefined,
	});
	const watcherFor = (serviceId: string): WatcherFactory => onMessage =>
		routing.watcherFor(serviceId, {since, until, intervalMs, stopAfterTerminal, projectGet, slowThresholds: config.slowThresholds, readyForMore})(withDebugNotes(onMessage, debugLog));
	if (opensPicker(config)) {
		return {kind: 'pick', config, auth, notes, loadServices: signal => routing.listServices({}, signal), watcherFor};
	}

	if (many !== null) {
		const services = await servicesToWatch(query => routing.listServices(query), many);
		return {kind: 'watch-many', config, auth, notes, services, watcherFor};
	}

	const one = await oneService(config, query => routing.listServices(query));
	if (one.serviceId === null) throw new ConfigError(NO_SERVICE);
	return {kind: 'watch', config: one.config, auth, notes, serviceId: one.serviceId, createWatcher: watcherFor(one.serviceId)};
}

/**
 * V8's young generation is kept small (cli/start.ts), which promotes some garbage; with V8's
 * own growth factor the old generation then swelled far past what survives before a full
 * collection: an idle 100k-event live view by ~55 MB over 20 s (peaks of 170 MB), a JSON
 * log of the same history to between 131 and 153 MB, unpredictably. Growing it at most 20 %
 * past what survives keeps the view near 120 MB and the logs near 100 MB (`npm run bench`);
 * the logs' load takes ~20 % longer (2.0 s instead of 1.7 s for 100k events).
 */
function keepOldGenerationTight(): void {
	v8.setFlagsFromString('--heap-growing-percent=20');
}

async function watch(session: Session, lines: LineWriter | null): Promise<number> {
	const {config} = session;
	keepOldGenerationTight();
	if (session.kind === 'pick' || lines === null) {
		const {runTty} = await import('./run-tty.js');
		return runTty(session);
	}

	const io = {auth: session.auth, notes: session.notes, stdout: lines.write, stderr: printNote, now: Date.now};
	const code = session.kind === 'watch-many'
		? await runStreamMany({...io, config, services: session.services, watcherFor: session.watcherFor})
		: await runStream({...io, config, serviceId: session.serviceId, createWatcher: session.createWatcher});
	await lines.idle();
	return code;
}

/** Runs `modelarts-watch [service-id] [flags]` and resolves with the exit code. */
export async function runWatch(flags: RawFlags): Promise<number> {
	let demo: Simulator | null = null;
	let auth: Authenticator | null = null;
	let debugLog: DebugLog | null = null;
	// Notes about odd server data would tear the live view: it gets them after it exits.
	const held: string[] = [];
	try {
		// Said first: without a service (and no terminal for the picker) nothing else matters.
		if (!namesAService(flags) && !mayOpenPicker(flags)) throw new ConfigError(NO_SERVICE);
		demo = await startDemo(flags);
		// IAM is first asked once the watch starts (login, project look-up), after the log opens.
		const resolved = await resolve(flags, demo, log => {
			if (debugLog !== null) requestLogger(debugLog)(log);
		});
		auth = resolved.auth;
		for (const warning of resolved.warnings) printNote(warning);
		if (resolved.config.debug) debugLog = openDebugLog(resolved.config.output);
		const note = resolved.config.output === 'tty' ? (line: string) => {
			held.push(line);
			debugLog?.write(line);
		} : printNote;
		// Plain and JSON lines: whole-line writes, and the poll loop waits for a slow reader.
		const lines = resolved.config.output === 'tty' ? null : createLineWriter(process.stdout);
		return await watch(await connect(resolved, {debugLog, note, readyForMore: lines?.drained}), lines);
	} catch (error) {
		if (isExpectedError(error)) printNote(describeFailure(error, auth));
		else reportUnexpected(error, flags.debug === true);
		return exitCodeForError(error);
	} finally {
		for (const line of held) printNote(line);
		debugLog?.close();
		await demo?.close();
	}
}
