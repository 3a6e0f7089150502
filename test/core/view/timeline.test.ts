import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {computeDeployment} from '../../../source/core/deployment/progress.js';
import {toWatchEvent} from '../../../source/core/events/normalise.js';
import {allocateCells, timelineOf} from '../../../source/core/view/timeline.js';
import {DEPLOYING_EVENTS, details, event} from '../../ui/fixtures.js';

function deploymentOf(apiEvents: typeof DEPLOYING_EVENTS, status: string) {
	const events = apiEvents.map((api, index) => toWatchEvent(api, index, 0));
	return computeDeployment(events, details({status, progress: 100}));
}

const FINISHED = [...DEPLOYING_EVENTS, event(140, '[TF 3.0.0] pull image success'), event(150, '[TF 3.0.0] starting model')];

describe('timelineOf', () => {
	test('is empty while the deployment runs', () => {
		expect(timelineOf(deploymentOf(DEPLOYING_EVENTS, 'deploying'))).toEqual([]);
	});

	test('once it ended, names the phase that took longest', () => {
		const [row] = timelineOf(deploymentOf(FINISHED, 'running'));
		expect(row?.model).toBe('TF 3.0.0');
		// Image building ran from the deployment's start to 65 s: the longest of the five.
		expect(row?.longest).toEqual({phase: 'image_building', ms: 65_000});
		expect(row?.parts.map(part => part.phase)).toEqual(['image_building', 'environment_preparation', 'resource_scheduling', 'image_pulling', 'model_startup']);
	});
});

describe('allocateCells', () => {
	test.each([
		[[1, 1, 2], 8, [2, 2, 4]],
		[[100, 1, 0], 10, [9, 1, 0]],
		[[0, 0], 5, [0, 0]],
		[[5], 0, [0]],
	])('%j into %i cells → %j', (durations, width, expected) => {
		expect(allocateCells(durations, width)).toEqual(expected);
	});

	test('always fills the width exactly, and no non-zero phase vanishes while there is room', () => {
		fc.assert(
			fc.property(fc.array(fc.nat(100_000), {minLength: 1, maxLength: 5}), fc.nat(200), (durations, width) => {
				const cells = allocateCells(durations, width);
				const total = durations.reduce((sum, ms) => sum + ms, 0);
				expect(cells.reduce((sum, count) => sum + count, 0)).toBe(total === 0 ? 0 : width);
				const nonZero = durations.filter(ms => ms > 0).length;
				if (width >= nonZero) durations.forEach((ms, index) => ms > 0 && expect(cells[index]).toBeGreaterThan(0));
			}),
		);
	});
});
