import {describe, expect, it} from 'vitest';
import {NotFoundError, TransientError} from '../../../source/api/errors.js';
import {switchingGeneration, type GenerationParts} from '../../../source/api/v2/generation-switch.js';
import type {ModelArtsClient} from '../../../source/api/types.js';

/** One generation that knows the service or answers 404 for it, counting its requests. */
function generation(name: string, knows: boolean, asked: string[]): GenerationParts {
	const answer = async <T>(what: string, value: T): Promise<T> => {
		asked.push(`${name} ${what}`);
		if (!knows) throw new NotFoundError(`HTTP 404 ModelArts.3502 (${name})`, 404);
		return value;
	};
	const client = {getService: (id: string) => answer('details', {service_id: id, service_name: name, status: 'running'})} as unknown as ModelArtsClient;
	return {client, sync: {offsetMode: null, progress: 0, poll: () => answer('events', [{event_type: 'normal', event_info: name, occur_time: 1}])}};
}

describe('switching generation on a 404', () => {
	it.each([
		['v1', 'v2'],
		['v2', 'v1'],
	])('starts on %s and moves to %s for good when the first does not know the service', async (first, second) => {
		const asked: string[] = [];
		const switched: string[] = [];
		const parts = switchingGeneration({first: generation(first, false, asked), second: () => generation(second, true, asked), probeSecond: async () => asked.push(`${second} probe`), onSwitch: () => switched.push(second)});
		expect((await parts.sync.poll())[0]?.event_info).toBe(second);
		expect((await parts.client.getService('s')).service_name).toBe(second);
		expect(asked).toEqual([`${first} events`, `${second} probe`, `${second} events`, `${second} details`]);
		expect(switched).toEqual([second]);
	});

	it('costs nothing when the first generation knows the service, and never switches later', async () => {
		const asked: string[] = [];
		const first = generation('v1', true, asked);
		let probes = 0;
		const parts = switchingGeneration({first, second: () => generation('v2', true, asked), probeSecond: async () => (probes += 1)});
		await parts.sync.poll();
		await parts.client.getService('s');
		expect(asked).toEqual(['v1 events', 'v1 details']);
		expect(probes).toBe(0);
	});

	it('keeps the first answer when neither knows the service, and passes other errors on untouched', async () => {
		const parts = switchingGeneration({first: generation('v1', false, []), second: () => generation('v2', false, []), probeSecond: async () => Promise.reject(new NotFoundError('v2 404', 404))});
		await expect(parts.sync.poll()).rejects.toThrow('HTTP 404 ModelArts.3502 (v1)');
		const flaky: GenerationParts = {client: {} as ModelArtsClient, sync: {offsetMode: null, progress: 0, poll: () => Promise.reject(new TransientError('HTTP 503'))}};
		let probed = false;
		const other = switchingGeneration({first: flaky, second: () => flaky, probeSecond: async () => (probed = true)});
		await expect(other.sync.poll()).rejects.toThrow('HTTP 503');
		expect(probed).toBe(false);
	});

	it('hands a long read over in parts and tells the server\'s clock, as the sync it wraps does', async () => {
		const pages: number[] = [];
		const inParts: GenerationParts = {
			client: {} as ModelArtsClient,
			sync: {
				offsetMode: null,
				progress: 0,
				serverNow: 42,
				async poll(_signal, onPage) {
					await onPage?.([{event_type: 'normal', event_info: 'first part', occur_time: 1}]);
					return [{event_type: 'normal', event_info: 'rest', occur_time: 2}];
				},
			},
		};
		const parts = switchingGeneration({first: inParts, second: () => inParts, probeSecond: async () => undefined});
		const rest = await parts.sync.poll(undefined, async page => {
			pages.push(page.length);
		});
		expect(pages).toEqual([1]);
		expect(rest.map(event => event.event_info)).toEqual(['rest']);
		expect(parts.sync.serverNow).toBe(42);
	});
});
