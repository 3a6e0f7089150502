// Plain lines about what runs and what an update changes: a line per model whose instance
// count changed (`[resnet 1.0.0] instances 1/2 running`), and the update line whenever it
// says something new (first read, then its result). Names and versions are server text.
import {instanceCountsChanged, type ServiceInstances} from '../core/deployment/instances.js';
import {instancesChangeText} from '../core/words/instances-wording.js';
import {updateLine} from '../core/words/update-wording.js';
import {line, modelPrefix, type PlainStyle} from './plain-line.js';
import type {WatchSnapshot} from './snapshot.js';

/** One line per model whose counts differ from before; the service's own counts when no model has any. */
function instancesLines(previous: ServiceInstances | null, next: ServiceInstances, time: string, style: PlainStyle): string[] {
	const counted = next.models.filter(model => instancesChangeText(model) !== null);
	if (counted.length === 0) {
		const text = instancesChangeText(next);
		return text === null ? [] : [line(time, 'monitor', text)];
	}

	const before = new Map((previous?.models ?? []).map(model => [model.model, instancesChangeText(model)]));
	return counted.flatMap(model => {
		const text = instancesChangeText(model)!;
		return before.get(model.model) === text ? [] : [line(time, 'monitor', `${modelPrefix(model.model, style)}${text}`)];
	});
}

/** Lines for new instance counts and a new update line between two snapshots. */
export function rolloutLines(previous: WatchSnapshot, next: WatchSnapshot, nowMs: number, style: PlainStyle): string[] {
	const time = style.formatTime(nowMs, nowMs);
	const lines: string[] = [];
	if (next.instances !== null && instanceCountsChanged(previous.instances, next.instances)) {
		lines.push(...instancesLines(previous.instances, next.instances, time, style));
	}

	const update = next.update === null ? null : updateLine(next.update, style.punctuation);
	const before = previous.update === null ? null : updateLine(previous.update, style.punctuation);
	if (update !== null && update !== before) lines.push(line(time, 'config', style.sanitize(update)));
	return lines;
}
