// The part of the Config that flags and environment alone decide: plain value checks, no
// files, no credentials, no network. It is cheap to load, so the painted first frame
// (source/cli/first-frame.ts) draws from exactly the settings the watch then uses.
import {choiceMessage, FLAG_CHOICES} from './choices.js';
import {ConfigError} from './errors.js';
import {resolveAscii, resolveColor, resolveOutput} from './terminal.js';
import type {ApiChoice, Config, ConfigEnvironment, EventLanguage, Order, RawFlags, TimeZoneSetting, TypeFilter} from './types.js';
import {isValidTimeZone, parseDeployTimeout, parseInterval, parseMaxRate, parseResponseSize, parseSlowAfter, parseTimeout, parseTimePoint} from './values.js';

const ID_PATTERN = /^[\w-]{1,64}$/;

/** The Config without what needs clouds.yaml or the credential to decide. */
export type Settings = Omit<Config, 'endpoint' | 'projectId' | 'region'>;

/** Validates the flags that need nothing but the environment. Throws ConfigError (exit 2). */
export function resolveSettings(flags: RawFlags, environment: Pick<ConfigEnvironment, 'env' | 'stdoutIsTTY'>, now: number): Settings {
	const {env, stdoutIsTTY} = environment;
	const output = resolveOutput(flags, env, stdoutIsTTY);
	const since = parseTimePoint('since', flags.since, now);
	const until = parseTimePoint('until', flags.until, now);
	if (since !== null && until !== null && until <= since) {
		throw new ConfigError(`--until (${new Date(until).toISOString()}) must be after --since (${new Date(since).toISOString()}).`);
	}

	return {
		...resolveServiceSelection(flags),
		maxRate: parseMaxRate(flags.maxRate),
		intervalMs: parseInterval(flags.interval),
		typeFilter: choice('type', flags.type ?? 'all', FLAG_CHOICES.type) as TypeFilter,
		order: choice('order', flags.order ?? 'desc', FLAG_CHOICES.order) as Order,
		output,
		exitStatus: flags.exitStatus === true,
		once: flags.once === true,
		timeoutMs: parseTimeout(flags.timeout),
		since,
		until,
		color: resolveColor(flags, env, stdoutIsTTY, output),
		timeZone: resolveTimeZone(flags),
		ascii: resolveAscii(flags, env),
		notify: flags.notify !== false,
		lowBandwidth: flags.lowBandwidth === true,
		debug: flags.debug === true,
		maxResponseBytes: parseResponseSize(flags.maxResponseSize),
		slowThresholds: parseSlowAfter(flags.slowAfter),
		deployTimeoutMs: parseDeployTimeout(flags.deployTimeout),
		api: choice('api', flags.api ?? 'auto', FLAG_CHOICES.api) as ApiChoice,
		lang: choice('lang', flags.lang ?? 'en', FLAG_CHOICES.lang) as EventLanguage,
	};
}

/** A service or project id as given, or ConfigError naming where it came from. */
export function checkedId(origin: string, value: string | undefined): string | null {
	if (value === undefined) {
		return null;
	}

	if (!ID_PATTERN.test(value)) {
		throw new ConfigError(`${origin} ${JSON.stringify(value)} is not valid: use letters, digits, - and _ only.`);
	}

	return value;
}

/** `value` if it is one of `choices`, else ConfigError listing them. */
export function choice(flag: string, value: string, choices: readonly string[]): string {
	if (!choices.includes(value)) {
		throw new ConfigError(choiceMessage(flag, value, choices));
	}

	return value;
}

function resolveTimeZone(flags: RawFlags): TimeZoneSetting {
	if (flags.utc && flags.tz) {
		throw new ConfigError('--utc and --tz cannot be used together: pick one.');
	}

	if (flags.utc) {
		return {kind: 'utc'};
	}

	if (flags.tz === undefined) {
		return {kind: 'local'};
	}

	if (!isValidTimeZone(flags.tz)) {
		throw new ConfigError(`--tz ${JSON.stringify(flags.tz)} is not a time zone: use an IANA name such as Europe/Berlin, Asia/Shanghai or UTC.`);
	}

	return {kind: 'zone', name: flags.tz};
}

/** Which services a watch covers: one (by id or by name), several (ids and names, or --all), or none (the picker in a terminal). */
type ServiceSelection = Pick<Config, 'serviceId' | 'serviceName' | 'many' | 'waitForService'>;

const once = (values: readonly string[]): string[] => [...new Set(values)];

/** The selection the flags make; naming the same service twice watches it once. */
function resolveServiceSelection(flags: RawFlags): ServiceSelection {
	const ids = once((flags.serviceIds ?? []).map(id => checkedId('service id', id)!));
	const names = once((flags.serviceName ?? []).map(name => name.trim()).filter(name => name !== ''));
	const all = flags.all === true;
	const includeRunning = flags.includeRunning === true;
	if (includeRunning && !all) {
		throw new ConfigError('--include-running goes with --all: it adds the running services to those --all takes.');
	}

	if (all && ids.length + names.length > 0) {
		throw new ConfigError('--all takes every service in progress: leave out the service ids and --service-name, or drop --all.');
	}

	const waitForService = flags.waitForService === true;
	if (waitForService && (names.length !== 1 || ids.length > 0 || all)) {
		throw new ConfigError('--wait-for-service waits for one service named by --service-name NAME (and no service ids or --all).');
	}

	if (all || ids.length + names.length > 1) return {serviceId: null, serviceName: null, many: {ids, names, all, includeRunning}, waitForService};
	return {serviceId: ids[0] ?? null, serviceName: names[0] ?? null, many: null, waitForService};
}
