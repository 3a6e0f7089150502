import {describe, expect, it} from 'vitest';
import type {ApiEvent} from '../../../source/core/types.js';
import {emptyWatchData, foldWatch, watchFacts, type WatchData, type WatchDataEffect} from '../../../source/core/watch/data.js';
import {storeEvents} from '../../../source/core/events/store.js';
import {details, T0} from '../../output/fixtures.js';

const api = (info: string, at: number, type = 'normal'): ApiEvent => ({event_type: type, event_info: info, occur_time: at});

function fold(...batches: ApiEvent[][]): {data: WatchData; added: string[][]} {
	let data = emptyWatchData();
	const added: string[][] = [];
	for (const events of batches) {
		const [next, effects] = foldWatch(data, {type: 'events', events, at: 0});
		data = next;
		added.push(effects.flatMap((effect: WatchDataEffect) => (effect.type === 'events-added' ? effect.batch.added.map(event => event.info) : [])));
	}

	return {data, added};
}

const infos = (data: WatchData) => storeEvents(data.store).map(event => event.info);

describe('foldWatch', () => {
	it('keeps every event oldest first, sorting a late arrival in', () => {
		const {data, added} = fold([api('b', T0 + 2), api('c', T0 + 3)], [api('a', T0 + 1)]);
		expect(infos(data)).toEqual(['a', 'b', 'c']);
		expect(added).toEqual([['b', 'c'], ['a']]);
	});

	it('reports only the new events of a batch that mixes a late arrival with newer ones', () => {
		const {data, added} = fold([api('b', T0 + 2), api('c', T0 + 3)], [api('d', T0 + 4), api('a', T0 + 1)]);
		expect(infos(data)).toEqual(['a', 'b', 'c', 'd']);
		expect(added).toEqual([['b', 'c'], ['a', 'd']]);
	});

	it('tells exact repeats apart instead of merging them', () => {
		const {data} = fold([api('retry', T0), api('retry', T0)], [api('retry', T0)]);
		expect(new Set(storeEvents(data.store).map(event => event.key)).size).toBe(3);
	});

	it('recomputes the deployment from the details', () => {
		const {data} = fold([api('start to deploy service', T0)]);
		const [next] = foldWatch(data, {type: 'details', details: details('failed', {error_msg: 'no quota'}), at: 0});
		expect(next.deployment).toMatchObject({status: 'failed', errorMsg: 'no quota'});
		expect(watchFacts(next).outcome).toBe('failed');
	});

	it('returns the very same object for a message that changes nothing', () => {
		const {data} = fold([api('start to deploy service', T0)]);
		expect(foldWatch(data, {type: 'events', events: [], at: 0})[0]).toBe(data);
		const [withDetails] = foldWatch(data, {type: 'details', details: details('deploying'), at: 0});
		expect(foldWatch(withDetails, {type: 'details', details: details('deploying'), at: 1})[0]).toBe(withDetails);
		expect(foldWatch(data, {type: 'update-logs-unavailable', reason: 'HTTP 404', at: 0})[0]).toBe(data);
	});

	it('keeps the fields of the state that embeds it', () => {
		const embedded = {...emptyWatchData(), settings: 'kept'};
		const [next] = foldWatch(embedded, {type: 'details-unavailable', reason: 'HTTP 403', at: 0});
		expect(next).toMatchObject({settings: 'kept', detailsUnavailable: 'HTTP 403'});
	});

	it('gives the end rule the first poll and unavailable details', () => {
		const sync = {kind: 'ok', lastSuccessAt: 1, nextPollAt: null} as const;
		const [polled] = foldWatch(emptyWatchData(), {type: 'sync', state: sync, at: 0});
		expect(polled.sync).toEqual(sync);
		expect(watchFacts(polled)).toEqual({outcome: 'in_progress', detailsUnavailable: false, polled: true});
		expect(watchFacts(foldWatch(polled, {type: 'details-unavailable', reason: 'HTTP 403', at: 0})[0]).detailsUnavailable).toBe(true);
	});
});
