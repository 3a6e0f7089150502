// What one instance of a flavour has (modelarts-api.md §7 reports use against these). The
// names follow ModelArts' public flavours; `custom` takes its numbers from custom_spec.
import type {SimCustomSpec} from './api-shapes.js';

/** Accelerator cards of one instance. */
export interface Accelerator {
	readonly cards: number;
	readonly memoryMb: number;
}

/** The resources of one instance. */
export interface Flavour {
	readonly cpu: number;
	readonly memoryMb: number;
	readonly gpu?: Accelerator;
	readonly npu?: Accelerator;
}

/** The flavour of a model that does not name one. */
export const DEFAULT_SPECIFICATION = 'modelarts.vm.cpu.2u';

const FLAVOURS: Readonly<Record<string, Flavour>> = {
	'modelarts.vm.cpu.2u': {cpu: 2, memoryMb: 8192},
	'modelarts.vm.cpu.8u': {cpu: 8, memoryMb: 32_768},
	'modelarts.vm.gpu.p4': {cpu: 8, memoryMb: 32_768, gpu: {cards: 1, memoryMb: 8192}},
	'modelarts.vm.gpu.t4': {cpu: 8, memoryMb: 32_768, gpu: {cards: 1, memoryMb: 16_384}},
	'modelarts.vm.npu.a310': {cpu: 24, memoryMb: 98_304, npu: {cards: 1, memoryMb: 8192}},
};

/** A P4 card's memory, for custom flavours that ask for P4 cards. */
const P4_MEMORY_MB = 8192;

/** The flavour of a config entry; throws on a name the simulator does not know. */
export function flavourOf(specification: string, customSpec?: SimCustomSpec): Flavour {
	if (specification === 'custom') {
		if (!customSpec) throw new RangeError('specification "custom" needs a custom_spec');
		const gpu = customSpec.gpu_p4 > 0 ? {gpu: {cards: customSpec.gpu_p4, memoryMb: customSpec.gpu_p4 * P4_MEMORY_MB}} : {};
		return {cpu: customSpec.cpu, memoryMb: customSpec.memory, ...gpu};
	}
	const flavour = FLAVOURS[specification];
	if (!flavour) throw new RangeError(`Unknown specification "${specification}". Known: custom, ${Object.keys(FLAVOURS).join(', ')}`);
	return flavour;
}
