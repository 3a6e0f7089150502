import {describe, expect, it} from 'vitest';
import type {ApiEvent} from '../../source/model/types.js';
import {applyMessage, initialStreamState, type StreamState} from '../../source/output/stream-state.js';
import {details, T0} from './fixtures.js';

const api = (info: string, at: number, type = 'normal'): ApiEvent => ({event_type: type, event_info: info, occur_time: at});

function fold(...batches: ApiEvent[][]): {state: StreamState; added: string[][]} {
	let state = initialStreamState();
	const added: string[][] = [];
	for (const events of batches) {
		const result = applyMessage(state, {type: 'events', events, at: 0});
		state = result.state;
		added.push((result.batch?.added ?? []).map(event => event.info));
	}

	return {state, added};
}

describe('applyMessage', () => {
	it('keeps every event oldest first, sorting a late arrival in', () => {
		const {state, added} = fold([api('b', T0 + 2), api('c', T0 + 3)], [api('a', T0 + 1)]);
		expect(state.snapshot.events.map(event => event.info)).toEqual(['a', 'b', 'c']);
		expect(added).toEqual([['b', 'c'], ['a']]);
	});

	it('reports only the new events of a batch that mixes a late arrival with newer ones', () => {
		const {state, added} = fold([api('b', T0 + 2), api('c', T0 + 3)], [api('d', T0 + 4), api('a', T0 + 1)]);
		expect(state.snapshot.events.map(event => event.info)).toEqual(['a', 'b', 'c', 'd']);
		expect(added).toEqual([['b', 'c'], ['a', 'd']]);
	});

	it('tells exact repeats apart instead of merging them', () => {
		const {state} = fold([api('retry', T0), api('retry', T0)], [api('retry', T0)]);
		expect(new Set(state.snapshot.events.map(event => event.key)).size).toBe(3);
	});

	it('recomputes the deployment from the details', () => {
		const {state} = fold([api('start to deploy service', T0)]);
		const next = applyMessage(state, {type: 'details', details: details('failed', {error_msg: 'no quota'}), at: 0}).state;
		expect(next.snapshot.deployment).toMatchObject({status: 'failed', errorMsg: 'no quota'});
		expect(next.snapshot.details?.status).toBe('failed');
	});

	it('remembers the sync state for the retry notes', () => {
		const sync = {kind: 'ok', lastSuccessAt: 1, nextPollAt: null} as const;
		expect(applyMessage(initialStreamState(), {type: 'sync', state: sync, at: 0}).state.sync).toEqual(sync);
	});
});
