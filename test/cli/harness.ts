// Runs the built CLI as a user would: a child process with stdin on /dev/null, a clean
// environment (no cloud credentials or colour settings from the machine running the tests).
import {spawn, type ChildProcess} from 'node:child_process';
import {existsSync, mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {TEST_NODE} from '../fixtures/test-node.js';

export const CLI = path.resolve('dist/cli.js');

export function assertBuilt(): void {
	if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first.`);
}

const HOME = mkdtempSync(path.join(tmpdir(), 'mw-home-'));
const DROPPED = /^(OS_|HUAWEICLOUD_|MODELARTS_|CI$|NO_COLOR$|FORCE_COLOR$|TERM$|HTTPS?_PROXY$|https?_proxy$)/;

/** The parent's environment without anything that would change what the CLI does. */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
	const env: Record<string, string> = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (value !== undefined && !DROPPED.test(key)) env[key] = value;
	}

	return {...env, HOME, TZ: 'UTC', ...extra};
}

export interface CliResult {
	readonly code: number | null;
	readonly stdout: string;
	readonly stderr: string;
}

export interface RunOptions {
	readonly env?: Record<string, string>;
	/** Called once with the child, e.g. to send a signal when some output appeared. */
	readonly onStart?: (child: ChildProcess, output: {readonly stdout: () => string; readonly stderr: () => string}) => void;
}

export function spawnCli(args: readonly string[], env: Record<string, string>): ChildProcess {
	return spawn(TEST_NODE, [CLI, ...args], {env, stdio: ['ignore', 'pipe', 'pipe']});
}

/** Runs the CLI to its end; a bounded overall limit comes from the test timeout. */
export function runCli(args: readonly string[], options: RunOptions = {}): Promise<CliResult> {
	const child = spawnCli(args, cleanEnv(options.env));
	let stdout = '';
	let stderr = '';
	child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
	child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
	options.onStart?.(child, {stdout: () => stdout, stderr: () => stderr});
	return new Promise((resolve, reject) => {
		child.once('error', reject);
		child.once('close', code => resolve({code, stdout, stderr}));
	});
}

/** Resolves once `check` holds, polling every 20 ms (bounded by the test timeout). */
export async function waitFor(check: () => boolean): Promise<void> {
	while (!check()) await new Promise(resolve => setTimeout(resolve, 20));
}

/** NDJSON lines as objects. */
export function records(stdout: string): Array<Record<string, unknown>> {
	return stdout
		.split('\n')
		.filter(line => line !== '')
		.map(line => JSON.parse(line) as Record<string, unknown>);
}
