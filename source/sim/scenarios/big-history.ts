// `big-history`: a service with 5,000 older events over many past lifecycles (several
// families of wording, many same-millisecond events) before a live deployment. It exists to
// exercise paging (limit ≤ 1000 forces several pages), dedupe of same-ms events, and the
// "current lifecycle only" rule.
import type {HistoryEvent, Scenario, ScenarioEvent} from './types.js';
import {HOUR, MINUTE, model, SECOND, tag} from './builders.js';
import {project, seedDeployment, TF} from './basic.js';
import {api, apiDeploySequence, consoleWording} from './wording.js';

export const BIG_HISTORY_SIZE = 5000;
const NAME = 'service-history';
const LIFECYCLE_GAP = 2 * HOUR;

type Timed = readonly [offset: number, event: ScenarioEvent];

/** Four lifecycle shapes, rotated; offsets in ms from the lifecycle's start (0 = same ms). */
function lifecycle(index: number): Timed[] {
	const m = tag(model('TF', `2.${index % 10}.0`));
	const seq = apiDeploySequence(m);
	switch (index % 4) {
		case 0:
			return [
				...seq.slice(0, 7).map((event, i): Timed => [i * 5 * SECOND, event]),
				[40 * SECOND, api.pullImageSuccess(m)],
				[40 * SECOND, api.startingModel(m)],
				[40 * SECOND, consoleWording.autoStop(3600)],
				[HOUR, consoleWording.stopping()],
				[HOUR, consoleWording.stopped()],
			];
		case 1:
			return [
				...seq.slice(0, 5).map((event, i): Timed => [i * 4 * SECOND, event]),
				[30 * SECOND, consoleWording.insufficientResources()],
				[30 * SECOND, api.scheduleResourceFailed(m)],
				[45 * SECOND, api.scheduleResourceFailed(m)],
			];
		case 2:
			return [
				[0, consoleWording.updating()],
				...seq.slice(1).map((event, i): Timed => [(i + 1) * 3 * SECOND, event]),
				[50 * MINUTE, consoleWording.stopping()],
				[50 * MINUTE, consoleWording.stopped()],
			];
		default:
			return [
				[0, consoleWording.startDeploy()],
				[2 * SECOND, consoleWording.imageCreating()],
				[20 * SECOND, consoleWording.imageCreated()],
				[40 * SECOND, consoleWording.started(NAME)],
				[30 * MINUTE, consoleWording.stopping()],
				[30 * MINUTE, consoleWording.stopped()],
			];
	}
}

/** The newest BIG_HISTORY_SIZE events of past lifecycles, oldest first; the latest starts 3 h ago. */
function history(): HistoryEvent[] {
	const newestFirst: HistoryEvent[][] = [];
	for (let index = 0, count = 0; count < BIG_HISTORY_SIZE; index += 1) {
		const start = 3 * HOUR + index * LIFECYCLE_GAP;
		const batch = lifecycle(index).map(([offset, event]) => ({...event, ago: start - offset}));
		newestFirst.push(batch);
		count += batch.length;
	}
	const events = newestFirst.reverse().flat();
	// Older lifecycles fall out first, as a retention window would drop them.
	return events.slice(events.length - BIG_HISTORY_SIZE);
}

let services: Scenario['services'] | null = null;

export const BIG_HISTORY: Scenario = {
	name: 'big-history',
	description: '5,000 older events over many lifecycles (many same-millisecond), then a live deployment.',
	// Built on first use: --help and every watch load the scenario list for its names, and
	// building 5,000 events there would delay their answer and the first frame by tens of ms.
	get services() {
		services ??= project({
			name: NAME,
			description: 'Long-lived service with a deep event history',
			initial: {status: 'stopped'},
			models: [TF],
			history: history(),
			steps: seedDeployment(),
		});
		return services;
	},
};
