// What the outcome area says, decided in the model so the layout can count its lines
// before anything is drawn. The view only picks glyphs and colours per kind.
import type {DeploymentProgress} from './types.js';

/** One outcome line, most important first. */
export interface OutcomeNotice {
	readonly kind: 'succeeded' | 'failed' | 'stopped' | 'warning' | 'info';
	/** Plain text; may hold server text, so the view sanitises it. */
	readonly text: string;
}

function failureCause(deployment: DeploymentProgress): string | null {
	for (const track of deployment.tracks) {
		const failed = track.phases.find(phase => phase.state === 'failed' && phase.cause);
		if (failed?.cause) {
			return failed.cause;
		}
	}

	return null;
}

function outcomeNotice(deployment: DeploymentProgress): OutcomeNotice | null {
	switch (deployment.outcome) {
		case 'succeeded': {
			return {kind: 'succeeded', text: `Deployed: the service is ${deployment.status ?? 'running'}`};
		}

		case 'failed': {
			const cause = deployment.errorMsg ?? failureCause(deployment);
			return {kind: 'failed', text: cause ? `Deployment failed: ${cause}` : 'Deployment failed'};
		}

		case 'stopped': {
			return {kind: 'stopped', text: `Service ${deployment.status ?? 'stopped'}`};
		}

		case 'in_progress': {
			return null;
		}
	}
}

/**
 * The outcome lines for the current state: the result (deployed / failed with its cause /
 * stopped), a `concerning` warning, and a note when the details API is unavailable.
 */
export function outcomeNotices(deployment: DeploymentProgress, detailsUnavailable: string | null): OutcomeNotice[] {
	const notices: OutcomeNotice[] = [];
	const outcome = outcomeNotice(deployment);
	if (outcome) {
		notices.push(outcome);
	}

	if (deployment.concerning) {
		notices.push({kind: 'warning', text: 'Concerning: some instances are abnormal'});
	}

	if (detailsUnavailable !== null) {
		notices.push({kind: 'info', text: `Details unavailable (${detailsUnavailable}): progress from events only`});
	}

	return notices;
}
