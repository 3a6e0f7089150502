// The words for an update: one line under the header and in the plain log
// (`update running: resnet 1.0.0 → 1.1.0 · instances 1 → 2`), and one line per change for
// the detail view. Environment variables appear by name only. The text holds server
// strings (names, versions, pools): renderers sanitise it as they do event text.
import {gibText} from './amount-format.js';
import {instancesNoun} from './instances-wording.js';
import type {Punctuation} from './punctuation.js';
import type {CustomSpec} from '../types.js';
import type {UpdateChange, UpdateDiff, UpdateField, UpdateValue} from '../deployment/update-log-diff.js';

const FIELD_LABEL: Readonly<Record<UpdateField, string>> = {
	model_version: 'version',
	specification: 'spec',
	custom_spec: 'custom spec',
	instance_count: 'instances',
	weight: 'weight',
	envs: 'env',
	cluster_id: 'pool',
};

const RESULT_WORD: Readonly<Record<string, string>> = {SUCCESS: 'succeeded', FAIL: 'failed', RUNNING: 'running'};

/** `update running:`, `update succeeded:`, or `update:` when the record has no result. */
function heading(result: string | null): string {
	const word = result === null ? '' : (RESULT_WORD[result.trim().toUpperCase()] ?? result.trim().toLowerCase());
	return word === '' ? 'update:' : `update ${word}:`;
}

function specText(spec: CustomSpec): string {
	const parts = [
		spec.cpu === undefined ? null : `${spec.cpu} cpu`,
		spec.memory === undefined ? null : gibText(spec.memory),
		spec.gpu_p4 === undefined ? null : `${spec.gpu_p4} gpu`,
	];
	return parts.filter((part) => part !== null).join(', ');
}

function valueText(value: UpdateValue): string {
	if (value === null) return 'none';
	if (typeof value === 'string' || typeof value === 'number') return String(value);
	if (Array.isArray(value)) return value.length === 0 ? 'none' : value.join(', ');
	return specText(value as CustomSpec);
}

/** `A, B added; C removed; D changed`: names only. */
function envText(change: UpdateChange): string {
	const {added = [], removed = [], changed = []} = change.envs ?? {};
	const parts = [
		added.length > 0 ? `${added.join(', ')} added` : null,
		removed.length > 0 ? `${removed.join(', ')} removed` : null,
		changed.length > 0 ? `${changed.join(', ')} changed` : null,
	];
	return parts.filter((part) => part !== null).join('; ');
}

/** `instances 1 → 2`, `env A added`, `version 1.0.0 → 1.1.0`: one change without its model. */
function changeText(change: UpdateChange, punctuation: Punctuation): string {
	const label = FIELD_LABEL[change.field];
	if (change.field === 'envs') return `${label} ${envText(change)}`;
	return `${label} ${valueText(change.from)} ${punctuation.arrow} ${valueText(change.to)}`;
}

const withVersion = (model: string, version: string | null): string => (version === null ? model : `${model} ${version}`);

/** The parts of a record compared with an earlier one: versions first-class, other fields after. */
function comparedParts(diff: UpdateDiff, punctuation: Punctuation): string[] {
	const several = diff.models.length > 1;
	const parts: string[] = [];
	for (const {model, version, presence} of diff.models) {
		if (presence !== 'kept') {
			parts.push(`${withVersion(model, version)} ${presence}`);
			continue;
		}
		for (const change of diff.changes.filter((c) => c.model === model)) {
			if (change.field === 'model_version') parts.push(`${model} ${valueText(change.from)} ${punctuation.arrow} ${valueText(change.to)}`);
			else parts.push(`${several ? `${model} ` : ''}${changeText(change, punctuation)}`);
		}
	}
	// The service's own pool moves with its models' pools: say it once when a model said it.
	const kept = new Set(diff.models.filter((m) => m.presence === 'kept').map((m) => m.model));
	const modelPools = new Set(diff.changes.filter((c) => c.model !== null && kept.has(c.model) && c.field === 'cluster_id').map((c) => `${c.from}\u0000${c.to}`));
	for (const change of diff.changes.filter((c) => c.model === null)) {
		if (!modelPools.has(`${change.from}\u0000${change.to}`)) parts.push(changeText(change, punctuation));
	}
	return parts;
}

/** `deploys resnet 1.1.0 (2 instances)`: a record with nothing before it. */
function deployedParts(diff: UpdateDiff): string[] {
	return diff.models.map(({model, version}) => {
		const count = diff.changes.find((c) => c.model === model && c.field === 'instance_count')?.to;
		const instances = typeof count === 'number' ? ` (${count} ${instancesNoun(count)})` : '';
		return `${withVersion(model, version)}${instances}`;
	});
}

/** The one line: `update running: resnet 1.0.0 → 1.1.0 · instances 1 → 2`, `update: no changes`. */
export function updateLine(diff: UpdateDiff, punctuation: Punctuation): string {
	if (diff.previousTime === null) {
		const parts = deployedParts(diff);
		return `${heading(diff.result)} ${parts.length === 0 ? 'no models' : `deploys ${parts.join(` ${punctuation.separator} `)}`}`;
	}
	const parts = comparedParts(diff, punctuation);
	return `${heading(diff.result)} ${parts.length === 0 ? 'no changes' : parts.join(` ${punctuation.separator} `)}`;
}

/** Every change on its own line, for the detail view: `resnet: instances 1 → 2`, `service: pool a → b`. */
export function updateChangeLines(diff: UpdateDiff, punctuation: Punctuation): string[] {
	return diff.changes.map((change) => `${change.model ?? 'service'}: ${changeText(change, punctuation)}`);
}
