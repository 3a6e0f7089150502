// Instances and resource use from the monitor answer (modelarts-api.md §7), attributed to
// the deployment's model tracks. The events stay the source of truth for phases: nothing
// here moves one. Every count may be missing (the documented example has none), so every
// number is nullable and "unknown" is never shown as 0.
import type {ModelMonitor, ServiceModelConfig, ServiceMonitor} from '../types.js';
import {modelLabel} from '../events/model-label.js';
import type {MonitorAmountField} from '../wire/validate-monitor.js';

/** Used of total, in the API's unit (cores, MB, devices). */
export interface Amount {
	readonly used: number;
	readonly total: number;
}

/** Per model, summed over its entries (one per edge node); null where unknown or not allocated. */
export interface ResourceUse {
	readonly cpu: Amount | null;
	readonly memoryMb: Amount | null;
	readonly gpu: Amount | null;
	readonly gpuMemoryMb: Amount | null;
	readonly npu: Amount | null;
	readonly npuMemoryMb: Amount | null;
}

export interface ModelInstances {
	/** The matching track's model (`"<name> <version>"`); otherwise the entry's own name, or its model_id. */
	readonly model: string;
	readonly running: number | null;
	readonly total: number | null;
	readonly resources: ResourceUse;
}

export interface ServiceInstances {
	readonly running: number | null;
	readonly total: number | null;
	/** Models in track order, then any the tracks do not name. */
	readonly models: readonly ModelInstances[];
}

/** The running/total pair every wording and record reads. */
export type InstanceCounts = Pick<ServiceInstances, 'running' | 'total'>;

const configLabel = (entry: ServiceModelConfig): string | null => modelLabel(entry.model_name, entry.model_version);

/** Which model an entry is about: by name and version, then model_id via config[], then name alone. */
function labelOf(entry: ModelMonitor, tracks: readonly string[], config: readonly ServiceModelConfig[]): string {
	const exact = entry.model_version ? modelLabel(entry.model_name, entry.model_version) : null;
	const configured = entry.model_id ? config.find((c) => c.model_id === entry.model_id) : undefined;
	const known = exact ?? (configured ? configLabel(configured) : null);
	if (known) return known;
	if (entry.model_name) {
		const named = tracks.filter((track) => track.startsWith(`${entry.model_name} `));
		return named.length === 1 ? named[0]! : entry.model_name;
	}
	if (tracks.length === 1) return tracks[0]!;
	return entry.model_id ?? 'model';
}

/** The sum of the known values, or null when none is known. */
function sumKnown(values: readonly (number | undefined)[]): number | null {
	const known = values.filter((value): value is number => value !== undefined);
	return known.length === 0 ? null : known.reduce((sum, value) => sum + value, 0);
}

function amountOf(entries: readonly ModelMonitor[], usedField: MonitorAmountField, totalField: MonitorAmountField): Amount | null {
	const used = sumKnown(entries.map((entry) => entry[usedField]));
	const total = sumKnown(entries.map((entry) => entry[totalField]));
	// A CPU-only model reports 0 of 0 GPUs: nothing to show, not "0/0".
	if (used === null || total === null || (used === 0 && total === 0)) return null;
	return {used, total};
}

function modelInstances(model: string, entries: readonly ModelMonitor[], config: readonly ServiceModelConfig[]): ModelInstances {
	// The monitor may leave the total out; the details' config[] says how many were asked for.
	const configured = config.find((entry) => configLabel(entry) === model)?.instance_count;
	return {
		model,
		running: sumKnown(entries.map((entry) => entry.model_running_instance_count)),
		total: sumKnown(entries.map((entry) => entry.model_instance_count)) ?? configured ?? null,
		resources: {
			cpu: amountOf(entries, 'cpu_core_usage', 'cpu_core_total'),
			memoryMb: amountOf(entries, 'cpu_memory_usage', 'cpu_memory_total'),
			gpu: amountOf(entries, 'gpu_usage', 'gpu_total'),
			gpuMemoryMb: amountOf(entries, 'gpu_memory_usage', 'gpu_memory_total'),
			npu: amountOf(entries, 'npu_usage', 'npu_total'),
			npuMemoryMb: amountOf(entries, 'npu_memory_usage', 'npu_memory_total'),
		},
	};
}

/** A total from the models, only when every model knows its part. */
function totalOf(models: readonly ModelInstances[], field: 'running' | 'total'): number | null {
	if (models.length === 0 || models.some((model) => model[field] === null)) return null;
	return models.reduce((sum, model) => sum + (model[field] ?? 0), 0);
}

/**
 * The monitor answer attributed to the tracks (`DeploymentProgress.tracks[].model`); a null
 * track model (events that never name one) matches when the service has one model.
 */
export function serviceInstances(monitor: ServiceMonitor, trackModels: readonly (string | null)[], config: readonly ServiceModelConfig[] = []): ServiceInstances {
	const tracks = trackModels.filter((model): model is string => model !== null);
	const groups = new Map<string, ModelMonitor[]>(tracks.map((track) => [track, []]));
	for (const entry of monitor.monitors) {
		const label = labelOf(entry, tracks, config);
		const group = groups.get(label);
		if (group) group.push(entry);
		else groups.set(label, [entry]);
	}

	const models = [...groups].filter(([, entries]) => entries.length > 0).map(([model, entries]) => modelInstances(model, entries, config));
	return {
		running: monitor.service_running_instance_count ?? totalOf(models, 'running'),
		total: monitor.service_instance_count ?? totalOf(models, 'total'),
		models,
	};
}

/** The instances of one track: by its model, or the only model when the track has none. */
export function trackInstances(instances: ServiceInstances, trackModel: string | null): ModelInstances | null {
	if (trackModel === null) return instances.models.length === 1 ? instances.models[0]! : null;
	return instances.models.find((model) => model.model === trackModel) ?? null;
}

/** True when the counts a record or a line would report differ (resource use aside). */
export function instanceCountsChanged(previous: ServiceInstances | null, next: ServiceInstances | null): boolean {
	return countsKey(previous) !== countsKey(next);
}

function countsKey(instances: ServiceInstances | null): string {
	if (instances === null) return '';
	const models = instances.models.filter((model) => model.running !== null || model.total !== null);
	if (instances.running === null && instances.total === null && models.length === 0) return '';
	return JSON.stringify([instances.running, instances.total, models.map((model) => [model.model, model.running, model.total])]);
}

/** True when some model reports a resource it was allocated (what the resource line shows). */
export function hasResourceUse(instances: ServiceInstances): boolean {
	return instances.models.some((model) => Object.values(model.resources).some((amount) => amount !== null));
}
