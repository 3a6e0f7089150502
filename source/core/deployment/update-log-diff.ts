// What the newest update record changes (modelarts-api.md §8), model by model. A model is
// known by its name, since an update to a new version also brings a new model_id; a record
// that names a model only by model_id is matched through the details' config[], or by id.
// Environment variables are compared by fingerprint and reported by name only.
import type {CustomSpec, EnvFingerprints, ServiceModelConfig, UpdateLogModel, UpdateLogRecord} from '../types.js';

/** The fields an update can change, in the order they are shown. */
export const UPDATE_FIELDS = ['model_version', 'specification', 'custom_spec', 'instance_count', 'weight', 'envs', 'cluster_id'] as const;

export type UpdateField = (typeof UPDATE_FIELDS)[number];

/** Names only: the values may be secrets and are never known here. */
export interface EnvNameChanges {
	readonly added: readonly string[];
	readonly removed: readonly string[];
	readonly changed: readonly string[];
}

/** A field's value; `envs` is the sorted list of variable names. Null when not set. */
export type UpdateValue = string | number | CustomSpec | readonly string[] | null;

export interface UpdateChange {
	/** The model's name (its model_id when it has none); null for the service's own dedicated pool. */
	readonly model: string | null;
	readonly field: UpdateField;
	readonly from: UpdateValue;
	readonly to: UpdateValue;
	/** For `envs`: which names came, went, or kept their name with a new value. */
	readonly envs?: EnvNameChanges;
}

export interface ModelPresence {
	readonly model: string;
	/** The version in the newest record (in the earlier one for a removed model). */
	readonly version: string | null;
	readonly presence: 'added' | 'removed' | 'kept';
}

export interface UpdateDiff {
	readonly updateTime: number;
	/** `SUCCESS`, `FAIL`, `RUNNING` as the server sent it, or null. */
	readonly result: string | null;
	/** The record compared against; null when there is none (the changes say what it deploys). */
	readonly previousTime: number | null;
	/** The newest record's models in its order, then the models it removed. */
	readonly models: readonly ModelPresence[];
	readonly changes: readonly UpdateChange[];
}

const isSuccess = (result: string | undefined): boolean => result?.trim().toUpperCase() === 'SUCCESS';

/**
 * The record to compare against: the latest earlier one that succeeded (a failed update
 * was rolled back, so what ran before is the last success), else the one just before.
 */
function baseline(sorted: readonly UpdateLogRecord[]): UpdateLogRecord | null {
	const earlier = sorted.slice(1);
	return earlier.find((record) => isSuccess(record.result)) ?? earlier[0] ?? null;
}

function keyed(record: UpdateLogRecord | null, config: readonly ServiceModelConfig[]): Map<string, UpdateLogModel> {
	const models = new Map<string, UpdateLogModel>();
	for (const [index, model] of (record?.config ?? []).entries()) {
		const configured = model.model_id ? config.find((entry) => entry.model_id === model.model_id)?.model_name : undefined;
		models.set(model.model_name ?? configured ?? model.model_id ?? `model ${index + 1}`, model);
	}
	return models;
}

function envNames(envs: EnvFingerprints | undefined): string[] {
	return Object.keys(envs ?? {}).sort();
}

function envChanges(from: EnvFingerprints | undefined, to: EnvFingerprints | undefined): EnvNameChanges {
	const before = from ?? {};
	const after = to ?? {};
	return {
		added: envNames(after).filter((name) => !(name in before)),
		removed: envNames(before).filter((name) => !(name in after)),
		changed: envNames(after).filter((name) => name in before && before[name] !== after[name]),
	};
}

function sameSpec(a: CustomSpec | undefined, b: CustomSpec | undefined): boolean {
	return a?.cpu === b?.cpu && a?.memory === b?.memory && a?.gpu_p4 === b?.gpu_p4;
}

function modelChanges(model: string, from: UpdateLogModel | undefined, to: UpdateLogModel | undefined): UpdateChange[] {
	const changes: UpdateChange[] = [];
	for (const field of UPDATE_FIELDS) {
		if (field === 'envs') {
			const envs = envChanges(from?.envs, to?.envs);
			if (envs.added.length + envs.removed.length + envs.changed.length > 0) {
				changes.push({model, field, from: envNames(from?.envs), to: envNames(to?.envs), envs});
			}
		} else if (field === 'custom_spec') {
			if (!sameSpec(from?.custom_spec, to?.custom_spec)) changes.push({model, field, from: from?.custom_spec ?? null, to: to?.custom_spec ?? null});
		} else if ((from?.[field] ?? null) !== (to?.[field] ?? null)) {
			changes.push({model, field, from: from?.[field] ?? null, to: to?.[field] ?? null});
		}
	}
	return changes;
}

/**
 * The newest record (by update_time) against the one before it; null without records.
 * `config` (the details' config[]) names models that a record knows only by model_id.
 */
export function newestUpdateDiff(records: readonly UpdateLogRecord[], config: readonly ServiceModelConfig[] = []): UpdateDiff | null {
	const sorted = [...records].sort((a, b) => b.update_time - a.update_time);
	const newest = sorted[0];
	if (newest === undefined) return null;
	const previous = baseline(sorted);
	const after = keyed(newest, config);
	const before = keyed(previous, config);

	const models: ModelPresence[] = [];
	const changes: UpdateChange[] = [];
	for (const [model, entry] of after) {
		models.push({model, version: entry.model_version ?? null, presence: before.has(model) ? 'kept' : 'added'});
		changes.push(...modelChanges(model, before.get(model), entry));
	}
	for (const [model, entry] of before) {
		if (after.has(model)) continue;
		models.push({model, version: entry.model_version ?? null, presence: 'removed'});
		changes.push(...modelChanges(model, entry, undefined));
	}
	if ((previous?.cluster_id ?? null) !== (newest.cluster_id ?? null)) {
		changes.push({model: null, field: 'cluster_id', from: previous?.cluster_id ?? null, to: newest.cluster_id ?? null});
	}

	return {updateTime: newest.update_time, result: newest.result ?? null, previousTime: previous?.update_time ?? null, models, changes};
}
