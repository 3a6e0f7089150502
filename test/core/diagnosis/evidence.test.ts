import {describe, expect, it} from 'vitest';
import {readText} from '../../../source/core/diagnosis/evidence.js';
import type {PhaseId} from '../../../source/core/types.js';

type Row = readonly [text: string, category: string];

// Wordings of each cause that are not the examples of troubleshooting.md: other models and
// numbers, console sentences, Kubernetes detail, translated console terms.
const byWords: Readonly<Record<string, readonly Row[]>> = {
	resources: [
		['[detector 2.4.1] 0/12 nodes are available: 12 Insufficient nvidia.com/gpu.', 'resources'],
		['Insufficient memory. The scheduling failed. Supplementary information: requested 64Gi, 12Gi free', 'resources'],
		['no available nodes in pool pool-gpu-a100 for flavour modelarts.p3.4xlarge', 'resources'],
		['3 node(s) had untolerated taint {node.kubernetes.io/disk-pressure: }', 'resources'],
		['pod could not be scheduled: pre-warmed node affinity not satisfied', 'resources'],
		['GPU resources are sold out in this region, try another flavor', 'resources'],
		['资源不足，调度失败', 'resources'],
		['Nicht genügend Ressourcen im Pool verfügbar', 'resources'],
		['The specification modelarts.vm.gpu.t4 is not available in the public pool', 'resources'],
		['Dedicated pool pool-a is at capacity; retrying', 'resources'],
		['The cluster does not have enough resources for the requested specification.', 'resources'],
		['Schedule instance error: request cpu 16 exceeds the node allocatable 8', 'resources'],
		['Cluster lacks free accelerator cards for this spec', 'resources'],
		['The selected compute pool has no spare capacity right now', 'resources'],
		['Unable to find a host with 4 free Ascend 910 chips', 'resources'],
		['All GPUs in the public pool are currently occupied', 'resources'],
		['Placement failed: requested resources exceed what any node offers', 'resources'],
		['Requested flavor has zero remaining stock in this AZ', 'resources'],
		['Compute resources temporarily exhausted, please retry', 'resources'],
		['The cluster cannot accommodate 4 more GPU instances right now', 'resources'],
	],
	quota: [
		['Real-time service quota exhausted (20 of 20 in use)', 'quota'],
		['Insufficient quota: requested 4 instances, 1 left in the project', 'quota'],
		['You have reached the maximum number of real-time services for this account', 'quota'],
		['实时服务配额不足，请删除不用的服务', 'quota'],
		['The number of instances in this project exceeds the limit', 'quota'],
		['Service count has reached the upper bound of 20.', 'quota'],
		['You have reached the limit of real-time services allowed for this account', 'quota'],
		['Your project may run at most 10 services; delete one and retry', 'quota'],
		['Cannot create more services: limit reached', 'quota'],
		['Instance count limit (8) reached for the tenant', 'quota'],
	],
	image_build: [
		['model (ocr-det 1.3.0) build image failed: pip install paddleocr==2.7.0 returned 1', 'image_build'],
		['Failed to create model image ocr-det:1.3.0. For details, see logs: step 4/9', 'image_build'],
		['Dependencies may not be declared in config.json for models with a custom image', 'image_build'],
		['swr_location is only allowed for custom images', 'image_build'],
		['The source image could not be fetched from SWR: authentication failed (token expired)', 'image_build'],
		['镜像构建失败', 'image_build'],
		['Image build timed out after 60 minutes', 'image_build'],
		['Failed to push the image to SWR: 429 Too Many Requests', 'image_build'],
		['The model image cannot be created because the runtime is not supported', 'image_build'],
		['Installing python packages failed during image packaging', 'image_build'],
		['SWR rejected the request: too many requests, try again later', 'image_build'],
	],
	image_pull: [
		['[asr-large v3.2] image pull failed: no space left on device (image 38 GiB)', 'image_pull'],
		['Back-off pulling image "swr.ap-southeast-3.myhuaweicloud.com/team/asr:3.2"', 'image_pull'],
		['Failed to pull image: rpc error: code = NotFound desc = manifest unknown', 'image_pull'],
		['ErrImagePull: context deadline exceeded while downloading the image layers', 'image_pull'],
		['镜像拉取失败，稍后重试', 'image_pull'],
		["The image is larger than the node's free disk", 'image_pull'],
		['Back-off fetching container image swr.cn-north-4/x:1', 'image_pull'],
		['Node ran out of room while unpacking the image layers', 'image_pull'],
		['The image (42 GB) exceeds the free disk on the node', 'image_pull'],
		['Image download interrupted: i/o timeout', 'image_pull'],
		['Failed to obtain image from SWR for node 10.0.0.3: timeout', 'image_pull'],
	],
	storage: [
		['downloading the model from obs://ml-bucket/models/chat failed: 403 AccessDenied', 'storage'],
		['MountVolume.SetUp failed for volume "sfs-turbo-7a1c": mount.nfs: Connection timed out', 'storage'],
		['The SFS Turbo file system is not associated with the resource pool network', 'storage'],
		['write /home/ma-user/cache: no space left on device', 'storage'],
		['挂载存储失败', 'storage'],
		['Failed to fetch model weights from bucket ml-prod', 'storage'],
		['Volume attach timed out for sfs-share-1', 'storage'],
	],
	health_check: [
		['Readiness probe failed: Get "http://172.16.0.12:8443/healthz": connect: connection refused', 'health_check'],
		['[ranker 2.0.0-rc1] Liveness probe failed: HTTP probe failed with statuscode: 404', 'health_check'],
		['health check of instance timed out after 300s', 'health_check'],
		['健康检查失败', 'health_check'],
	],
	startup: [
		["[sentiment 1.1.0] model process exited: ModuleNotFoundError: No module named 'transformers'", 'startup'],
		['Back-off restarting failed container model in pod sentiment-1-1-0-6c9d', 'startup'],
		['Container was OOMKilled (exit code 137)', 'startup'],
		['The inference script must inherit the right base class for a TensorFlow model', 'startup'],
		['pod container failed to start: CrashLoopBackOff', 'startup'],
		['模型启动失败，容器反复重启', 'startup'],
		['Model initialization failed: CUDA out of memory', 'startup'],
		['The model service did not start within 600s', 'startup'],
		['Instance start failed: process exited abnormally', 'startup'],
		['The model instance keeps rebooting', 'startup'],
		['Container died with SIGSEGV', 'startup'],
		['Model server exited unexpectedly with status 1', 'startup'],
		['model_service.py raised KeyError during init', 'startup'],
		['The container exited immediately after launch', 'startup'],
	],
	timeout: [
		['The deployment exceeded its time limit (30 min) and was cancelled.', 'timeout'],
		['Deploying service svc-42 timed out', 'timeout'],
		['Zeitüberschreitung bei der Bereitstellung', 'timeout'],
		['The deployment exceeded the maximum duration', 'timeout'],
		['Deployment did not complete within the allotted 20 minutes', 'timeout'],
		['The operation exceeded the configured deployment window', 'timeout'],
		['Service deployment exceeded the 20 minute limit', 'timeout'],
		['Deployment aborted: time budget exhausted', 'timeout'],
		['Deployment took too long and was stopped', 'timeout'],
		['Gave up waiting for the service to become ready after 20 minutes', 'timeout'],
	],
	unknown: [
		['Failed to start service my-svc-7.', 'unknown'],
		['An internal error occurred. Contact technical support. (ModelArts.3501)', 'unknown'],
		['unexpected state transition E-UNK-42', 'unknown'],
		['Internal server error', 'unknown'],
		['The service was stopped by user admin', 'unknown'],
		['Something went wrong.', 'unknown'],
		['Operation failed, request id 7f3a', 'unknown'],
	],
};

describe('readText: the category by meaning', () => {
	for (const [family, rows] of Object.entries(byWords)) {
		it.each(rows)(`${family}: %j → %s`, (text, category) => {
			expect(readText(text, null, ['ranker 2.0.0-rc1', 'asr-large v3.2', 'sentiment 1.1.0', 'ocr-det 1.3.0', 'detector 2.4.1']).category).toBe(category);
		});
	}
});

describe('readText: codes, phases and names', () => {
	it.each([
		// A listed code decides over the words around it
		['ModelArts.3976: the flavour you chose cannot be provided right now', 'resources', 'code', 'ModelArts.3976'],
		// 8505 (warm-up task not successful) is startup, as troubleshooting.md lists it
		['Pod failed. error_code=MODELARTS_8505 warm-up request returned 500', 'startup', 'code', 'ModelArts.8505'],
		['ModelArts.8507 (ModelArts.3520) access to the shared directory hung', 'storage', 'code', 'ModelArts.8507'],
		['ModelArts 8506 attach failed', 'storage', 'code', 'ModelArts.8506'],
		// 3520-3522 are limits on services and instances (the appendix), never a time-out
		['ModelArts.3520: deployment timed out because no nodes are available for the flavour', 'quota', 'code', 'ModelArts.3520'],
		['Error: ModelArts.3522', 'quota', 'code', 'ModelArts.3522'],
		// One code, two meanings: without the HTTP status 0428 decides nothing, the words do
		['ModelArts.0428 while updating the model', 'unknown', 'none', null],
		// A code whose row names no cause (3501, a generic failure) leaves the text to decide, and is kept
		['ModelArts.3501 failed to deploy the service: image pull failed', 'image_pull', 'words', 'ModelArts.3501'],
		['ModelArts.39760 is not a code we know', 'unknown', 'none', null],
	] as const)('%j → %s by %s', (text, category, basis, code) => {
		expect(readText(text, null, [])).toEqual({category, basis, code});
	});

	it.each([
		['image_building', 'image_build'],
		['resource_scheduling', 'resources'],
		['image_pulling', 'image_pull'],
		['model_startup', 'startup'],
		['environment_preparation', 'unknown'],
	] as const)('words naming no cause fall back to the phase the event names: %s → %s', (phase: PhaseId, category) => {
		expect(readText('[m 1.0] step failed, see the event log', phase, ['m 1.0']).category).toBe(category);
	});

	it('a model named like a cause cannot pick one', () => {
		expect(readText('[health-check-bot 1.0] failed to pull the image', null, ['health-check-bot 1.0']).category).toBe('image_pull');
		expect(readText('pod quota-model-1-0-7d9f: Back-off restarting failed container', null, ['quota-model 1.0']).category).toBe('startup');
	});

	it('reads only the head of a huge text', () => {
		const huge = `${'x'.repeat(3000)} insufficient cpu`;
		expect(readText(huge, null, []).category).toBe('unknown');
		expect(readText(`${'(( [[ modelarts.modelarts. '.repeat(40_000)} out of memory`, null, ['a 1.0']).category).toBe('unknown');
	});
});
