// Shared test data for the live view: a Config, a fake watcher, and event builders.
import type {WatchResult, Watcher, WatcherFactory} from '../../source/api/poll/watcher-types.js';
import type {ApiEvent, ServiceDetails} from '../../source/core/types.js';
import type {WatchMessage} from '../../source/core/watch/data.js';

export const T0 = Date.UTC(2026, 10, 27, 16, 0, 0);

export {makeConfig} from '../fixtures/config.js';

/** A watcher the test drives by hand: `emit` plays the part of the poll loop. */
export interface FakeWatcher extends Watcher {
	readonly calls: string[];
	emit(message: WatchMessage): void;
	/** Ends polling as the poll loop would (terminal after the final fetch, or a permanent error). */
	finish(result: WatchResult): void;
}

export function fakeWatcher(): {readonly factory: WatcherFactory; readonly watcher: FakeWatcher} {
	let sink: ((message: WatchMessage) => void) | null = null;
	let finish: (result: WatchResult) => void = () => {};
	const calls: string[] = [];
	const watcher: FakeWatcher = {
		calls,
		start: () => calls.push('start'),
		refreshNow: () => calls.push('refresh'),
		readUpdateLogs: () => calls.push('read-update-logs'),
		stop: () => {
			calls.push('stop');
			finish({reason: 'stopped'});
		},
		done: new Promise<WatchResult>(resolve => (finish = resolve)),
		finish: result => finish(result),
		emit(message) {
			if (!sink) {
				throw new Error('the watcher was not created yet');
			}

			sink(message);
		},
	};
	return {
		watcher,
		factory(onMessage) {
			sink = onMessage;
			return watcher;
		},
	};
}

export function event(offsetSeconds: number, info: string, type: 'normal' | 'abnormal' = 'normal'): ApiEvent {
	return {event_type: type, event_info: info, occur_time: T0 + offsetSeconds * 1000};
}

/** The documented deploy sequence up to "pulling model image" (image pulling active). */
export const DEPLOYING_EVENTS: readonly ApiEvent[] = [
	event(0, 'start to deploy service'),
	event(5, 'building image for model [TF 3.0.0]'),
	event(65, 'model (TF 3.0.0) build image success'),
	event(70, 'preparing environment'),
	event(80, '[TF 3.0.0] prepare environment success'),
	event(90, 'Insufficient resources. Wait until idle resources are sufficient.', 'abnormal'),
	event(120, '[TF 3.0.0] schedule resource success'),
	event(125, '[TF 3.0.0] pulling model image'),
];

export function manyEvents(count: number, startSecond = 200): ApiEvent[] {
	return Array.from({length: count}, (_, index) =>
		event(startSecond + index, `[TF 3.0.0] event number ${index}`, index % 7 === 0 ? 'abnormal' : 'normal'),
	);
}

export function details(overrides: Partial<ServiceDetails> = {}): ServiceDetails {
	return {
		service_id: '35de3ca9-7d1f-4c2a-9a56-0f2b8c1d2e3f',
		service_name: 'my-service',
		status: 'deploying',
		progress: 40,
		config: [{model_name: 'TF', model_version: '3.0.0', status: 'notReady'}],
		...overrides,
	};
}
