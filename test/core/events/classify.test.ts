import {describe, expect, it} from 'vitest';
import {classifyEvent} from '../../../source/core/events/classify.js';
import type {EventType} from '../../../source/core/types.js';

type Row = readonly [info: string, type: EventType, phase: string | null, signal: string, model: string | null];

const apiWording: Row[] = [
	['start to deploy service', 'normal', null, 'lifecycle', null],
	['building image for model [TF 3.0.0]', 'normal', 'image_building', 'start', 'TF 3.0.0'],
	['model (TF 3.0.0) build image success', 'normal', 'image_building', 'success', 'TF 3.0.0'],
	['preparing environment', 'normal', 'environment_preparation', 'start', null],
	['[TF 3.0.0] prepare environment success', 'normal', 'environment_preparation', 'success', 'TF 3.0.0'],
	['[TF 3.0.0] schedule resource success', 'normal', 'resource_scheduling', 'success', 'TF 3.0.0'],
	['[TF 3.0.0] pulling model image', 'normal', 'image_pulling', 'start', 'TF 3.0.0'],
	['[TF 3.0.0] pull image success', 'normal', 'image_pulling', 'success', 'TF 3.0.0'],
	['[TF 3.0.0] starting model', 'normal', 'model_startup', 'start', 'TF 3.0.0'],
	[
		'[TF 3.0.0] schedule resource failed: insufficient CPU (requested 8 cores, 2 idle in the resource pool)',
		'abnormal',
		'resource_scheduling',
		'failure',
		'TF 3.0.0',
	],
	[
		'[TF 3.0.0] pull image failed: timed out while connecting to the image repository, retry later',
		'abnormal',
		'image_pulling',
		'failure',
		'TF 3.0.0',
	],
];

const consoleWording: Row[] = [
	['The service starts to deploy.', 'normal', null, 'lifecycle', null],
	['The image starts to create.', 'normal', 'image_building', 'start', null],
	['The image created.', 'normal', 'image_building', 'success', null],
	['Failed to create the image.', 'abnormal', 'image_building', 'failure', null],
	['Insufficient resources. Wait until idle resources are sufficient.', 'abnormal', 'resource_scheduling', 'failure', null],
	['The service is being updated.', 'normal', null, 'lifecycle', null],
	['The service is being started.', 'normal', null, 'lifecycle', null],
	['The service is being stopped.', 'normal', null, 'ended', null],
	['The service has been stopped.', 'normal', null, 'ended', null],
	['Auto stop has been enabled. The service will stop after 3600s.', 'normal', null, 'other', null],
	['Service my-service started.', 'normal', null, 'deployed', null],
	['Service failing-svc started.', 'normal', null, 'deployed', null],
	['Service stopped-svc started.', 'normal', null, 'deployed', null],
	['Failed to start service my-service.', 'abnormal', null, 'ended', null],
	['Service deployment timed out. Error: ModelArts.3501 (ModelArts.3501)', 'abnormal', null, 'ended', null],
	['Failed to update the service. The rollback failed.', 'abnormal', null, 'ended', null],
	['The service is being rolled back.', 'normal', null, 'lifecycle', null],
	['Service vision-svc failed. Error: the image pull timed out', 'abnormal', null, 'ended', null],
	['The deployment exceeded its time limit (30 min) and was cancelled.', 'abnormal', null, 'ended', null],
	['Service deployment has timed out', 'abnormal', null, 'ended', null],
];

const troubleshooting: Row[] = [
	['0/3 nodes are available: 3 Insufficient cpu.', 'abnormal', 'resource_scheduling', 'failure', null],
	['Insufficient memory', 'abnormal', 'resource_scheduling', 'failure', null],
	['pull image failed, retry later', 'normal', 'image_pulling', 'failure', null],
	['Back-off pulling image "swr.eu-de.otc/x/y:1"', 'abnormal', 'image_pulling', 'failure', null],
	['ErrImagePull', 'abnormal', 'image_pulling', 'failure', null],
	['container start failed', 'abnormal', 'model_startup', 'failure', null],
	['Back-off restarting failed container: CrashLoopBackOff', 'abnormal', 'model_startup', 'failure', null],
	['Liveness probe failed: HTTP probe failed with statuscode: 500', 'abnormal', 'model_startup', 'failure', null],
	['[TF 3.0.0] health check failed', 'abnormal', 'model_startup', 'failure', 'TF 3.0.0'],
	['Container was OOMKilled', 'abnormal', 'model_startup', 'failure', null],
	['[Errno 2] No such file or directory', 'abnormal', null, 'failure', null],
];

const unknown: Row[] = [
	['', 'normal', null, 'other', null],
	['Licence accepted for this account.', 'normal', null, 'other', null],
	['something nobody has ever seen', 'normal', null, 'other', null],
	['something nobody has ever seen', 'abnormal', null, 'failure', null],
	['\u001b]0;pwned\u0007 hello', 'normal', null, 'other', null],
];

const models: Row[] = [
	['building image for model [image-puller 1.0.0-beta]', 'normal', 'image_building', 'start', 'image-puller 1.0.0-beta'],
	['(resnet_50 v2) pull image success', 'normal', 'image_pulling', 'success', 'resnet_50 v2'],
	['error (ModelArts.3520) while starting model', 'abnormal', 'model_startup', 'failure', null],
	['[step 12] then [TF 3.0.0] starting model', 'normal', 'model_startup', 'start', 'TF 3.0.0'],
	['[some long text 1.0] starting model', 'normal', 'model_startup', 'start', null],
];

describe('classifyEvent', () => {
	for (const [family, rows] of Object.entries({apiWording, consoleWording, troubleshooting, unknown, models})) {
		describe(family, () => {
			it.each(rows)('%j (%s) → %s / %s / %s', (info, type, phase, signal, model) => {
				expect(classifyEvent(info, type)).toEqual({phase, signal, model});
			});
		});
	}

	it('classifies a 100k-character text without choking on it', () => {
		const hostile = `${'[[(( a 1.'.repeat(5000)}${'service '.repeat(5000)}${'x'.repeat(10_000)}`;
		expect(hostile.length).toBeGreaterThan(90_000);
		expect(classifyEvent(hostile, 'normal').signal).toBe('other');
		expect(classifyEvent(`[TF 3.0.0] pull image success ${'y'.repeat(100_000)}`, 'normal')).toEqual({
			phase: 'image_pulling',
			signal: 'success',
			model: 'TF 3.0.0',
		});
	});
});
