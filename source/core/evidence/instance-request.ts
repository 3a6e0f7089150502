// What one instance of a model asks of a node: its flavour's resources, or its custom_spec
// (modelarts-api-evidence.md §11). The flavour table holds the public names the simulator
// serves too (source/sim/flavours.ts reads it), so both sides agree on what a name means.
import type {ServiceModelConfig} from '../types.js';

/** Accelerator cards of one instance. */
export interface Accelerator {
	readonly cards: number;
	readonly memoryMb: number;
}

/** The resources of one instance of a named flavour. */
export interface FlavourResources {
	readonly cpu: number;
	readonly memoryMb: number;
	readonly gpu?: Accelerator;
	readonly npu?: Accelerator;
}

export const FLAVOUR_RESOURCES: Readonly<Record<string, FlavourResources>> = {
	'modelarts.vm.cpu.2u': {cpu: 2, memoryMb: 8192},
	'modelarts.vm.cpu.8u': {cpu: 8, memoryMb: 32_768},
	'modelarts.vm.gpu.p4': {cpu: 8, memoryMb: 32_768, gpu: {cards: 1, memoryMb: 8192}},
	'modelarts.vm.gpu.t4': {cpu: 8, memoryMb: 32_768, gpu: {cards: 1, memoryMb: 16_384}},
	'modelarts.vm.npu.a310': {cpu: 24, memoryMb: 98_304, npu: {cards: 1, memoryMb: 8192}},
};

/** Resources in base units, as nodes report them: cores, bytes, cards. Absent = not asked for or unknown. */
export interface Resources {
	readonly cpu?: number;
	readonly memory?: number;
	readonly gpu?: number;
	readonly npu?: number;
}

const MB = 2 ** 20;

/**
 * One instance's request, or null when the flavour is not one we know (the specifications
 * API could tell, but reading it for every slow phase would cost a request we do not need).
 */
export function instanceRequest(config: ServiceModelConfig): Resources | null {
	const {specification, custom_spec: custom} = config;
	if (specification === 'custom' || (specification === undefined && custom !== undefined)) {
		if (custom === undefined) return null;
		return {
			...(custom.cpu === undefined ? {} : {cpu: custom.cpu}),
			...(custom.memory === undefined ? {} : {memory: custom.memory * MB}),
			...(custom.gpu_p4 ? {gpu: custom.gpu_p4} : {}),
		};
	}
	const flavour = specification === undefined ? undefined : FLAVOUR_RESOURCES[specification];
	if (flavour === undefined) return null;
	return {
		cpu: flavour.cpu,
		memory: flavour.memoryMb * MB,
		...(flavour.gpu ? {gpu: flavour.gpu.cards} : {}),
		...(flavour.npu ? {npu: flavour.npu.cards} : {}),
	};
}
