// CI systems kill jobs that print nothing for a few minutes; a slow image pull can take
// longer than that. The heartbeat says what is still going on whenever the log goes quiet.
import {formatDuration} from '../core/deployment/elapsed.js';
import type {DeploymentProgress, PhaseId} from '../core/types.js';

export const HEARTBEAT_EVERY_MS = 30_000;

const STILL: Readonly<Record<PhaseId, string>> = {
	image_building: 'still building the image',
	environment_preparation: 'still preparing the environment',
	resource_scheduling: 'still scheduling resources',
	image_pulling: 'still pulling the image',
	model_startup: 'still starting the model',
};

/**
 * "still pulling the image, 2m10s" (time in the active phase), or, when no phase is active,
 * how long nothing has been printed.
 */
export function heartbeatLine(deployment: DeploymentProgress, nowMs: number, quietSinceMs: number): string {
	for (const track of deployment.tracks) {
		const active = track.phases.find(phase => phase.state === 'active');
		if (active?.startedAt != null) {
			const model = deployment.tracks.length > 1 && track.model ? ` [${track.model}]` : '';
			return `${STILL[active.phase]}${model}, ${formatDuration(nowMs - active.startedAt)}`;
		}
	}

	const status = deployment.status ?? 'unknown';
	return `still watching (status ${status}), nothing new for ${formatDuration(nowMs - quietSinceMs)}`;
}

/** Calls `emit` after `everyMs` of silence, and again every `everyMs` while it lasts. */
export interface Heartbeat {
	/** Something was printed: the silence starts again now. */
	touch(): void;
	stop(): void;
}

export function startHeartbeat(options: {
	readonly everyMs: number;
	readonly now: () => number;
	readonly emit: (quietSinceMs: number) => void;
}): Heartbeat {
	let quietSince = options.now();
	let timer: ReturnType<typeof setTimeout> | undefined;
	const arm = () => {
		clearTimeout(timer);
		timer = setTimeout(() => {
			options.emit(quietSince);
			arm();
		}, options.everyMs);
		timer.unref?.();
	};

	arm();
	return {
		touch() {
			quietSince = options.now();
			arm();
		},
		stop() {
			clearTimeout(timer);
			timer = undefined;
		},
	};
}
