import {describe, expect, it} from 'vitest';
import {deploymentIsUpdate} from '../../../source/core/deployment/update-lifecycle.js';
import {details, watchEvents, type Entry} from '../fixtures.js';

describe('deploymentIsUpdate', () => {
	it.each<[string, Entry[], number | undefined, number | null, boolean]>([
		['API wording', ['start to deploy service', 'start to update service', 'preparing environment'], undefined, null, true],
		['console wording', ['The service is being updated.', '[resnet 1.1.0] pulling model image'], undefined, null, true],
		['a console variant', ['The service starts to update.'], undefined, null, true],
		['a rollback', ['The service is being rolled back.'], undefined, null, true],
		['a fresh deploy', ['start to deploy service', 'preparing environment'], undefined, null, false],
		['a start after a stop', ['The service is being started.'], undefined, null, false],
		['an earlier update, then a deploy that is the current lifecycle', ['start to update service', 'The service has been stopped.', 'The service is being started.'], undefined, null, false],
		['no lifecycle event, update_time moved since the watch began', ['preparing environment'], 2000, 1000, true],
		['a deploy wording, but update_time moved since the watch began', ['start to deploy service'], 2000, 1000, true],
		['update_time as it was when the watch began', ['start to deploy service'], 1000, 1000, false],
		['no update_time seen when the watch began', ['start to deploy service'], 2000, null, false],
		['no events, no details', [], undefined, null, false],
	])('%s', (_name, entries, updateTime, atStart, expected) => {
		const current = updateTime === undefined ? null : details('deploying', {update_time: updateTime});
		expect(deploymentIsUpdate(watchEvents(...entries), current, atStart)).toBe(expected);
	});
});
