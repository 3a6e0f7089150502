import {describe, expect, it} from 'vitest';
import type {InstanceCounts} from '../../source/model/instances.js';
import type {DeploymentProgress} from '../../source/model/types.js';
import {outcomeWords} from '../../source/model/wording.js';

const START = 1_562_597_251_764;

function ended(outcome: DeploymentProgress['outcome'], status: string): DeploymentProgress {
	return {startedAt: START, endedAt: START + 252_000, tracks: [], outcome, status, progress: null, errorMsg: null, errorModel: null, problems: [], concerning: status === 'concerning'};
}

describe('outcomeWords with instance counts', () => {
	it.each<[string, DeploymentProgress, InstanceCounts | null, string]>([
		['all instances up', ended('succeeded', 'running'), {running: 2, total: 2}, 'Deployed in 4m12s: 2/2 instances running'],
		['one instance', ended('succeeded', 'running'), {running: 1, total: 1}, 'Deployed in 4m12s: 1/1 instance running'],
		['running with fewer than asked for', ended('succeeded', 'running'), {running: 1, total: 2}, 'Deployed in 4m12s: running with 1/2 instances ready'],
		['concerning, one instance down', ended('succeeded', 'concerning'), {running: 1, total: 2}, 'Deployed in 4m12s: running with 1/2 instances ready'],
		['no monitor', ended('succeeded', 'running'), null, 'Deployed in 4m12s: the service is running'],
		['counts unknown', ended('succeeded', 'concerning'), {running: null, total: 2}, 'Deployed in 4m12s: the service is concerning'],
		['a failure ignores counts', ended('failed', 'failed'), {running: 0, total: 2}, 'Deployment failed after 4m12s'],
	])('%s', (_name, deployment, instances, headline) => {
		expect(outcomeWords(deployment, null, instances).headline).toBe(headline);
	});
});
