// A small IAM for the simulator: password logins that issue project-scoped tokens with a
// configurable lifetime, project look-up by name, revocation. Mounted as an extra route on
// the simulator so one server plays both ModelArts and IAM ({sim.url}/v3).
import {randomBytes} from 'node:crypto';
import type {IncomingMessage} from 'node:http';
import type {SimAccessKey} from './auth-check.js';
import {verifySignature} from './auth-check.js';
import type {SimResponse} from './http-util.js';
import {json, send} from './http-util.js';
import type {SimRoute} from './responder.js';

export interface SimIamUser {
	readonly name: string;
	readonly password: string;
	readonly domain: string;
}

export interface SimIamOptions {
	readonly users: readonly SimIamUser[];
	readonly tokenTtlMs: number;
	readonly projects: ReadonlyArray<{readonly id: string; readonly name: string}>;
	/** Accepted for GET /v3/projects, signed like ModelArts calls. */
	readonly aksk?: SimAccessKey;
	readonly now?: () => number;
}

/** The route plus the token book, for createSimAuth({tokens}) and for tests. */
export interface SimIam {
	readonly route: SimRoute;
	isValidToken(token: string): boolean;
	/** Valid, unknown (false) or expired: plugs into createSimAuth({tokens: iam.tokenState}). */
	tokenState(token: string): boolean | 'expired';
	revoke(token: string): void;
	/** Successful password logins so far. */
	readonly logins: number;
}

interface Issued {
	readonly expiresAt: number;
	revoked: boolean;
}

const unauthorized = (message: string): SimResponse => json(401, {error: {code: 401, title: 'Unauthorized', message}});

export function createIamRoutes(options: SimIamOptions): SimIam {
	const now = options.now ?? Date.now;
	const tokens = new Map<string, Issued>();
	let logins = 0;

	const tokenState = (token: string): boolean | 'expired' => {
		const issued = tokens.get(token);
		if (!issued || issued.revoked) {
			return false;
		}

		return now() < issued.expiresAt ? true : 'expired';
	};

	const login = (body: string): SimResponse => {
		const request = parseJson(body) as LoginBody | null;
		const user = request?.auth?.identity?.password?.user;
		const scope = request?.auth?.scope?.project;
		const known = options.users.find(
			candidate => candidate.name === user?.name && candidate.password === user?.password && candidate.domain === user?.domain?.name,
		);
		if (!known) {
			return unauthorized('The username or password is wrong.');
		}

		const project = options.projects.find(candidate => candidate.name === scope?.name || candidate.id === scope?.id);
		if (!project) {
			return json(400, {error: {code: 400, title: 'Bad Request', message: 'The project does not exist.'}});
		}

		const token = `MIIsim${randomBytes(24).toString('hex')}`;
		const issuedAt = now();
		tokens.set(token, {expiresAt: issuedAt + options.tokenTtlMs, revoked: false});
		logins++;
		const expiresAt = new Date(issuedAt + options.tokenTtlMs).toISOString();
		return json(
			201,
			{token: {expires_at: expiresAt, issued_at: new Date(issuedAt).toISOString(), methods: ['password'], project: {id: project.id, name: project.name}, user: {name: known.name, domain: {name: known.domain}}}},
			{'X-Subject-Token': token},
		);
	};

	const projects = (req: IncomingMessage, url: URL, body: string): SimResponse => {
		const headers = flat(req);
		const token = headers['x-auth-token'];
		const allowed = token
			? tokenState(token) === true
			: options.aksk !== undefined && verifySignature({method: req.method ?? 'GET', url, headers, body}, options.aksk, now());
		if (!allowed) {
			return unauthorized('The request you have made requires authentication.');
		}

		const name = url.searchParams.get('name');
		return json(200, {projects: options.projects.filter(project => name === null || project.name === name)});
	};

	const route: SimRoute = (req, res, body) => {
		const url = new URL(req.url ?? '/', 'http://simulator.local');
		if (req.method === 'POST' && url.pathname === '/v3/auth/tokens') {
			send(res, login(body));
			return true;
		}

		if (req.method === 'GET' && url.pathname === '/v3/projects') {
			send(res, projects(req, url, body));
			return true;
		}

		return false;
	};

	return {
		route,
		isValidToken: token => tokenState(token) === true,
		tokenState,
		revoke(token) {
			const issued = tokens.get(token);
			if (issued) {
				issued.revoked = true;
			}
		},
		get logins() {
			return logins;
		},
	};
}

interface LoginBody {
	auth?: {
		identity?: {password?: {user?: {name?: string; password?: string; domain?: {name?: string}}}};
		scope?: {project?: {name?: string; id?: string}};
	};
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return null;
	}
}

function flat(req: IncomingMessage): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(req.headers)) {
		if (value !== undefined) {
			headers[name] = Array.isArray(value) ? value.join(', ') : value;
		}
	}

	return headers;
}
