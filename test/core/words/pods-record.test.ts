import {describe, expect, it} from 'vitest';
import {podsLine, podsRecord} from '../../../source/core/words/pods-record.js';
import type {PodsReport} from '../../../source/core/wire/v2-types.js';

const report: PodsReport = {
	deployments: [{id: 'd1', name: 'llm-chat-d1', status: 'DEPLOYING', count: 2, running_count: 1}],
	pods: [
		{pod_name: 'p0', status: 'RUNNING', node: '192.168.0.10'},
		{pod_name: 'p1', status: 'PENDING', node: null},
	],
	events: [
		{type: 'Normal', reason: 'Scheduled', message: 'Successfully assigned p0', count: 1, first_at: 1, last_at: 1},
		{type: 'Warning', reason: 'Failed', message: 'Error: ErrImagePull', count: 2, first_at: 2, last_at: 5},
		{type: 'Warning', reason: 'Failed', message: 'Error: ImagePullBackOff', count: 4, first_at: 3, last_at: 5},
	],
};

describe('pods record and line', () => {
	it('carries running/wanted per deployment, each pod with its node, and the latest Warning events first', () => {
		expect(podsRecord(report, 9)).toEqual({
			kind: 'pods',
			at: 9,
			deployments: [{name: 'llm-chat-d1', status: 'DEPLOYING', running: 1, total: 2}],
			pods: [{name: 'p0', status: 'RUNNING', node: '192.168.0.10'}, {name: 'p1', status: 'PENDING', node: null}],
			warnings: [
				{reason: 'Failed', message: 'Error: ImagePullBackOff', count: 4, last_at: 5},
				{reason: 'Failed', message: 'Error: ErrImagePull', count: 2, last_at: 5},
			],
		});
	});

	it('says it in one line: pods by status and node, then the latest warning with its count', () => {
		expect(podsLine(report)).toBe('1 running on 192.168.0.10, 1 pending on ? · Failed ×4: Error: ImagePullBackOff');
		expect(podsLine({deployments: [], pods: [], events: []})).toBe('no pods yet');
	});
});
