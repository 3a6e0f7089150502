import {describe, expect, it} from 'vitest';
import {longestDeployment, rowWords, statusCounts, steppedElapsed} from '../../../source/core/overview/rows.js';
import {reduceView} from '../../../source/core/view/reducer.js';
import {initialViewState} from '../../../source/core/view/initial.js';
import type {ViewAction, ViewState} from '../../../source/core/view/types.js';
import type {ApiEvent, ServiceDetails} from '../../../source/core/types.js';
import {DEPLOYING_EVENTS, T0, event, makeConfig} from '../../ui/fixtures.js';
import {diagnoseShown} from '../../../source/core/view/diagnose.js';

/** A service's view after one poll: these events, these details (or none), the sync state. */
function viewOf(events: readonly ApiEvent[], details: Partial<ServiceDetails> | null, now = T0 + 200_000, sync: ViewAction | null = null): ViewState {
	const actions: ViewAction[] = [
		{type: 'events', events, at: now},
		...(details === null ? [] : [{type: 'details', details: {service_id: 's', service_name: 'svc', status: 'deploying', ...details}, at: now} as ViewAction]),
		sync ?? {type: 'sync', state: {kind: 'ok', lastSuccessAt: now, nextPollAt: now + 3000}, at: now},
		{type: 'tick', now},
	];
	return actions.reduce((view, action) => reduceView(view, action)[0], initialViewState({diagnose: diagnoseShown, config: makeConfig(), now: T0, columns: 120, rows: 40}));
}

const TWO_MODELS: ApiEvent[] = [
	event(0, 'start to deploy service'),
	event(1, 'building image for model [resnet 1.0.0]'),
	event(2, 'building image for model [bert 2.1.0]'),
	event(20, 'model (resnet 1.0.0) build image success'),
	event(25, 'preparing environment'),
];

describe('rowWords: what a row says', () => {
	it.each<[string, ViewState, Partial<ReturnType<typeof rowWords>>]>([
		[
			'deploying, pulling the image for 80 s (from the end of scheduling), one abnormal event',
			viewOf(DEPLOYING_EVENTS, {progress: 60}),
			{standing: 'in_progress', status: 'deploying 60%', progress: 'Pull 1m20s', abnormal: 1, latest: '[TF 3.0.0] pulling model image', latestTone: 'normal'},
		],
		['two models: the phase of each, by name', viewOf(TWO_MODELS, {progress: 30}, T0 + 40_000), {progress: 'resnet 1.0.0 Env 20s, bert 2.1.0 Build 40s'}],
		['succeeded', viewOf([...DEPLOYING_EVENTS, event(190, '[TF 3.0.0] starting model')], {status: 'running', transition_at: T0 + 200_000}), {standing: 'succeeded', status: 'running', progress: 'deployed in 3m20s'}],
		[
			'failed, the row says so in words',
			viewOf([...DEPLOYING_EVENTS, event(150, '[TF 3.0.0] pull image failed', 'abnormal')], {status: 'failed', error_msg: 'boom'}),
			{standing: 'failed', status: 'failed', progress: expect.stringMatching(/^failed after \d/), abnormal: 2, latestTone: 'warning'},
		],
		['running since before the watch', viewOf([], {status: 'running'}), {standing: 'succeeded', progress: 'running'}],
		[
			'cannot be watched (404)',
			viewOf([], null, T0, {type: 'sync', state: {kind: 'stopped', message: 'stopped polling: Service s does not exist', errorKind: 'not_found'}, at: T0}),
			{standing: 'error', status: 'error', progress: '', latest: 'stopped polling: Service s does not exist', latestTone: 'error'},
		],
		[
			'throttled: the retry, counting down',
			viewOf(DEPLOYING_EVENTS, {}, T0 + 200_000, {type: 'sync', state: {kind: 'retrying', attempt: 2, reason: 'HTTP 429 APIGW.0308', retryAt: T0 + 205_000, lastSuccessAt: T0}, at: T0}),
			{latest: 'retrying in 5s (HTTP 429 APIGW.0308, attempt 2)', latestTone: 'warning'},
		],
		['before the first poll', initialViewState({diagnose: diagnoseShown, config: makeConfig(), now: T0, columns: 120, rows: 40}), {standing: 'connecting', status: '', progress: '', latest: ''}],
	])('%s', (_name, view, expected) => {
		expect(rowWords(view)).toMatchObject(expected);
	});

	it('says the instances once the monitor counts them', () => {
		const view = reduceView(viewOf(DEPLOYING_EVENTS, {}), {type: 'monitor', monitor: {service_running_instance_count: 1, service_instance_count: 2, monitors: []}, at: T0 + 200_000})[0];
		expect(rowWords(view).instances).toBe('1/2');
		expect(rowWords(viewOf(DEPLOYING_EVENTS, {})).instances).toBe('');
	});

	it('counts only the current deployment\'s abnormal events', () => {
		const earlier = [event(-500, 'Failed to start service old.', 'abnormal'), event(-400, 'The service has been stopped.')];
		expect(rowWords(viewOf([...earlier, ...DEPLOYING_EVENTS], {})).abnormal).toBe(1);
	});
});

describe('steppedElapsed: a row\'s phase time moves in steps of 10 s', () => {
	it.each([
		[0, '<10s'],
		[9_999, '<10s'],
		[10_000, '10s'],
		[75_000, '1m10s'],
		[3_725_000, '1h02m'],
	])('%i ms → %s', (ms, text) => {
		expect(steppedElapsed(ms)).toBe(text);
	});
});

describe('the header counts', () => {
	it('counts services per status, failures first, then what is moving', () => {
		const views = [viewOf([], {status: 'running'}), viewOf([], {status: 'deploying'}), viewOf([], {status: 'failed'}), viewOf([], {status: 'deploying'}), viewOf([], {status: 'Waiting'})];
		expect(statusCounts(views)).toEqual([
						[1, 'failed'],
[2, 'deploying'],
			[1, 'waiting'],
			[1, 'running'],
		]);
	});

	it('gives the longest current deployment', () => {
		expect(longestDeployment([viewOf(DEPLOYING_EVENTS, {}, T0 + 200_000), viewOf([], {status: 'running'})])).toBe(200_000);
		expect(longestDeployment([viewOf([], {status: 'running'})])).toBeNull();
	});
});
