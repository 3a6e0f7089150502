// A watch from flags to exit code: demo simulator, configuration, credential, client, then
// the run mode. Ink is imported only when the terminal UI is chosen.
import {homedir} from 'node:os';
import process from 'node:process';
import pkg from '../../package.json' with {type: 'json'};
import type {Authenticator} from '../api/auth/types.js';
import {createClient, type RequestLog} from '../api/client.js';
import {NotFoundError} from '../api/errors.js';
import type {ModelArtsClient} from '../api/types.js';
import {createWatcher, type Watcher} from '../api/watcher.js';
import {ConfigError} from '../config/errors.js';
import {resolveConfig, type ResolvedRuntime} from '../config/resolve.js';
import type {Config, RawFlags} from '../config/types.js';
import type {WatchMessage} from '../model/watch-messages.js';
import {startSimulator, type Simulator} from '../sim/server.js';
import {DEFAULT_SCENARIO} from '../sim/scenarios.js';
import {exitCodeForError, isExpectedError} from './exit-status.js';
import {describeFailure} from './failure.js';
import {printNote, reportUnexpected} from './process-io.js';
import {runStream} from './run-stream.js';

/** Everything a run mode needs once configuration and credential are settled. */
export interface WatchSetup {
	readonly config: Config;
	readonly auth: Authenticator;
	readonly serviceId: string;
	/** The poll loop for this service, reporting to `onMessage`; the run mode owns its life. */
	readonly createWatcher: (onMessage: (message: WatchMessage) => void) => Watcher;
}

function readStdin(): Promise<string> {
	return new Promise((resolve, reject) => {
		let text = '';
		process.stdin.setEncoding('utf8');
		process.stdin.on('data', chunk => (text += chunk));
		process.stdin.once('end', () => resolve(text));
		process.stdin.once('error', reject);
	});
}

/** The scenario --demo asks for, or null without --demo. */
function demoScenario(flags: RawFlags): string | null {
	if (flags.demo === undefined || flags.demo === false) return null;
	return flags.demo === true ? DEFAULT_SCENARIO : flags.demo;
}

async function startDemo(flags: RawFlags): Promise<Simulator | null> {
	const scenario = demoScenario(flags);
	if (scenario === null) return null;
	try {
		return await startSimulator({scenario});
	} catch (error) {
		throw new ConfigError(`--demo: ${error instanceof Error ? error.message : String(error)}`);
	}
}

function logRequest(log: RequestLog): void {
	printNote(`debug: ${log.method} ${log.url} → ${log.status ?? 'no response'} in ${log.ms} ms${log.error ? ` (${log.error})` : ''}`);
}

/** The project from the flags, or from the credential; asked once, before polling starts. */
async function projectIdOf(config: Config, auth: Authenticator): Promise<string> {
	const projectId = config.projectId ?? (await auth.projectId());
	if (!projectId) {
		throw new ConfigError(`No project id: pass --project-id, or set MODELARTS_PROJECT_ID (the credential from ${auth.source} does not name one).`);
	}

	return projectId;
}

const NO_SERVICE = 'No service to watch: pass a service id, or --service-name NAME.';

/** --service-name: the one service of that exact name. */
async function serviceIdOf(config: Config, client: ModelArtsClient): Promise<string> {
	if (config.serviceId) return config.serviceId;
	if (!config.serviceName) throw new ConfigError(NO_SERVICE);
	const page = await client.listServices({service_name: config.serviceName});
	const matches = page.services.filter(service => service.service_name === config.serviceName);
	if (matches.length === 0) throw new NotFoundError(`No service named "${config.serviceName}" in this project.`, 404);
	if (matches.length > 1) {
		throw new ConfigError(`${matches.length} services are named "${config.serviceName}": pass one of their ids (${matches.map(service => service.service_id).join(', ')}).`);
	}

	return matches[0]!.service_id;
}

function resolve(flags: RawFlags, demo: Simulator | null): Promise<ResolvedRuntime> {
	const env = demo ? {...process.env, MODELARTS_TOKEN: demo.token} : process.env;
	return resolveConfig(demo ? {...flags, endpoint: demo.url, projectId: demo.projectId, serviceId: demo.serviceId} : flags, {
		env,
		cwd: process.cwd(),
		homedir: homedir(),
		stdoutIsTTY: process.stdout.isTTY === true,
		readStdin,
	});
}

/** The client, bound to the project, and the service id (looked up when given by name). */
async function connect({config, auth, agent}: ResolvedRuntime): Promise<WatchSetup> {
	const client = createClient({
		endpoint: config.endpoint,
		projectId: await projectIdOf(config, auth),
		auth,
		agent,
		userAgent: `modelarts-watch/${pkg.version}`,
		onRequest: config.debug ? logRequest : undefined,
	});
	const serviceId = await serviceIdOf(config, client);
	const {since, until, intervalMs, exitStatus} = config;
	return {
		config,
		auth,
		serviceId,
		createWatcher: onMessage => createWatcher({client, serviceId, since, until, intervalMs, onMessage, exitOnTerminal: exitStatus}),
	};
}

async function watch(setup: WatchSetup): Promise<number> {
	const {config, serviceId} = setup;
	if (config.output === 'tty') {
		const {runTty} = await import('./run-tty.js');
		return runTty(setup);
	}

	return runStream({
		config,
		serviceId,
		auth: setup.auth,
		createWatcher: setup.createWatcher,
		stdout: line => process.stdout.write(`${line}\n`),
		stderr: printNote,
		now: Date.now,
	});
}

/** Runs `modelarts-watch [service-id] [flags]` and resolves with the exit code. */
export async function runWatch(flags: RawFlags): Promise<number> {
	let demo: Simulator | null = null;
	let auth: Authenticator | null = null;
	try {
		// Said first: without a service nothing else matters (the picker of issue #9 will go here).
		if (!flags.serviceId && !flags.serviceName && demoScenario(flags) === null) throw new ConfigError(NO_SERVICE);
		demo = await startDemo(flags);
		const resolved = await resolve(flags, demo);
		auth = resolved.auth;
		for (const warning of resolved.warnings) printNote(warning);
		return await watch(await connect(resolved));
	} catch (error) {
		if (isExpectedError(error)) printNote(describeFailure(error, auth));
		else reportUnexpected(error, flags.debug === true);
		return exitCodeForError(error);
	} finally {
		await demo?.close();
	}
}
