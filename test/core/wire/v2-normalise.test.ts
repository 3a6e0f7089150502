import {describe, expect, it} from 'vitest';
import {computeDeployment} from '../../../source/core/deployment/progress.js';
import {diagnoseSlow} from '../../../source/core/diagnosis/slow.js';
import {toWatchEvent} from '../../../source/core/events/normalise.js';
import {outcomeOfStatus} from '../../../source/core/deployment/outcome.js';
import {validateServiceDetails} from '../../../source/core/wire/validate.js';
import {detailsOfV2, eventOfV2, monitorOfDeployments, v1Status} from '../../../source/core/wire/v2-normalise.js';

const T0 = 1_700_000_000_000;

describe('v2 statuses', () => {
	it.each([
		['DEPLOYING', 'in_progress'],
		['INIT', 'in_progress'],
		['UPGRADING', 'in_progress'],
		['RESTARTING', 'in_progress'],
		['RUNNING', 'succeeded'],
		['CONCERNING', 'succeeded'],
		['FAILED', 'failed'],
		['ERROR', 'failed'],
		['STOPPED', 'stopped'],
		['STOPPING', 'stopped'],
		['INTERRUPTING', 'stopped'],
		['DELETING', 'stopped'],
	])('%s → %s', (status, outcome) => {
		expect(v1Status(status)).toEqual({status: status.toLowerCase(), known: true});
		expect(outcomeOfStatus(v1Status(status).status)).toBe(outcome);
	});

	it('marks a status the watch does not know', () => {
		expect(v1Status('HIBERNATING')).toEqual({status: 'hibernating', known: false});
	});
});

describe('v2 details and events as the watch keeps them', () => {
	const v2 = {id: 's', name: 'llm', status: 'FAILED', failure_reason: 'image pull failed', deploy_timeout_minutes: 5, create_at: T0, update_at: T0 + 60_000};

	it('failure_reason is error_msg, and the service time-out feeds the near-time-out hint', () => {
		const details = detailsOfV2(v2);
		expect(details).toMatchObject({status: 'failed', error_msg: 'image pull failed', deploy_timeout_minutes: 5, publish_at: T0});
		const deploying = detailsOfV2({...v2, status: 'DEPLOYING', failure_reason: null});
		const start = toWatchEvent({event_type: 'normal', event_info: 'start to deploy service', occur_time: T0}, 0, 0);
		const deployment = computeDeployment([start], deploying);
		expect(deployment.deployTimeoutMs).toBe(5 * 60_000);
		// 4 of its 5 minutes gone: the service's own time-out speaks, not the 20-minute default
		const slow = diagnoseSlow(deployment, {nowMs: T0 + 4 * 60_000, timeoutMs: 20 * 60_000});
		expect(JSON.stringify(slow)).toMatch(/5m|5 min/);
	});

	it('an event in the chosen language, with its id, count and last time', () => {
		const event = {id: 'e1', event_type: 'WARNING', event_info: 'pulling image', event_info_cn: '正在拉取镜像', event_count: 3, create_at: T0, update_at: T0 + 9000};
		expect(eventOfV2(event, 'en')).toEqual({event_type: 'warning', event_info: 'pulling image', occur_time: T0, id: 'e1', count: 3, last_at: T0 + 9000});
		expect(eventOfV2(event, 'zh').event_info).toBe('正在拉取镜像');
		expect(eventOfV2({...event, event_info_cn: null}, 'zh').event_info).toBe('pulling image');
	});

	it('instance counts add up over deployments; an unknown count stays unknown', () => {
		const d = (count: number | null, running: number | null) => ({id: 'd', name: 'd', status: 'RUNNING', count, running_count: running});
		expect(monitorOfDeployments([d(2, 1), d(1, 1)])).toEqual({service_instance_count: 3, service_running_instance_count: 2, monitors: []});
		expect(monitorOfDeployments([d(2, null)])).toEqual({service_instance_count: 2, monitors: []});
	});
});

describe('v1 details', () => {
	it('accept config delivered as a JSON string', () => {
		const {details, problems} = validateServiceDetails({service_id: 's', status: 'running', config: JSON.stringify([{model_name: 'TF', model_version: '3.0.0', status: 'ready'}])});
		expect(details?.config).toEqual([expect.objectContaining({model_name: 'TF', model_version: '3.0.0'})]);
		expect(problems).toEqual([]);
	});
});
