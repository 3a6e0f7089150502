// Shape validation of the monitor answer (modelarts-api.md §7). Every field is optional: the
// documented example itself leaves out the instance counts. What was sent but unusable is
// left out and named in `problems`, the way the events validator reports drops.
import type {ModelMonitor, ServiceMonitor} from '../types.js';
import {describeDrops, isObject, pickCounting, readAmount, readCount, readString} from './coerce.js';
import {counted} from '../words/plural.js';

export interface MonitorPayload {
	readonly monitor: ServiceMonitor;
	readonly problems: string[];
}

const COUNT_FIELDS = {model_running_instance_count: readCount, model_instance_count: readCount} as const;

/** The fields of a monitor entry that hold an amount: cores, MB or devices, used and total. */
export const MONITOR_AMOUNT_FIELDS = [
	'cpu_core_usage',
	'cpu_core_total',
	'cpu_memory_usage',
	'cpu_memory_total',
	'gpu_usage',
	'gpu_total',
	'gpu_memory_usage',
	'gpu_memory_total',
	'npu_usage',
	'npu_total',
	'npu_memory_usage',
	'npu_memory_total',
] as const satisfies readonly (keyof ModelMonitor)[];

export type MonitorAmountField = (typeof MONITOR_AMOUNT_FIELDS)[number];

const AMOUNT_FIELDS = Object.fromEntries(MONITOR_AMOUNT_FIELDS.map((field) => [field, readAmount]));

const MODEL_FIELDS = {
	model_id: readString,
	model_name: readString,
	model_version: readString,
	node_id: readString,
	...COUNT_FIELDS,
	...AMOUNT_FIELDS,
};

/** Validate `GET …/monitor`: `monitors` null or absent reads as none; entries that are not objects are dropped. */
export function validateMonitorPayload(json: unknown): MonitorPayload {
	if (!isObject(json)) return {monitor: {monitors: []}, problems: ['response is not a JSON object']};
	const problems: string[] = [];
	const unusable = new Map<string, number>();
	const service = pickCounting<ServiceMonitor>(
		json,
		{service_running_instance_count: readCount, service_instance_count: readCount},
		unusable,
	);

	const rawMonitors = json.monitors ?? [];
	if (!Array.isArray(rawMonitors)) problems.push('monitors is not an array');
	const monitors: ModelMonitor[] = [];
	let dropped = 0;
	for (const raw of Array.isArray(rawMonitors) ? rawMonitors : []) {
		if (isObject(raw)) monitors.push(pickCounting<ModelMonitor>(raw, MODEL_FIELDS, unusable));
		else dropped++;
	}

	if (dropped > 0) problems.push(`${counted(dropped, 'monitors entry', 'monitors entries')} dropped (not an object)`);
	problems.push(...describeDrops('monitor field', unusable));
	return {monitor: {...service, monitors}, problems};
}
