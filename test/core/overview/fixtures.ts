// Builders for the overview's model tests: services fed messages as their poll loops would.
import {initialOverviewState, reduceOverview} from '../../../source/core/overview/reducer.js';
import type {OverviewAction, OverviewEffect, OverviewState} from '../../../source/core/overview/types.js';
import type {KeyPress} from '../../../source/core/key-press.js';
import type {ServiceDetails} from '../../../source/core/types.js';
import type {WatchMessage} from '../../../source/core/watch/data.js';
import {DEPLOYING_EVENTS, T0, event, makeConfig} from '../../ui/fixtures.js';

export {T0};

export function overview(names: readonly string[], size: {columns?: number; rows?: number} = {}): OverviewState {
	return initialOverviewState({
		config: makeConfig(),
		services: names.map(name => ({serviceId: `id-${name}`, name})),
		now: T0 + 200_000,
		columns: size.columns ?? 120,
		rows: size.rows ?? 40,
	});
}

/** Runs actions in turn; returns the last state and every effect asked for. */
export function run(state: OverviewState, ...actions: OverviewAction[]): {state: OverviewState; effects: OverviewEffect[]} {
	const effects: OverviewEffect[] = [];
	let current = state;
	for (const action of actions) {
		const [next, asked] = reduceOverview(current, action);
		current = next;
		effects.push(...asked);
	}

	return {state: current, effects};
}

export const to = (name: string, message: WatchMessage): OverviewAction => ({type: 'service', serviceId: `id-${name}`, message});

const ok = (at: number): WatchMessage => ({type: 'sync', state: {kind: 'ok', lastSuccessAt: at, nextPollAt: at + 3000}, at});

function detailsOf(name: string, status: string, extra: Partial<ServiceDetails> = {}): WatchMessage {
	return {type: 'details', details: {service_id: `id-${name}`, service_name: name, status, ...extra}, at: T0 + 200_000};
}

/** A poll of `name`: events, details, then the sync state, as the poll loop sends them. */
export function poll(name: string, status: string, events = DEPLOYING_EVENTS, extra: Partial<ServiceDetails> = {}): OverviewAction[] {
	return [to(name, {type: 'events', events, at: T0 + 200_000}), to(name, detailsOf(name, status, extra)), to(name, ok(T0 + 200_000))];
}

/** The deployment of `name` ends: the last event and the terminal status. */
export function ends(name: string, status: 'running' | 'failed', errorMsg?: string): OverviewAction[] {
	const last = status === 'running' ? event(150, '[TF 3.0.0] pull image success') : event(150, '[TF 3.0.0] pull image failed', 'abnormal');
	return [
		to(name, {type: 'events', events: [last], at: T0 + 210_000}),
		to(name, detailsOf(name, status, errorMsg === undefined ? {} : {error_msg: errorMsg})),
		to(name, ok(T0 + 210_000)),
	];
}

export function key(text: string, name: KeyPress['name'] = null): OverviewAction {
	return {type: 'key', press: {text, name, ctrl: false, meta: false}};
}

export const rowNames = (state: OverviewState): string[] => state.shown.map(service => service.listedName ?? service.serviceId);
