// Which services a watch covers: one (by id or by name), several (ids and names, or --all),
// or none (the picker in a terminal). Checked here; names and --all are looked up in the
// project's list when the watch starts.
import {ConfigError} from './errors.js';
import type {Config, RawFlags} from './types.js';
import {checkedId} from './values.js';

export type ServiceSelection = Pick<Config, 'serviceId' | 'serviceName' | 'many'>;

const once = (values: readonly string[]): string[] => [...new Set(values)];

/** The selection the flags make; naming the same service twice watches it once. */
export function resolveServiceSelection(flags: RawFlags): ServiceSelection {
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

	if (all || ids.length + names.length > 1) return {serviceId: null, serviceName: null, many: {ids, names, all, includeRunning}};
	return {serviceId: ids[0] ?? null, serviceName: names[0] ?? null, many: null};
}
