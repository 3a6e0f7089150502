import type {RawFlags} from '../config/types.js';
import {readFlags, type FlagSpec, type ReadFlags} from './read-flags.js';
import {unknownFlagMessage} from './unknown-flag.js';

/** What the command line asks for. Values stay raw: source/config/ validates them. */
export type Command =
	| {readonly kind: 'help'}
	| {readonly kind: 'version'}
	| {readonly kind: 'usage-error'; readonly message: string}
	| {readonly kind: 'watch'; readonly flags: RawFlags}
	| {readonly kind: 'simulate'; readonly flags: SimulateFlags};

/** Options of `modelarts-watch simulate`, unvalidated. */
export interface SimulateFlags {
	readonly port?: string;
	/** Each --scenario given; a value may hold several names separated by commas. */
	readonly scenario?: readonly string[];
	readonly offsetMode?: string;
	readonly speed?: string;
	readonly deny?: string;
}

const string: FlagSpec = {type: 'string'};
const boolean: FlagSpec = {type: 'boolean'};

const watchFlags: Readonly<Record<string, FlagSpec>> = {
	endpoint: string,
	region: string,
	projectId: string,
	serviceName: {type: 'string', multiple: true},
	all: boolean,
	includeRunning: boolean,
	waitForService: boolean,
	maxRate: string,
	interval: string,
	type: string,
	order: string,
	output: string,
	json: boolean,
	exitStatus: boolean,
	once: boolean,
	timeout: string,
	since: string,
	until: string,
	color: boolean,
	utc: boolean,
	tz: string,
	ascii: boolean,
	notify: boolean,
	lowBandwidth: boolean,
	debug: boolean,
	// normalizeDemoFlag writes a bare --demo as `--demo=`.
	demo: {type: 'string', emptyAllowed: true},
	demoDeny: string,
	auth: string,
	tokenFile: string,
	cloud: string,
	caFile: string,
	insecure: boolean,
	allowHttp: boolean,
	maxResponseSize: string,
	slowAfter: string,
	deployTimeout: string,
	api: string,
	lang: string,
	help: {type: 'boolean', shortFlag: 'h'},
	version: boolean,
};

const simulateFlags: Readonly<Record<string, FlagSpec>> = {
	port: string,
	scenario: {type: 'string', multiple: true},
	offsetMode: string,
	speed: string,
	deny: string,
	help: {type: 'boolean', shortFlag: 'h'},
};

/**
 * `--demo` takes optional values, which a flag table cannot express. Rewrite it to
 * `--demo=A,B` before parsing: the words after it are scenarios only while they name one
 * (or several, joined by commas); any other word stays a positional argument (which the
 * demo then refuses by name, as a scenario mistyped).
 */
export function normalizeDemoFlag(argv: readonly string[], scenarioNames: readonly string[]): string[] {
	const namesScenarios = (word: string | undefined) => word !== undefined && word.split(',').every(name => scenarioNames.includes(name));
	const out: string[] = [];
	for (let index = 0; index < argv.length; index++) {
		const word = argv[index]!;
		if (word === '--') {
			out.push(...argv.slice(index));
			break;
		}

		if (word !== '--demo') {
			out.push(word);
			continue;
		}

		const scenarios: string[] = [];
		while (namesScenarios(argv[index + 1])) scenarios.push(argv[++index]!);
		out.push(`--demo=${scenarios.join(',')}`);
	}

	return out;
}

/** A read that failed, in our words: an unknown flag names the real flag it most likely meant. */
function usageError(read: Extract<ReadFlags, {ok: false}>, table: Readonly<Record<string, FlagSpec>>): Command {
	return {kind: 'usage-error', message: read.unknown === undefined ? read.message : unknownFlagMessage(read.unknown, table)};
}

function parseSimulate(argv: readonly string[]): Command {
	const read = readFlags(argv, simulateFlags);
	if (!read.ok) return usageError(read, simulateFlags);
	const {help, ...flags} = read.flags;
	if (help === true) return {kind: 'help'};
	return {kind: 'simulate', flags: flags as SimulateFlags};
}

/**
 * Parses the command line. Unknown flags (named with the flag they most likely meant) and
 * flags without their value are usage errors (exit code 2), reported before anything else runs.
 */
export function parseCommandLine(argv: readonly string[], scenarioNames: readonly string[]): Command {
	if (argv[0] === 'simulate') return parseSimulate(argv.slice(1));

	const read = readFlags(normalizeDemoFlag(argv, scenarioNames), watchFlags);
	if (!read.ok) return usageError(read, watchFlags);
	const {help, version, demo, ...rest} = read.flags;
	if (help === true) return {kind: 'help'};
	if (version === true) return {kind: 'version'};

	const flags: RawFlags = {
		...(rest as Omit<RawFlags, 'demo' | 'serviceIds'>),
		...(typeof demo === 'string' ? {demo: demo === '' ? true : demo} : {}),
		...(read.input.length === 0 ? {} : {serviceIds: read.input}),
	};
	return {kind: 'watch', flags};
}
