// The embedded ModelArts simulator: a real node:http server on localhost that serves the
// services list and each service's details, events, monitor and update logs as
// modelarts-api.md describes them, and the models and dedicated pools behind them as
// modelarts-api-evidence.md does, replaying one or more scenarios (one service each, in
// one project) in compressed real time. `--demo` and every layer's tests use it.
//
// Time: scenario time starts at t0 (when the server listens, or at the first good API
// request with clockStart 'first-request') and runs `speed` times faster than `now()`. A
// step due at scenario time `after` is released once now() >= t0 + after/speed, and its
// events carry occur_time = t0 + round(after/speed): the real clock at which they appear,
// so event times never lie in the client's future. History events sit `ago` ms before t0,
// and an auto-stop delay runs on the real clock too (neither is compressed).
import {createServer} from 'node:http';
import type {Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import type {ApiEvent} from '../core/types.js';
import type {DenyPlan} from './endpoints/deny.js';
import type {FaultPlan} from './endpoints/faults.js';
import {FaultInjector} from './endpoints/faults.js';
import type {SimProject, WatchedService} from './project.js';
import {projectOf} from './project.js';
import type {Scenario, StatusPatch} from './scenarios/types.js';
import {DEFAULT_SCENARIO, findScenario, SCENARIO_NAMES} from './scenarios/registry.js';
import {Responder} from './endpoints/responder.js';
import {checkScript} from './service-state.js';
import type {SimAuth, SimRequestLog, SimRoute} from './endpoints/responder.js';
import {World} from './world.js';

export type {DenyPlan} from './endpoints/deny.js';
export type {FaultKind, FaultPlan} from './endpoints/faults.js';
export type {WatchedService} from './project.js';
export type {SimAuth, SimRequestLog, SimRoute} from './endpoints/responder.js';
export type {ServiceEndpoint} from './endpoints/routes.js';

/** How to start a simulator; every field has a default. */
export interface SimulatorOptions {
	/** Scenario name (see SCENARIO_NAMES); default 'success'. */
	readonly scenario?: string;
	/** Several scenarios at once, one watched service each, in one project (instead of `scenario`). */
	readonly scenarios?: readonly string[];
	readonly host?: string;
	/** 0 (default) picks an ephemeral port. */
	readonly port?: number;
	/** What `offset` means on list endpoints; default 'page'. */
	readonly offsetMode?: 'page' | 'record';
	/** Scenario time runs this many times faster than real time; default 1 (a demo lasts 30–60 s). */
	readonly speed?: number;
	/** The accepted X-Auth-Token; default 'demo-token'. */
	readonly token?: string;
	readonly projectId?: string;
	/** Clock injection for tests; default Date.now. */
	readonly now?: () => number;
	/** When scenario time starts: when the server listens (default) or at the first API request. */
	readonly clockStart?: 'listen' | 'first-request';
	readonly faults?: FaultPlan;
	/** Endpoints that refuse every request with 403 or 404. */
	readonly deny?: DenyPlan;
	/** Replaces the X-Auth-Token check (AK/SK signatures, IAM tokens). */
	readonly auth?: SimAuth;
	/** Extra routes tried before the ModelArts API, e.g. IAM. */
	readonly routes?: readonly SimRoute[];
}

/** A running simulator. */
export interface Simulator {
	/** http://HOST:PORT, no trailing slash. */
	readonly url: string;
	readonly projectId: string;
	/** The first scenario's service: the one to watch. */
	readonly serviceId: string;
	/** Every watched service, one per scenario, in the order given. */
	readonly services: readonly WatchedService[];
	readonly token: string;
	/** The first scenario's name. */
	readonly scenario: string;
	/** Appends events to a service now (they are sorted in by occur_time). */
	addEvents(serviceId: string, events: readonly ApiEvent[]): void;
	/** Changes a service's details now; a status change moves transition_at. */
	setService(serviceId: string, patch: StatusPatch): void;
	/** Replaces the fault plan (undefined = no faults) for the requests to come. */
	setFaults(plan: FaultPlan | undefined): void;
	/** Every request answered so far, oldest first. */
	readonly requests: readonly SimRequestLog[];
	close(): Promise<void>;
}

export const DEFAULT_TOKEN = 'demo-token';
export const DEFAULT_PROJECT_ID = '0c9b8a7f6e5d4c3b2a1f0e9d8c7b6a55';

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			server.off('error', reject);
			resolve(server.address() as AddressInfo);
		});
	});
}

function validSpeed(speed: number): number {
	if (!Number.isFinite(speed) || speed <= 0) throw new RangeError(`speed must be a positive number, got ${speed}`);
	return speed;
}

function scenarioNamed(name: string): Scenario {
	const scenario = findScenario(name);
	if (!scenario) throw new Error(`Unknown scenario "${name}". Known: ${SCENARIO_NAMES.join(', ')}`);
	return scenario;
}

function projectFor(options: SimulatorOptions): SimProject {
	if (options.scenario !== undefined && options.scenarios !== undefined) throw new Error('Give scenario or scenarios, not both');
	const [first, ...rest] = options.scenarios ?? [options.scenario ?? DEFAULT_SCENARIO];
	if (first === undefined) throw new Error('scenarios is empty: name at least one scenario');
	return projectOf([scenarioNamed(first), ...rest.map(scenarioNamed)]);
}

/** Starts a simulator; rejects on an unknown scenario, a bad speed, or a port in use. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
	const project = projectFor(options);
	const speed = validSpeed(options.speed ?? 1);
	const now = options.now ?? Date.now;
	const projectId = options.projectId ?? DEFAULT_PROJECT_ID;
	const token = options.token ?? DEFAULT_TOKEN;
	// A scenario the simulator cannot serve fails here rather than on a request.
	for (const script of project.services) checkScript(script);
	let world: World | null = null;
	const worldNow = (): World => {
		world ??= new World(project.services, projectId, now(), speed);
		world.advance(now());
		return world;
	};
	const responder = new Responder({
		projectId,
		offsetMode: options.offsetMode ?? 'page',
		auth: options.auth ?? tokenAuth(token),
		faults: new FaultInjector(options.faults),
		deny: options.deny ?? {},
		routes: options.routes ?? [],
		world: worldNow,
		now,
	});
	const server = createServer((req, res) => responder.handle(req, res));
	const host = options.host ?? '127.0.0.1';
	const address = await listen(server, options.port ?? 0, host);
	if ((options.clockStart ?? 'listen') === 'listen') worldNow();
	const serviceOf = (id: string) => {
		const service = worldNow().service(id);
		if (!service) throw new Error(`No service ${id} in the simulated project`);
		return service;
	};
	return {
		url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`,
		projectId,
		serviceId: project.watched[0].id,
		services: project.watched,
		token,
		scenario: project.watched[0].scenario,
		addEvents: (id, events) => serviceOf(id).insert(events),
		setService: (id, patch) => serviceOf(id).patch(patch, now()),
		setFaults: (plan) => responder.setFaults(new FaultInjector(plan)),
		get requests() {
			return responder.log;
		},
		close: () => responder.close(server),
	};
}

/** The default credential check: the X-Auth-Token header against one accepted token. */
function tokenAuth(token: string): SimAuth {
	return {
		check({headers}) {
			const sent = headers['x-auth-token'];
			if (sent === undefined || sent === '') {
				return {ok: false, status: 401, body: {error_code: 'ModelArts.0201', error_msg: 'The request has no token. Add X-Auth-Token to the header.'}};
			}
			if (sent !== token) return {ok: false, status: 401, body: {error_code: 'ModelArts.0203', error_msg: 'Invalid token.'}};
			return {ok: true};
		},
	};
}
