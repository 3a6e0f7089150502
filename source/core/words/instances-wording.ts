// The words for instance counts and resource use, one function per place they appear, so
// the live view, the plain log and the outcome line say the same thing the same way.
// Model names come from the server: renderers sanitise these texts as they do event text.
import {MB_PER_GIB, totalText, usedText} from './amount-format.js';
import type {Amount, InstanceCounts, ResourceUse, ServiceInstances} from '../deployment/instances.js';
import type {Punctuation} from './punctuation.js';

export function instancesNoun(total: number): string {
	return total === 1 ? 'instance' : 'instances';
}

/** `1/2`: running of total, under an `instances` heading (the overview's rows); null when either is unknown. */
export function instanceCountText(counts: InstanceCounts): string | null {
	const {running, total} = counts;
	return running === null || total === null ? null : `${running}/${total}`;
}

/** `1/2 instances` beside a track or in the header; null when either count is unknown. */
export function instancesText(counts: InstanceCounts): string | null {
	const count = instanceCountText(counts);
	return count === null ? null : `${count} ${instancesNoun(counts.total!)}`;
}

/** `2/2 instances running`, for the outcome line ("Deployed in 4m12s: 2/2 instances running"). */
export function instancesRunningText(counts: InstanceCounts): string | null {
	const text = instancesText(counts);
	return text === null ? null : `${text} running`;
}

/** `instances 1/2 running`, for the plain log line of a count change (`[resnet 1.0.0] …`). */
export function instancesChangeText(counts: InstanceCounts): string | null {
	const {running, total} = counts;
	return running === null || total === null ? null : `instances ${running}/${total} running`;
}

/** True when the service runs with fewer instances than it asked for. */
export function hasInstanceShortfall(counts: InstanceCounts): boolean {
	return counts.running !== null && counts.total !== null && counts.running < counts.total;
}

/**
 * `running with 1/2 instances ready` when fewer instances run than were asked for, else null.
 * For the outcome once the service says running or concerning (during a deploy it is normal).
 */
export function shortfallText(counts: InstanceCounts): string | null {
	if (!hasInstanceShortfall(counts)) return null;
	return `running with ${counts.running}/${counts.total} ${instancesNoun(counts.total!)} ready`;
}

function amountText(label: string, amount: Amount | null, scale = 1, unit = ''): string | null {
	if (amount === null) return null;
	return `${label} ${usedText(amount.used / scale)}/${totalText(amount.total / scale)}${unit}`;
}

/** `cpu 2.4/4 · mem 2.0/8 GiB · gpu 1.0/1 · gpu mem 3.1/16 GiB`, NPU likewise; null when nothing is known. */
export function resourceUseText(resources: ResourceUse, punctuation: Punctuation): string | null {
	const parts = [
		amountText('cpu', resources.cpu),
		amountText('mem', resources.memoryMb, MB_PER_GIB, ' GiB'),
		amountText('gpu', resources.gpu),
		amountText('gpu mem', resources.gpuMemoryMb, MB_PER_GIB, ' GiB'),
		amountText('npu', resources.npu),
		amountText('npu mem', resources.npuMemoryMb, MB_PER_GIB, ' GiB'),
	].filter((part): part is string => part !== null);
	return parts.length === 0 ? null : parts.join(` ${punctuation.separator} `);
}

/**
 * The one resource line of a running service: the model's use alone, or each model's use
 * after its name when there are several (`resnet 1.0.0: cpu … ; bert 2.1.0: cpu …`).
 */
export function resourceLine(instances: ServiceInstances, punctuation: Punctuation): string | null {
	const described = instances.models.flatMap((model) => {
		const text = resourceUseText(model.resources, punctuation);
		return text === null ? [] : [{model: model.model, text}];
	});
	if (described.length === 0) return null;
	if (instances.models.length === 1) return described[0]!.text;
	return described.map(({model, text}) => `${model}: ${text}`).join('; ');
}
