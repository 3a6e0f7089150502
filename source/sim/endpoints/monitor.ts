// GET /v1/{project_id}/services/{service_id}/monitor (modelarts-api.md §7): instance counts
// per model and for the service, and resource use against what the instances were given.
// Use follows slow waves of the clock (a few minutes long) so numbers drift plausibly, yet
// the same clock always gives the same answer.
import type {SimModelConfig, SimModelMonitor, SimMonitor} from '../api-shapes.js';
import type {Accelerator} from '../flavours.js';
import {DEFAULT_SPECIFICATION, flavourOf} from '../flavours.js';
import type {SimResponse} from './http-util.js';
import {json} from './http-util.js';
import type {ModelInstances} from '../instances.js';
import {failedCalls} from '../instances.js';
import type {ServiceState} from '../service-state.js';
import {fnv1a} from '../stable-id.js';

/** A share of capacity in use, 0.3–0.7, for one model at one time. */
function load(seed: number, now: number): number {
	const seconds = now / 1000;
	return 0.5 + 0.15 * Math.sin(seconds / 47 + seed) + 0.05 * Math.sin(seconds / 11 + 2 * seed);
}

const round2 = (value: number): number => Math.round(value * 100) / 100;

/** `<prefix>_usage`, `_total`, `_memory_usage`, `_memory_total` for an accelerator kind. */
function acceleratorUse(prefix: 'gpu' | 'npu', card: Accelerator | undefined, total: number, running: number, share: number): Record<string, number> {
	if (!card) return {};
	return {
		[`${prefix}_usage`]: round2(running * card.cards * share),
		[`${prefix}_total`]: total * card.cards,
		[`${prefix}_memory_usage`]: Math.round(running * card.memoryMb * (0.4 + share / 2)),
		[`${prefix}_memory_total`]: total * card.memoryMb,
	};
}

function modelMonitor(config: SimModelConfig, instances: ModelInstances, now: number): SimModelMonitor {
	const flavour = flavourOf(config.specification ?? DEFAULT_SPECIFICATION, config.custom_spec);
	const total = config.instance_count ?? 1;
	const running = instances.running;
	const seed = fnv1a(config.model_id ?? '') % 100;
	const share = load(seed, now);
	const calls = instances.calls(now);
	return {
		model_id: config.model_id ?? '',
		model_name: config.model_name ?? '',
		model_version: config.model_version ?? '',
		model_running_instance_count: running,
		model_instance_count: total,
		invocation_times: calls,
		failed_times: failedCalls(calls),
		cpu_core_usage: round2(running * flavour.cpu * share),
		cpu_core_total: total * flavour.cpu,
		cpu_memory_usage: Math.round(running * flavour.memoryMb * (0.25 + share / 4)),
		cpu_memory_total: total * flavour.memoryMb,
		...acceleratorUse('gpu', flavour.gpu, total, running, load(seed + 1, now)),
		...acceleratorUse('npu', flavour.npu, total, running, load(seed + 2, now)),
	};
}

/** `node_id` selects an edge node; a real-time service has none, so it is accepted and ignored. */
export function monitorResponse(service: ServiceState, now: number): SimResponse {
	const {details} = service;
	const models = service.models();
	const monitors = models.map(({config, instances}) => modelMonitor(config, instances, now));
	const body: SimMonitor = {
		service_name: details.service_name,
		service_id: details.service_id,
		service_running_instance_count: monitors.reduce((sum, m) => sum + m.model_running_instance_count, 0),
		service_instance_count: monitors.reduce((sum, m) => sum + m.model_instance_count, 0),
		req_count_per_min: models.reduce((sum, {instances}) => sum + instances.callsPerMinute(), 0),
		monitors,
	};
	return json(200, body);
}
