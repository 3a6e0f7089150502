// `GET /v1/{project_id}/models/{model_id}` (modelarts-api-evidence.md §10): the details of
// each model a scenario deploys. As documented, the probes sit inside the `config` JSON
// string with every number a string; the top-level `health` mirrors the config's own.
import type {ScenarioModel} from '../scenarios/types.js';
import {flavourOf} from '../flavours.js';
import type {SimResponse} from './http-util.js';
import {apiError, json} from './http-util.js';

/** A model version's details, given its id and when it was created (ms). */
export function modelDetails(id: string, m: ScenarioModel, createdAt: number): Record<string, unknown> {
	const flavour = flavourOf(m.specification, m.customSpec);
	const config = {
		model_algorithm: 'predict_analysis',
		model_type: 'Image',
		...(m.probes ?? {}),
	};
	return {
		model_id: id,
		model_name: m.name,
		model_version: m.version,
		model_status: m.modelStatus ?? 'published',
		model_type: 'Image',
		model_source: 'custom',
		runtime: 'custom',
		source_copy: 'true',
		install_type: ['realtime', 'batch'],
		model_size: 4_831_838_208,
		create_at: createdAt,
		image_address: `swr.sim.invalid/models/${id}:${m.version}`,
		specification: {min_cpu: String(flavour.cpu), min_gpu: String(flavour.gpu?.cards ?? 0), min_memory: String(flavour.memoryMb)},
		...(m.probes?.health ? {health: m.probes.health} : {}),
		config: JSON.stringify(config),
		apis: '[]',
	};
}

/** The details of a known model; 404 ModelArts.3001 for any other id. */
export function modelResponse(id: string, known: {readonly model: ScenarioModel; readonly createdAt: number} | undefined): SimResponse {
	if (!known) return apiError(404, 'ModelArts.3001', `Model ${id} does not exist.`);
	return json(200, modelDetails(id, known.model, known.createdAt));
}
