// Shape validation of the update logs answer (modelarts-api.md §8). A record is only useful
// with a time (the change is read from the newest record against an earlier one), so a
// record without a usable update_time is dropped; every other field is optional.
// Environment values may be secrets: they are turned into fingerprints here and never kept.
import type {EnvFingerprints, UpdateLogModel, UpdateLogRecord} from '../types.js';
import {bump, describeDrops, isObject, pickCounting, readNumber, readString, readTime} from './coerce.js';
import {textHash} from '../text-hash.js';
import {readCustomSpec} from './validate.js';

export interface UpdateLogsPayload {
	readonly records: UpdateLogRecord[];
	readonly problems: string[];
}

/** Each name with a fingerprint of its value; undefined when `envs` is not an object. */
function readEnvs(value: unknown): EnvFingerprints | undefined {
	if (!isObject(value)) return undefined;
	const envs: Record<string, string> = {};
	for (const [name, raw] of Object.entries(value)) {
		const text = typeof raw === 'string' ? raw : JSON.stringify(raw) ?? '';
		envs[name] = `${text.length}:${textHash(text)}`;
	}
	return envs;
}

const MODEL_FIELDS = {
	model_id: readString,
	model_name: readString,
	model_version: readString,
	weight: readNumber,
	specification: readString,
	custom_spec: readCustomSpec,
	envs: readEnvs,
	cluster_id: readString,
	instance_count: readNumber,
} as const;

/** The models of one record; entries that are not objects are counted in `dropped`. */
function readModels(raw: unknown, unusable: Map<string, number>, dropped: {count: number}): UpdateLogModel[] {
	if (!Array.isArray(raw)) {
		if (raw !== undefined && raw !== null) bump(unusable, 'config');
		return [];
	}
	const models: UpdateLogModel[] = [];
	for (const entry of raw) {
		if (isObject(entry)) models.push(pickCounting<UpdateLogModel>(entry, MODEL_FIELDS, unusable));
		else dropped.count++;
	}
	return models;
}

/** Validate `GET …/logs`: `logs` null or absent reads as none; records without a usable update_time are dropped. */
export function validateUpdateLogsPayload(json: unknown): UpdateLogsPayload {
	if (!isObject(json)) return {records: [], problems: ['response is not a JSON object']};
	const problems: string[] = [];
	const rawLogs = json.logs ?? [];
	if (!Array.isArray(rawLogs)) problems.push('logs is not an array');
	const records: UpdateLogRecord[] = [];
	const recordDrops = new Map<string, number>();
	const unusable = new Map<string, number>();
	const droppedModels = {count: 0};
	for (const raw of Array.isArray(rawLogs) ? rawLogs : []) {
		if (!isObject(raw)) {
			bump(recordDrops, 'record');
			continue;
		}
		const update_time = readTime(raw.update_time);
		if (update_time === undefined) {
			bump(recordDrops, 'update_time');
			continue;
		}
		const extra = pickCounting<UpdateLogRecord>(raw, {result: readString, cluster_id: readString}, unusable);
		records.push({update_time, ...extra, config: readModels(raw.config, unusable, droppedModels)});
	}
	problems.push(...describeDrops('update record', recordDrops));
	if (droppedModels.count > 0) problems.push(`${droppedModels.count} update config entries dropped (not an object)`);
	problems.push(...describeDrops('update field', unusable));
	return {records, problems};
}
