import meow from 'meow';
import type {RawFlags} from '../config/types.js';
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

const string = {type: 'string'} as const;
const boolean = {type: 'boolean'} as const;

const watchFlags = {
	endpoint: string,
	region: string,
	projectId: string,
	serviceName: string,
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
	demo: string,
	demoDeny: string,
	auth: string,
	tokenFile: string,
	cloud: string,
	caFile: string,
	insecure: boolean,
	help: {type: 'boolean', shortFlag: 'h'},
	version: boolean,
} as const;

const simulateFlags = {
	port: string,
	scenario: {type: 'string', isMultiple: true},
	offsetMode: string,
	speed: string,
	deny: string,
	help: {type: 'boolean', shortFlag: 'h'},
} as const;

/**
 * `--demo` takes an optional value, which meow cannot express. Rewrite it to `--demo=VALUE`
 * before parsing: the next word is the scenario only when it names one, so
 * `--demo <service-id>` keeps the service id as the positional argument.
 */
export function normalizeDemoFlag(argv: readonly string[], scenarioNames: readonly string[]): string[] {
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

		const next = argv[index + 1];
		if (next !== undefined && scenarioNames.includes(next)) {
			out.push(`--demo=${next}`);
			index++;
		} else {
			out.push('--demo=');
		}
	}

	return out;
}

function definedOnly<T extends object>(record: T): Partial<T> {
	return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function parseSimulate(argv: readonly string[], description: string): Command {
	const unknown = unknownFlagMessage(argv, simulateFlags);
	if (unknown !== null) return {kind: 'usage-error', message: unknown};
	const cli = meow({
		importMeta: import.meta,
		argv,
		pkg: {},
		description,
		flags: simulateFlags,
		autoHelp: false,
		autoVersion: false,
		allowUnknownFlags: false,
		booleanDefault: undefined,
	});
	if (cli.flags.help) return {kind: 'help'};
	const {help: _help, ...flags} = cli.flags;
	return {kind: 'simulate', flags: definedOnly(flags)};
}

/**
 * Parses the command line. An unknown flag is a usage error that names it and the flag it
 * most likely meant (exit 2), before anything else runs.
 */
export function parseCommandLine(argv: readonly string[], scenarioNames: readonly string[], description: string): Command {
	if (argv[0] === 'simulate') return parseSimulate(argv.slice(1), description);

	const normalized = normalizeDemoFlag(argv, scenarioNames);
	const unknown = unknownFlagMessage(normalized, watchFlags);
	if (unknown !== null) return {kind: 'usage-error', message: unknown};
	const cli = meow({
		importMeta: import.meta,
		argv: normalized,
		pkg: {},
		description,
		flags: watchFlags,
		autoHelp: false,
		autoVersion: false,
		allowUnknownFlags: false,
		booleanDefault: undefined,
	});
	if (cli.flags.help) return {kind: 'help'};
	if (cli.flags.version) return {kind: 'version'};

	if (cli.input.length > 1) {
		return {kind: 'usage-error', message: `expected one service id, got ${cli.input.length}: ${cli.input.join(' ')}`};
	}

	const {help: _help, version: _version, demo, ...rest} = cli.flags;
	const flags: RawFlags = {
		...definedOnly(rest),
		...(demo === undefined ? {} : {demo: demo === '' ? true : demo}),
		...(cli.input[0] === undefined ? {} : {serviceId: cli.input[0]}),
	};
	return {kind: 'watch', flags};
}
