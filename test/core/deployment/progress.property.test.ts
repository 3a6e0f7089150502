import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {computeDeployment} from '../../../source/core/deployment/progress.js';
import {toWatchEvent} from '../../../source/core/events/normalise.js';
import type {ApiEvent, DeploymentProgress, WatchEvent} from '../../../source/core/types.js';
import {T0, details} from '../fixtures.js';

// Every wording family except lifecycle starts: appending them stays within one lifecycle.
const texts = [
	'building image for model [TF 3.0.0]',
	'model (TF 3.0.0) build image success',
	'building image for model [PT 1.2.0]',
	'preparing environment',
	'[TF 3.0.0] prepare environment success',
	'[PT 1.2.0] schedule resource success',
	'[TF 3.0.0] schedule resource failed: insufficient CPU',
	'[TF 3.0.0] pulling model image',
	'[TF 3.0.0] pull image success',
	'[PT 1.2.0] starting model',
	'The image starts to create.',
	'The image created.',
	'Failed to create the image.',
	'Insufficient resources. Wait until idle resources are sufficient.',
	'0/3 nodes are available: 3 Insufficient cpu.',
	'Back-off pulling image "x"',
	'Liveness probe failed',
	'Service my-service started.',
	'Failed to start service my-service.',
	'The service has been stopped.',
	'Auto stop has been enabled. The service will stop after 3600s.',
	'something nobody has ever seen',
];

const apiEvent = fc.record({
	event_type: fc.constantFrom('normal', 'abnormal'),
	event_info: fc.oneof(fc.constantFrom(...texts), fc.string({maxLength: 30})),
	gap: fc.integer({min: 0, max: 5000}),
});

function lifecycle(raw: readonly {event_type: string; event_info: string; gap: number}[]): WatchEvent[] {
	let time = T0;
	const events: ApiEvent[] = [{event_type: 'normal', event_info: 'start to deploy service', occur_time: time}];
	for (const {event_type, event_info, gap} of raw) {
		time += gap;
		events.push({event_type, event_info, occur_time: time});
	}
	return events
		.map((event, seq) => toWatchEvent(event, seq, 0))
		.filter((event, index) => index === 0 || event.signal !== 'lifecycle');
}

function doneSet(progress: DeploymentProgress): Map<string, string> {
	const states = new Map<string, string>();
	for (const track of progress.tracks) {
		for (const phase of track.phases) states.set(`${track.model}/${phase.phase}`, phase.state);
	}
	return states;
}

describe('computeDeployment: monotonic within a lifecycle', () => {
	it('appending events never moves a done phase back to pending or active', () => {
		fc.assert(
			fc.property(fc.array(apiEvent, {maxLength: 25}), fc.constantFrom(null, 'deploying', 'running', 'failed'), (raw, status) => {
				const events = lifecycle(raw);
				const info = status === null ? null : details(status);
				let before = doneSet(computeDeployment(events.slice(0, 1), info));
				for (let n = 2; n <= events.length; n++) {
					const after = doneSet(computeDeployment(events.slice(0, n), info));
					for (const [key, state] of before) {
						if (state === 'done' && after.has(key)) expect(['done', 'failed']).toContain(after.get(key));
					}
					before = after;
				}
			}),
			{numRuns: 200},
		);
	});

	it('never throws and always yields five phases per track', () => {
		fc.assert(
			fc.property(fc.array(apiEvent, {maxLength: 40}), (raw) => {
				const progress = computeDeployment(lifecycle(raw), null);
				expect(progress.tracks.length).toBeGreaterThan(0);
				for (const track of progress.tracks) expect(track.phases).toHaveLength(5);
			}),
			{numRuns: 200},
		);
	});
});
