// At most one diagnosis for the current deployment: why it failed, or why it is slow. Pure:
// the clock arrives in the input. The failure part depends on the deployment alone, so a
// caller may memoise it by the deployment's identity; the slow part is O(models × phases).
import type {DeploymentProgress} from '../types.js';
import {diagnoseFailure} from './failure.js';
import {diagnoseSlow} from './slow.js';
import type {SlowContext} from './slow.js';
import type {Diagnosis} from './types.js';

export interface DiagnoseInput extends SlowContext {
	readonly deployment: DeploymentProgress;
}

/**
 * A failure diagnosis when the deployment failed; a `slow` one while it runs long (the facts
 * handed in join its evidence: they may say why it is slow); else null.
 */
export function diagnose(input: DiagnoseInput): Diagnosis | null {
	const failure = diagnoseFailure(input.deployment, input);
	if (failure !== null) return failure;
	return diagnoseSlow(input.deployment, input);
}
