// What one instance of a flavour has (modelarts-api.md §7 reports use against these). The
// names follow ModelArts' public flavours; `custom` takes its numbers from custom_spec.
import {FLAVOUR_RESOURCES, type FlavourResources} from '../core/evidence/instance-request.js';
import type {SimCustomSpec} from './api-shapes.js';

export type {Accelerator} from '../core/evidence/instance-request.js';

/** The resources of one instance (the model's own table: flavour names mean the same to both sides). */
export type Flavour = FlavourResources;

/** The flavour of a model that does not name one. */
export const DEFAULT_SPECIFICATION = 'modelarts.vm.cpu.2u';

const FLAVOURS = FLAVOUR_RESOURCES;

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
