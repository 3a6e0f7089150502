// Builders for model tests: events in the order a server would send them.
import {toWatchEvent} from '../../source/core/events/normalise.js';
import type {ApiEvent, ServiceDetails, WatchEvent} from '../../source/core/types.js';

export const T0 = 1_562_597_251_764;

/** A normal event's text, or `[event_type, text]`. */
export type Entry = string | readonly [string, string];

/** Server events one second apart, starting at T0. */
export function apiEvents(...entries: readonly Entry[]): ApiEvent[] {
	return entries.map((entry, index) => {
		const [event_type, event_info] = typeof entry === 'string' ? ['normal', entry] : entry;
		return {event_type, event_info, occur_time: T0 + index * 1000};
	});
}

/** The same as WatchEvents, ascending. */
export function watchEvents(...entries: readonly Entry[]): WatchEvent[] {
	return apiEvents(...entries).map((api, index) => toWatchEvent(api, index, 0));
}

export function details(status: string, extra: Partial<ServiceDetails> = {}): ServiceDetails {
	return {service_id: 'svc-1', service_name: 'my-service', status, ...extra};
}

/** The documented nine-event deployment of one model (modelarts-api.md §1). */
export function seedSequence(model = 'TF 3.0.0'): string[] {
	return [
		'start to deploy service',
		`building image for model [${model}]`,
		`model (${model}) build image success`,
		'preparing environment',
		`[${model}] prepare environment success`,
		`[${model}] schedule resource success`,
		`[${model}] pulling model image`,
		`[${model}] pull image success`,
		`[${model}] starting model`,
	];
}
