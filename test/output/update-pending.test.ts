// When an update starts, the new model's phases start pending: nothing is reported done
// before its evidence, in plain and NDJSON, although the last status read still says running.
import {describe, expect, it} from 'vitest';
import {UNICODE_PUNCTUATION} from '../../source/core/words/punctuation.js';
import {sanitizeForTerminal} from '../../source/core/events/sanitize.js';
import type {ApiEvent, ServiceDetails} from '../../source/core/types.js';
import type {WatchMessage} from '../../source/core/watch/data.js';
import {jsonSummaryLine} from '../../source/output/json.js';
import {plainUpdateLines, type PlainStyle} from '../../source/output/plain.js';
import {emptyWatchData, foldWatch} from '../../source/core/watch/data.js';
import {snapshotOf, type WatchSnapshot} from '../../source/output/snapshot.js';
import {createTimeFormatter} from '../../source/output/time-format.js';
import {T0} from './fixtures.js';

const style: PlainStyle = {color: false, formatTime: createTimeFormatter({kind: 'utc'}), sanitize: sanitizeForTerminal, punctuation: UNICODE_PUNCTUATION};
const at = (second: number) => T0 + second * 1000;
const ev = (second: number, info: string): ApiEvent => ({event_type: 'normal', event_info: info, occur_time: at(second)});

const EARLIER_DEPLOY = [
	ev(0, 'start to deploy service'),
	ev(1, 'building image for model [resnet 1.0.0]'),
	ev(2, 'model (resnet 1.0.0) build image success'),
	ev(3, '[resnet 1.0.0] prepare environment success'),
	ev(4, '[resnet 1.0.0] schedule resource success'),
	ev(5, '[resnet 1.0.0] pull image success'),
	ev(6, '[resnet 1.0.0] starting model'),
	ev(9, 'Service service-update started.'),
];
/** Running since the earlier deploy: the status read the update's first events arrive with. */
const RUNNING: ServiceDetails = {service_id: 's', service_name: 'service-update', status: 'running', transition_at: at(9), update_time: at(0), config: [{model_name: 'resnet', model_version: '1.1.0'}]};

/** Each message folded in, with the plain lines it printed. */
function watch(messages: readonly WatchMessage[]): {snapshot: WatchSnapshot; lines: string[]} {
	let data = emptyWatchData();
	let snapshot = snapshotOf(data);
	const lines: string[] = [];
	for (const message of messages) {
		const previous = snapshot;
		const [next, effects] = foldWatch(data, message);
		data = next;
		snapshot = snapshotOf(data);
		const added = effects.flatMap(effect => (effect.type === 'events-added' ? effect.batch.added : []));
		lines.push(...plainUpdateLines(previous, snapshot, added, at(100), style));
	}

	return {snapshot, lines};
}

describe('an update of a running service', () => {
	const before = watch([
		{type: 'events', events: EARLIER_DEPLOY, at: at(60)},
		{type: 'details', details: RUNNING, at: at(60)},
	]);

	it('its start leaves the new model\'s phases pending in plain and NDJSON, while the status still says running', () => {
		const started = watch([
			{type: 'events', events: EARLIER_DEPLOY, at: at(60)},
			{type: 'details', details: RUNNING, at: at(60)},
			{type: 'events', events: [ev(70, 'The service is being updated.')], at: at(71)},
		]);
		const updateLines = started.lines.slice(before.lines.length);
		expect(updateLines.filter(line => line.includes(' phase '))).toEqual([]);
		const summary = JSON.parse(jsonSummaryLine(started.snapshot, 's', {nowMs: at(71)})) as {outcome: string; phases: Array<{model: string; state: string}>};
		expect(summary.outcome).toBe('in_progress');
		expect(summary.phases.filter(phase => phase.model === 'resnet 1.1.0').map(phase => phase.state)).toEqual(['pending', 'pending', 'pending', 'pending', 'pending']);
	});

	it('then each phase is reported when its own evidence arrives, and not before', () => {
		const {lines} = watch([
			{type: 'events', events: EARLIER_DEPLOY, at: at(60)},
			{type: 'details', details: RUNNING, at: at(60)},
			{type: 'events', events: [ev(70, 'The service is being updated.')], at: at(71)},
			{type: 'events', events: [ev(72, 'building image for model [resnet 1.1.0]')], at: at(73)},
			{type: 'details', details: {...RUNNING, status: 'deploying', transition_at: at(70), update_time: at(70)}, at: at(73)},
		]);
		const phases = lines.slice(before.lines.length).filter(line => line.includes(' phase '));
		expect(phases.map(line => line.replace(/^\S+\s+phase\s+/, ''))).toEqual(['[resnet 1.1.0] Image building started']);
	});
});
